import type { AlertEvent } from './alert-event';
import type { Queryable } from './outbox-db';
import { payloadFor, type WebhookFormat } from './outbox-payload';
import { createWebhookMessage } from './webhook-message';

export interface EnqueueAlertInput {
  projectId: number;
  /** The alert_events row the messages belong to; one message per endpoint and event at most. */
  alertEventId: string | null;
  event: AlertEvent;
  externalUrl: string;
}

const ENDPOINTS = `SELECT id, name, format FROM webhook_endpoints WHERE project_id = $1 AND disabled_at IS NULL`;

const INSERT = `
INSERT INTO webhook_messages (id, endpoint_id, webhook_id, event_type, alert_event_id, body, status, attempts,
                              next_attempt_at, created_at)
SELECT gen_random_uuid(), u.endpoint_id, u.webhook_id, $1, $2, u.body, 'pending', 0, now(), now()
FROM unnest($3::uuid[], $4::text[], $5::text[]) AS u(endpoint_id, webhook_id, body)
ON CONFLICT (endpoint_id, alert_event_id) DO NOTHING`;

/**
 * Writes one outbox message per enabled endpoint of the project. Call it inside the transaction that
 * records the state change: both commit or neither does, so a crash can neither lose a notification
 * nor send one for a change that was rolled back. Returns the number of messages written.
 */
export async function enqueueAlertEvent(db: Queryable, input: EnqueueAlertInput): Promise<number> {
  const endpoints = await db.query<{ id: string; name: string; format: WebhookFormat }>(ENDPOINTS, [input.projectId]);
  if (endpoints.rows.length === 0) return 0;
  const messages = endpoints.rows.map((endpoint) => ({
    endpointId: endpoint.id,
    ...createWebhookMessage(payloadFor(input.event, endpoint, input.externalUrl)),
  }));
  const type = input.event.state === 'resolved' ? 'alert.resolved' : 'alert.firing';
  const result = await db.query(INSERT, [
    type,
    input.alertEventId,
    messages.map((m) => m.endpointId),
    messages.map((m) => m.id),
    messages.map((m) => m.body),
  ]);
  return result.rowCount ?? 0;
}
