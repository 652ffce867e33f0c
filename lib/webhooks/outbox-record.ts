import type { DeliveryOutcome } from './delivery-outcome';
import type { ClaimedMessage } from './outbox-claim';
import type { Queryable } from './outbox-db';
import { nextAttemptAt } from './retry-schedule';

export interface RecordedAttempt {
  status: 'delivered' | 'pending' | 'failed';
  nextAttemptAt: Date | null;
}

const INSERT_ATTEMPT = `
INSERT INTO webhook_attempts (id, message_id, number, started_at, outcome, http_status, latency_ms, error, response_excerpt)
SELECT gen_random_uuid(), $1, coalesce(max(number), 0) + 1, $2, $3, $4, $5, $6, $7
FROM webhook_attempts WHERE message_id = $1`;

const UPDATE_MESSAGE = `
UPDATE webhook_messages
SET status = $2::webhook_message_status, attempts = $3, first_attempt_at = $4, last_attempt_at = $5,
    next_attempt_at = coalesce($6, next_attempt_at), delivered_at = $7, last_error = $8
WHERE id = $1`;

/**
 * Writes one attempt to the delivery log and moves the message on: delivered (2xx), rescheduled with
 * backoff (honouring Retry-After) until 24 h after its first attempt, or failed (given up, refused by
 * the SSRF guard, or 410 Gone). Runs in the claim's transaction.
 */
export async function recordAttempt(
  client: Queryable,
  message: ClaimedMessage,
  outcome: DeliveryOutcome,
  startedAt: Date,
  finishedAt: Date,
  random: () => number = Math.random,
): Promise<RecordedAttempt> {
  const attempts = message.attempts + 1;
  const firstAttemptAt = message.firstAttemptAt ?? startedAt;
  const error = outcome.kind === 'success' ? null : outcome.message;
  await client.query(INSERT_ATTEMPT, [
    message.id,
    startedAt,
    outcome.kind,
    outcome.status,
    outcome.latencyMs,
    error,
    outcome.responseExcerpt,
  ]);

  let recorded: RecordedAttempt;
  let lastError = error;
  if (outcome.kind === 'success') {
    recorded = { status: 'delivered', nextAttemptAt: null };
  } else if (outcome.kind === 'retry') {
    const next = nextAttemptAt(attempts, firstAttemptAt, finishedAt, outcome.retryAfterMs, random);
    recorded = next ? { status: 'pending', nextAttemptAt: next } : { status: 'failed', nextAttemptAt: null };
    if (!next) lastError = `Gave up 24 h after the first attempt. Last error: ${outcome.message}`;
  } else {
    recorded = { status: 'failed', nextAttemptAt: null };
  }
  await client.query(UPDATE_MESSAGE, [
    message.id,
    recorded.status,
    attempts,
    firstAttemptAt,
    finishedAt,
    recorded.nextAttemptAt,
    recorded.status === 'delivered' ? finishedAt : null,
    lastError,
  ]);
  return recorded;
}
