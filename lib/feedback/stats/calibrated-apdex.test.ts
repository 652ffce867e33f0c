import { describe, expect, it } from 'vitest';
import { fitApdexThreshold, type LatencyAnswer } from './calibrated-apdex';
import { seededRandom } from './random';

/** Users answer "fast" with probability 1 / (1 + (latency / T)^k): exactly 1/2 at T. */
function synthetic(n: number, trueT: number, k: number, seed: number): LatencyAnswer[] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const latencyMs = Math.exp(Math.log(50) + random() * (Math.log(5000) - Math.log(50)));
    const p = 1 / (1 + (latencyMs / trueT) ** k);
    return { latencyMs, satisfied: random() < p };
  });
}

describe('fitApdexThreshold', () => {
  it.each([
    [800, 3, 7],
    [250, 2, 11],
    [1500, 4, 23],
  ])('recovers a known T = %i ms (steepness %i) with an informative bootstrap CI', (trueT, k, seed) => {
    const fit = fitApdexThreshold(synthetic(600, trueT, k, seed), { seed: 1 });
    expect(fit.status).toBe('ok');
    const t = fit.thresholdMs as number;
    const ci = fit.ci as { low: number; high: number };
    expect(Math.abs(Math.log(t / trueT))).toBeLessThan(Math.log(1.15));
    expect(ci.low).toBeLessThan(t);
    expect(ci.high).toBeGreaterThan(t);
    expect(ci.high / ci.low).toBeLessThan(1.5);
    expect(fit.extrapolated).toBe(false);
  });

  it('covers the true T in about 95% of datasets (>= 34 of 40 seeded ones; measured 36)', () => {
    let covered = 0;
    for (let s = 0; s < 40; s++) {
      const trueT = [250, 800, 1500][s % 3];
      const fit = fitApdexThreshold(synthetic(600, trueT, 2 + (s % 3), 1000 + s), { seed: 1 });
      const ci = fit.ci as { low: number; high: number | null };
      if (ci.low <= trueT && (ci.high ?? Number.POSITIVE_INFINITY) >= trueT) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(34);
  });

  it('is reproducible for a seed', () => {
    const data = synthetic(200, 600, 3, 5);
    expect(fitApdexThreshold(data, { seed: 9 })).toEqual(fitApdexThreshold(data, { seed: 9 }));
  });

  it('refuses thin data and data where slower does not feel worse', () => {
    expect(fitApdexThreshold(synthetic(10, 800, 3, 1)).status).toBe('insufficient_data');
    const allHappy = synthetic(100, 800, 3, 2).map((a) => ({ ...a, satisfied: true }));
    expect(fitApdexThreshold(allHappy).status).toBe('insufficient_data');
    // Slower answers feel *better* here: no threshold at which users stop saying "fast".
    const inverted = synthetic(300, 800, 3, 3).map((a) => ({ ...a, latencyMs: 4_000_000 / a.latencyMs }));
    const fit = fitApdexThreshold(inverted);
    expect(fit.status).toBe('no_decline');
    expect(fit.thresholdMs).toBeNull();
  });
});
