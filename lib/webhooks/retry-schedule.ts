/**
 * The retry schedule: attempt n+1 waits a uniformly random delay in [0, min(capMs, baseMs x factor^n)]
 * ("full jitter", so receivers recovering from an outage are not hit by a synchronised wave), floored
 * at minDelayMs. With the defaults the ceilings run 10 s, 20 s, 40 s ... 1 h (reached at attempt 9)
 * and stay at 1 h; a `Retry-After` longer than the jittered delay wins, up to retryAfterCapMs.
 * Retrying stops 24 h after the first attempt, and the last retry is pulled in to land exactly on
 * that deadline, so every message is tried across the full 24 h (typically 50-60 attempts).
 */
export const RETRY_SCHEDULE = {
  baseMs: 5_000,
  factor: 2,
  capMs: 60 * 60 * 1000,
  minDelayMs: 1_000,
  retryAfterCapMs: 60 * 60 * 1000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
} as const;

export type RetrySchedule = { readonly [K in keyof typeof RETRY_SCHEDULE]: number };

/**
 * When to make the next attempt after `attempts` failed ones (>= 1), the first made at `firstAt`
 * and the latest finished at `now`; null means give up. `random` returns [0, 1).
 */
export function nextAttemptAt(
  attempts: number,
  firstAt: Date,
  now: Date,
  retryAfterMs?: number | null,
  random: () => number = Math.random,
  schedule: RetrySchedule = RETRY_SCHEDULE,
): Date | null {
  const deadline = firstAt.getTime() + schedule.giveUpAfterMs;
  if (now.getTime() >= deadline) return null;
  const exponent = Math.min(Math.max(attempts, 1), 64);
  const ceiling = Math.min(schedule.capMs, schedule.baseMs * schedule.factor ** exponent);
  let delay = Math.max(schedule.minDelayMs, Math.floor(random() * ceiling));
  if (retryAfterMs != null && retryAfterMs > 0) {
    delay = Math.max(delay, Math.min(retryAfterMs, schedule.retryAfterCapMs));
  }
  return new Date(Math.min(now.getTime() + delay, deadline));
}
