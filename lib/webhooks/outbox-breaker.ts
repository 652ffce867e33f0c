import {
  type BreakerConfig,
  breakerAdmit,
  breakerAfterOutcome,
  DEFAULT_BREAKER_CONFIG,
  parseBreakerState,
} from './circuit-breaker';
import type { DeliveryOutcome } from './delivery-outcome';
import type { Queryable } from './outbox-db';

export type Admission = { allowed: true } | { allowed: false; retryAt: Date };

// Another instance just started the probe: look again shortly rather than wait out a whole cool-down.
const PROBE_TAKEN_RETRY_MS = 5_000;

/**
 * May an attempt to this endpoint start now? Moving an open breaker to half-open (the probe) is a
 * compare-and-set on the stored JSON, run outside the message transaction (`db` should be the pool), so
 * exactly one instance probes and the endpoint row is never locked for the length of an HTTP request.
 */
export async function admitThroughBreaker(
  db: Queryable,
  endpointId: string,
  stored: unknown,
  now: Date,
  config: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): Promise<Admission> {
  const current = parseBreakerState(stored);
  const decision = breakerAdmit(current, now, config);
  if (!decision.allowed) return { allowed: false, retryAt: decision.retryAt };
  if (decision.breaker === current) return { allowed: true };
  const swapped = await db.query(
    'UPDATE webhook_endpoints SET breaker = $3::jsonb WHERE id = $1 AND breaker = $2::jsonb',
    [endpointId, JSON.stringify(stored), JSON.stringify(decision.breaker)],
  );
  if (swapped.rowCount === 1) return { allowed: true };
  return { allowed: false, retryAt: new Date(now.getTime() + PROBE_TAKEN_RETRY_MS) };
}

/** Records an attempt's outcome on the endpoint's breaker (row locked until the caller commits). */
export async function recordOnBreaker(
  client: Queryable,
  endpointId: string,
  outcome: DeliveryOutcome,
  now: Date,
  config: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): Promise<void> {
  if (outcome.kind === 'refused') return;
  const row = await client.query<{ breaker: unknown }>(
    'SELECT breaker FROM webhook_endpoints WHERE id = $1 FOR UPDATE',
    [endpointId],
  );
  if (!row.rows[0]) return;
  const next = breakerAfterOutcome(parseBreakerState(row.rows[0].breaker), outcome, now, config);
  await client.query('UPDATE webhook_endpoints SET breaker = $2::jsonb WHERE id = $1', [
    endpointId,
    JSON.stringify(next),
  ]);
}
