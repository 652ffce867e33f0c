import type { Queryable } from './outbox-db';

/**
 * Disables an endpoint and cancels its pending messages (stale alerts must not flood a receiver that is
 * re-enabled days later; each one can still be redelivered from the log). Messages another instance is
 * delivering right now are skipped: their attempt finishes and is recorded as usual.
 */
export async function disableEndpoint(db: Queryable, endpointId: string, reason: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE webhook_endpoints SET disabled_at = coalesce(disabled_at, $2), disabled_reason = $3, updated_at = $2
     WHERE id = $1`,
    [endpointId, now, reason],
  );
  await db.query(
    `UPDATE webhook_messages SET status = 'cancelled', last_error = $2
     WHERE id IN (SELECT id FROM webhook_messages WHERE endpoint_id = $1 AND status = 'pending' FOR UPDATE SKIP LOCKED)`,
    [endpointId, `Endpoint disabled: ${reason}`],
  );
}
