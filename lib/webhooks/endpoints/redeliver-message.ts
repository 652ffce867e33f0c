import type pg from 'pg';
import { inTransaction, isUuid } from '../outbox-db';
import { WebhookError } from '../webhook-error';

const LOCK = `
SELECT m.id, e.disabled_at
FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id
WHERE e.project_id = $1 AND m.endpoint_id = $2 AND m.id = $3
FOR UPDATE OF m NOWAIT`;

// Same webhook-id and body: to the receiver it is the same message again, and a fresh 24 h of retries.
const RESET = `
UPDATE webhook_messages
SET status = 'pending', attempts = 0, first_attempt_at = NULL, next_attempt_at = $2, delivered_at = NULL, last_error = NULL
WHERE id = $1`;

/**
 * Queues a message for delivery again (any status). Null when there is no such message; WebhookError
 * `message_busy` while an instance is delivering it right now, `endpoint_disabled` for a disabled endpoint.
 */
export async function redeliverMessage(
  pool: pg.Pool,
  projectId: number,
  endpointId: string,
  messageId: string,
  now: Date = new Date(),
): Promise<{ messageId: string } | null> {
  if (!isUuid(endpointId) || !isUuid(messageId)) return null;
  return inTransaction(pool, async (db) => {
    let found: { id: string; disabled_at: Date | null } | undefined;
    try {
      found = (await db.query<{ id: string; disabled_at: Date | null }>(LOCK, [projectId, endpointId, messageId]))
        .rows[0];
    } catch (error) {
      if ((error as { code?: string }).code === '55P03') {
        throw new WebhookError(
          'message_busy',
          'This message is being delivered right now; try again in a few seconds.',
        );
      }
      throw error;
    }
    if (!found) return null;
    if (found.disabled_at) {
      throw new WebhookError('endpoint_disabled', 'This endpoint is disabled; enable it before redelivering.');
    }
    await db.query(RESET, [messageId, now]);
    return { messageId };
  });
}
