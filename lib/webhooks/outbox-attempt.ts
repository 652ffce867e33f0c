import type { AllowHosts } from './allow-hosts';
import type { BreakerConfig } from './circuit-breaker';
import { deliver } from './deliver';
import type { DeliveryOutcome } from './delivery-outcome';
import { admitThroughBreaker, recordOnBreaker } from './outbox-breaker';
import type { ClaimedMessage } from './outbox-claim';
import type { Queryable } from './outbox-db';
import { disableEndpoint } from './outbox-disable';
import { recordAttempt } from './outbox-record';

export interface AttemptOptions {
  timeoutMs?: number;
  allowHosts?: AllowHosts;
  now?: () => Date;
  breaker?: BreakerConfig;
  random?: () => number;
}

export type AttemptResult =
  | { kind: 'deferred'; retryAt: Date }
  | { kind: 'attempted'; outcome: DeliveryOutcome; status: 'delivered' | 'pending' | 'failed' };

const DEFER = `
UPDATE webhook_messages SET next_attempt_at = $2
WHERE id IN (SELECT id FROM webhook_messages
             WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at < $2 FOR UPDATE SKIP LOCKED)`;

/**
 * One delivery attempt of a claimed message: breaker admission, the signed POST (SSRF guard at
 * connect time inside deliver()), then the log, the message's next state and the breaker, all in the
 * claim's transaction (`tx`). While the breaker is open the endpoint's due messages are pushed to the
 * end of the cool-down without an attempt. `pool` is used for the probe's compare-and-set.
 */
export async function attemptMessage(
  tx: Queryable,
  pool: Queryable,
  message: ClaimedMessage,
  options: AttemptOptions = {},
): Promise<AttemptResult> {
  const now = options.now ?? (() => new Date());
  const admission = await admitThroughBreaker(
    pool,
    message.endpointId,
    message.endpoint.breaker,
    now(),
    options.breaker,
  );
  if (!admission.allowed) {
    await tx.query(DEFER, [message.endpointId, admission.retryAt]);
    return { kind: 'deferred', retryAt: admission.retryAt };
  }
  const startedAt = now();
  const outcome = await deliver(
    { url: message.endpoint.url, ...secretsOf(message) },
    { id: message.webhookId, body: message.body },
    { timeoutMs: options.timeoutMs, allowHosts: options.allowHosts, now },
  );
  const finishedAt = now();
  const recorded = await recordAttempt(tx, message, outcome, startedAt, finishedAt, options.random);
  await recordOnBreaker(tx, message.endpointId, outcome, finishedAt, options.breaker);
  if (outcome.kind === 'disable') await disableEndpoint(tx, message.endpointId, outcome.message, finishedAt);
  return { kind: 'attempted', outcome, status: recorded.status };
}

function secretsOf(message: ClaimedMessage) {
  return {
    secret: message.endpoint.secret,
    previousSecret: message.endpoint.previousSecret,
    previousSecretExpiresAt: message.endpoint.previousSecretExpiresAt,
  };
}
