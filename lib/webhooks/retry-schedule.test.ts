import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';
import { nextAttemptAt, RETRY_SCHEDULE } from './retry-schedule';

const HOUR = 60 * 60 * 1000;
const firstAt = new Date('2025-01-01T00:00:00Z');

/** Deterministic PRNG (mulberry32) so a failure can be replayed. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every attempt time of a message that always fails, until the schedule gives up. */
function simulate(random: () => number): Date[] {
  const times = [firstAt];
  for (;;) {
    const now = times[times.length - 1];
    const next = nextAttemptAt(times.length, firstAt, now, null, random);
    if (!next) return times;
    times.push(next);
  }
}

describe('nextAttemptAt', () => {
  it.each([0, 0.25, 0.5, 0.999999])('keeps each delay within [min, min(cap, base x 2^n)] for random() = %f', (r) => {
    for (let attempts = 1; attempts <= 40; attempts++) {
      const now = new Date(firstAt.getTime() + 1000);
      const next = nextAttemptAt(attempts, firstAt, now, null, () => r);
      const delay = (next?.getTime() ?? Number.NaN) - now.getTime();
      const ceiling = Math.min(RETRY_SCHEDULE.capMs, RETRY_SCHEDULE.baseMs * 2 ** attempts);
      expect(delay).toBeGreaterThanOrEqual(RETRY_SCHEDULE.minDelayMs);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });

  it.each([
    ['always low', () => 0],
    ['always high', () => 0.999999],
    ['seed 1', seeded(1)],
    ['seed 42', seeded(42)],
  ])('covers at least 24 h and then gives up (%s)', (_name, random) => {
    const times = simulate(random);
    const last = times[times.length - 1].getTime();
    expect(last - firstAt.getTime()).toBe(24 * HOUR);
    expect(nextAttemptAt(times.length, firstAt, new Date(last), null, random)).toBeNull();
    let longestGap = 0;
    for (let i = 1; i < times.length; i++) {
      longestGap = Math.max(longestGap, times[i].getTime() - times[i - 1].getTime());
    }
    expect(longestGap).toBeLessThanOrEqual(RETRY_SCHEDULE.capMs);
  });

  it('makes a sensible number of attempts with typical jitter', () => {
    const attempts = simulate(seeded(7)).length;
    expect(attempts).toBeGreaterThan(30);
    expect(attempts).toBeLessThan(120);
  });

  it('waits at least as long as Retry-After, up to the cap, never shorter than the jittered delay', () => {
    const now = new Date(firstAt.getTime() + 1000);
    const at = (attempts: number, retryAfterMs: number | null, r: number) =>
      (nextAttemptAt(attempts, firstAt, now, retryAfterMs, () => r)?.getTime() ?? 0) - now.getTime();
    expect(at(1, 30_000, 0)).toBe(30_000);
    expect(at(1, 50 * HOUR, 0)).toBe(RETRY_SCHEDULE.retryAfterCapMs);
    expect(at(12, 1_000, 0.5)).toBe(HOUR / 2);
    expect(at(1, 0, 0)).toBe(RETRY_SCHEDULE.minDelayMs);
  });

  it('lands the last retry on the 24 h deadline and stops after it', () => {
    const deadline = firstAt.getTime() + 24 * HOUR;
    expect(nextAttemptAt(30, firstAt, new Date(deadline - 60_000), null, () => 0.9)?.getTime()).toBe(deadline);
    expect(nextAttemptAt(30, firstAt, new Date(deadline - 60_000), 2 * HOUR, () => 0)?.getTime()).toBe(deadline);
    expect(nextAttemptAt(31, firstAt, new Date(deadline), null, () => 0)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2025-06-01T10:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 01 Jun 2025 10:01:30 GMT', 90_000],
    ['Sun, 01 Jun 2025 09:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    ['2025-06-01T10:01:30Z', null],
    [undefined, null],
  ])('reads %s as %s', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});
