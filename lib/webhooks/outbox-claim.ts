import type { Queryable } from './outbox-db';

/** A pending message due now, locked by the caller's transaction, with what delivery needs of its endpoint. */
export interface ClaimedMessage {
  id: string;
  endpointId: string;
  webhookId: string;
  eventType: string;
  body: string;
  /** Attempts in the current delivery run (reset by a redelivery). */
  attempts: number;
  firstAttemptAt: Date | null;
  endpoint: {
    url: string;
    secret: string;
    previousSecret: string | null;
    previousSecretExpiresAt: Date | null;
    /** Stored JSON, read with parseBreakerState. */
    breaker: unknown;
  };
}

interface Row {
  id: string;
  endpoint_id: string;
  webhook_id: string;
  event_type: string;
  body: string;
  attempts: number;
  first_attempt_at: Date | null;
  url: string;
  secret: string;
  previous_secret: string | null;
  previous_secret_expires_at: Date | null;
  breaker: unknown;
}

// SKIP LOCKED: a row another instance is delivering right now is invisible here, so no message is ever
// sent by two instances at once; the lock lives as long as the caller's transaction (the whole attempt),
// and a crash releases it with the connection, leaving the message pending for the next claim.
const SQL = `
SELECT m.id, m.endpoint_id, m.webhook_id, m.event_type, m.body, m.attempts, m.first_attempt_at,
       e.url, e.secret, e.previous_secret, e.previous_secret_expires_at, e.breaker
FROM webhook_messages m
JOIN webhook_endpoints e ON e.id = m.endpoint_id
WHERE m.status = 'pending' AND m.next_attempt_at <= $1 AND e.disabled_at IS NULL
  AND NOT (m.endpoint_id = ANY($2::uuid[]))
ORDER BY m.next_attempt_at, m.created_at
LIMIT 1
FOR UPDATE OF m SKIP LOCKED`;

/**
 * Locks the next due message, skipping endpoints in `busyEndpoints` (this instance is already talking to
 * them: one request per endpoint at a time keeps a slow receiver from taking every delivery slot).
 * Run inside a transaction that stays open until the attempt is recorded.
 */
export async function claimNextMessage(
  client: Queryable,
  now: Date,
  busyEndpoints: readonly string[],
): Promise<ClaimedMessage | null> {
  const result = await client.query<Row>(SQL, [now, [...busyEndpoints]]);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    webhookId: row.webhook_id,
    eventType: row.event_type,
    body: row.body,
    attempts: row.attempts,
    firstAttemptAt: row.first_attempt_at,
    endpoint: {
      url: row.url,
      secret: row.secret,
      previousSecret: row.previous_secret,
      previousSecretExpiresAt: row.previous_secret_expires_at,
      breaker: row.breaker,
    },
  };
}
