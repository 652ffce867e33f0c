import { randomBytes } from 'node:crypto';

/**
 * One message to one endpoint. Created once when the alert event is enqueued and persisted as is:
 * `id` becomes the `webhook-id` header on every attempt so receivers can deduplicate retries, and
 * `body` is the exact byte string that gets signed and sent.
 */
export interface WebhookMessage {
  id: string;
  body: string;
}

export function createWebhookMessage(payload: unknown): WebhookMessage {
  return { id: `msg_${randomBytes(16).toString('base64url')}`, body: JSON.stringify(payload) };
}
