import { randomUUID } from 'node:crypto';
import type { AlertEvent } from '../alert-event';
import type { Queryable } from '../outbox-db';
import { isUuid } from '../outbox-db';
import { payloadFor, type WebhookFormat } from '../outbox-payload';
import { WebhookError } from '../webhook-error';
import { createWebhookMessage } from '../webhook-message';

export const TEST_EVENT_TYPE = 'test';

const ENDPOINT = `
SELECT e.name, e.format, e.disabled_at, p.name AS project_name
FROM webhook_endpoints e JOIN projects p ON p.id = e.project_id
WHERE e.project_id = $1 AND e.id = $2`;

const INSERT = `
INSERT INTO webhook_messages (id, endpoint_id, webhook_id, event_type, body, status, attempts, next_attempt_at, created_at)
VALUES (gen_random_uuid(), $1, $2, $3, $4, 'pending', 0, $5, $5)
RETURNING id`;

/**
 * Puts a sample "firing" alert for this endpoint into the outbox, in the endpoint's format and signed
 * like any other message, so a receiver can be checked end to end. Returns the message id, or null
 * when the project has no such endpoint; WebhookError `endpoint_disabled` for a disabled one.
 */
export async function sendTestEvent(
  db: Queryable,
  projectId: number,
  endpointId: string,
  externalUrl: string,
  now: Date = new Date(),
): Promise<{ messageId: string; webhookId: string } | null> {
  if (!isUuid(endpointId)) return null;
  const found = await db.query<{ name: string; format: WebhookFormat; disabled_at: Date | null; project_name: string }>(
    ENDPOINT,
    [projectId, endpointId],
  );
  const endpoint = found.rows[0];
  if (!endpoint) return null;
  if (endpoint.disabled_at) {
    throw new WebhookError('endpoint_disabled', 'This endpoint is disabled; enable it before sending a test event.');
  }
  const event: AlertEvent = {
    id: `test_${randomUUID()}`,
    project: { id: String(projectId), name: endpoint.project_name },
    rule: {
      id: 'test',
      name: 'Tailwatch test event',
      description: 'Sent from the webhooks page to check this receiver. No rule is firing.',
      severity: 'info',
    },
    state: 'firing',
    startsAt: now,
    values: { p95_ms: 512 },
    thresholds: [{ value: 'p95_ms', operator: '>', threshold: 500 }],
    window: { from: new Date(now.getTime() - 5 * 60_000), to: now },
    labels: { test: 'true' },
    annotations: {},
  };
  const message = createWebhookMessage(payloadFor(event, endpoint, externalUrl));
  const inserted = await db.query<{ id: string }>(INSERT, [endpointId, message.id, TEST_EVENT_TYPE, message.body, now]);
  return { messageId: inserted.rows[0].id, webhookId: message.id };
}
