import { createHmac } from 'node:crypto';
import { decodeSecret, type EndpointSecrets, signingSecrets } from './secret';
import type { WebhookMessage } from './webhook-message';

/** `v1,<sig>` per secret, space-separated (Standard Webhooks): HMAC-SHA256 of `id.timestamp.body`. */
export function signatureHeader(
  messageId: string,
  timestampSeconds: number,
  body: string,
  secrets: readonly string[],
): string {
  const signed = `${messageId}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret) => `v1,${createHmac('sha256', decodeSecret(secret)).update(signed, 'utf8').digest('base64')}`)
    .join(' ');
}

/**
 * The Standard Webhooks headers for one attempt. The timestamp is the attempt time, not the enqueue
 * time: receivers reject timestamps older than ~5 minutes, so every retry is signed afresh.
 */
export function signedHeaders(message: WebhookMessage, secrets: EndpointSecrets, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatureHeader(message.id, timestamp, message.body, signingSecrets(secrets, now)),
  };
}
