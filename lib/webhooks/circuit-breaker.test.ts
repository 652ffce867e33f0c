import { describe, expect, it } from 'vitest';
import {
  type BreakerConfig,
  type BreakerState,
  breakerAdmit,
  breakerAfterOutcome,
  breakerOnFailure,
  breakerOnSuccess,
  CLOSED_BREAKER,
  parseBreakerState,
} from './circuit-breaker';
import { refused } from './delivery-outcome';

const config: BreakerConfig = { failureThreshold: 3, coolDownMs: 60_000, probeTimeoutMs: 30_000 };
const t0 = new Date('2025-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

function failTimes(n: number, from: BreakerState = CLOSED_BREAKER): BreakerState {
  let breaker = from;
  for (let i = 0; i < n; i++) breaker = breakerOnFailure(breaker, t0, config);
  return breaker;
}

describe('circuit breaker', () => {
  it('stays closed below the threshold and a success resets the count', () => {
    expect(failTimes(2)).toEqual({ state: 'closed', consecutiveFailures: 2 });
    expect(breakerAdmit(failTimes(2), t0, config).allowed).toBe(true);
    expect(breakerOnSuccess()).toEqual(CLOSED_BREAKER);
    expect(failTimes(2, breakerOnSuccess())).toMatchObject({ state: 'closed' });
  });

  it('opens after N consecutive failures and refuses attempts until the cool-down ends', () => {
    const open = failTimes(3);
    expect(open).toEqual({ state: 'open', consecutiveFailures: 3, openedAt: t0.toISOString() });
    const decision = breakerAdmit(open, at(59_999), config);
    expect(decision).toEqual({ allowed: false, breaker: open, retryAt: at(60_000) });
  });

  it('lets one probe through after the cool-down (half-open), then closes on success', () => {
    const probe = breakerAdmit(failTimes(3), at(60_000), config);
    expect(probe).toMatchObject({
      allowed: true,
      breaker: { state: 'half_open', probeStartedAt: at(60_000).toISOString() },
    });
    const second = breakerAdmit(probe.breaker, at(61_000), config);
    expect(second).toMatchObject({ allowed: false, retryAt: at(90_000) });
    expect(breakerOnSuccess()).toEqual(CLOSED_BREAKER);
  });

  it('re-opens with a fresh cool-down when the probe fails', () => {
    const probing = breakerAdmit(failTimes(3), at(60_000), config).breaker;
    const reopened = breakerOnFailure(probing, at(61_000), config);
    expect(reopened).toEqual({ state: 'open', consecutiveFailures: 4, openedAt: at(61_000).toISOString() });
    expect(breakerAdmit(reopened, at(120_000), config).allowed).toBe(false);
    expect(breakerAdmit(reopened, at(121_000), config).allowed).toBe(true);
  });

  it('admits a new probe when the previous one never reported back', () => {
    const probing = breakerAdmit(failTimes(3), at(60_000), config).breaker;
    expect(breakerAdmit(probing, at(90_000), config)).toMatchObject({
      allowed: true,
      breaker: { state: 'half_open', probeStartedAt: at(90_000).toISOString() },
    });
  });

  it('survives a JSON round trip and reads unknown stored state as closed', () => {
    const open = failTimes(3);
    expect(parseBreakerState(JSON.parse(JSON.stringify(open)))).toEqual(open);
    expect(parseBreakerState(null)).toEqual(CLOSED_BREAKER);
    expect(parseBreakerState({ state: 'open', consecutiveFailures: 1, openedAt: 'yesterday' })).toEqual(CLOSED_BREAKER);
  });

  it('maps delivery outcomes: success closes, failures count, refusals change nothing', () => {
    const record = { latencyMs: 5, responseExcerpt: '' };
    const two = failTimes(2);
    expect(breakerAfterOutcome(two, { kind: 'success', status: 200, ...record }, t0, config)).toEqual(CLOSED_BREAKER);
    const retry = { kind: 'retry', code: 'timeout', message: '', retryAfterMs: null, status: null, ...record } as const;
    expect(breakerAfterOutcome(two, retry, t0, config)).toMatchObject({ state: 'open' });
    expect(breakerAfterOutcome(two, refused('ssrf_blocked', 'no'), t0, config)).toBe(two);
  });
});
