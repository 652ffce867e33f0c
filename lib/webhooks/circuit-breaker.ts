import { z } from 'zod';
import type { DeliveryOutcome } from './delivery-outcome';

/**
 * Per-endpoint circuit breaker as a pure state machine over JSON-safe state (stored in the DB):
 * closed --N consecutive failures--> open --cool-down--> half_open (one probe) --success--> closed,
 * --failure--> open again. While open, the worker skips the endpoint's messages, so a dead receiver
 * stops costing a 10 s timeout per message and cannot hold up delivery to others.
 */
export const breakerStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('closed'), consecutiveFailures: z.number().int().min(0) }),
  z.object({ state: z.literal('open'), consecutiveFailures: z.number().int().min(0), openedAt: z.iso.datetime() }),
  z.object({
    state: z.literal('half_open'),
    consecutiveFailures: z.number().int().min(0),
    probeStartedAt: z.iso.datetime(),
  }),
]);

export type BreakerState = z.infer<typeof breakerStateSchema>;

export interface BreakerConfig {
  failureThreshold: number;
  coolDownMs: number;
  /** A probe not reported within this time (e.g. its worker died) lets another probe through. */
  probeTimeoutMs: number;
}

export const DEFAULT_BREAKER_CONFIG: BreakerConfig = {
  failureThreshold: 5,
  coolDownMs: 5 * 60 * 1000,
  probeTimeoutMs: 60 * 1000,
};

export const CLOSED_BREAKER: BreakerState = { state: 'closed', consecutiveFailures: 0 };

export type BreakerDecision =
  | { allowed: true; breaker: BreakerState }
  | { allowed: false; breaker: BreakerState; retryAt: Date };

/** Reads stored state; anything unreadable starts closed rather than wedging the endpoint. */
export function parseBreakerState(stored: unknown): BreakerState {
  const parsed = breakerStateSchema.safeParse(stored);
  return parsed.success ? parsed.data : CLOSED_BREAKER;
}

/** May an attempt start now? Persist the returned breaker: admitting from open starts the probe. */
export function breakerAdmit(
  breaker: BreakerState,
  now: Date,
  config: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): BreakerDecision {
  if (breaker.state === 'closed') return { allowed: true, breaker };
  const since = Date.parse(breaker.state === 'open' ? breaker.openedAt : breaker.probeStartedAt);
  const wait = breaker.state === 'open' ? config.coolDownMs : config.probeTimeoutMs;
  if (now.getTime() < since + wait) return { allowed: false, breaker, retryAt: new Date(since + wait) };
  const probing: BreakerState = {
    state: 'half_open',
    consecutiveFailures: breaker.consecutiveFailures,
    probeStartedAt: now.toISOString(),
  };
  return { allowed: true, breaker: probing };
}

export function breakerOnSuccess(): BreakerState {
  return CLOSED_BREAKER;
}

export function breakerOnFailure(
  breaker: BreakerState,
  now: Date,
  config: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): BreakerState {
  const consecutiveFailures = breaker.consecutiveFailures + 1;
  if (breaker.state === 'closed' && consecutiveFailures < config.failureThreshold) {
    return { state: 'closed', consecutiveFailures };
  }
  return { state: 'open', consecutiveFailures, openedAt: now.toISOString() };
}

/** The breaker after an attempt's outcome; refusals never reached the receiver and change nothing. */
export function breakerAfterOutcome(
  breaker: BreakerState,
  outcome: DeliveryOutcome,
  now: Date,
  config: BreakerConfig = DEFAULT_BREAKER_CONFIG,
): BreakerState {
  if (outcome.kind === 'success') return breakerOnSuccess();
  if (outcome.kind === 'refused') return breaker;
  return breakerOnFailure(breaker, now, config);
}
