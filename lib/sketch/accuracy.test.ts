import { describe, expect, it } from 'vitest';
import { RELATIVE_ERROR_BOUND } from './mapping';
import { nearestRank, quantile, quantiles } from './quantile';
import { addValues, createSketch } from './sketch';
import { bimodal, type Distribution, lognormal, pareto, sample, uniform } from './test-samples';

const QS = [0.5, 0.9, 0.95, 0.99, 0.999];
const SIZES = [1, 2, 10, 1000, 100_000];
const DISTRIBUTIONS: [string, Distribution][] = [
  ['lognormal median 50 ms, sigma 0.3', lognormal(50, 0.3)],
  ['lognormal median 120 ms, sigma 1', lognormal(120, 1)],
  ['lognormal median 8 ms, sigma 2.5', lognormal(8, 2.5)],
  ['bimodal 20 ms / 900 ms', bimodal],
  ['uniform 0.5..2000 ms', uniform(0.5, 2000)],
  ['pareto xm 5 ms, alpha 1.16', pareto(5, 1.16)],
];

function exactQuantile(sorted: Float64Array, q: number): number {
  return sorted[nearestRank(q, sorted.length) - 1];
}

describe.each(DISTRIBUTIONS)('%s', (_name, distribution) => {
  it.each(SIZES)('keeps p50..p99.9 of %i values within 1 percent of the exact nearest-rank values', (size) => {
    const values = sample(distribution, size, 1000 + size);
    const sketch = createSketch();
    addValues(sketch, values);
    const sorted = values.slice().sort();
    const estimates = quantiles(sketch, QS);
    QS.forEach((q, i) => {
      const exact = exactQuantile(sorted, q);
      const estimate = estimates[i];
      if (estimate === null) throw new Error(`p${q * 100} missing`);
      expect(Math.abs(estimate - exact) / exact, `p${q * 100}: ${estimate} vs ${exact}`).toBeLessThanOrEqual(
        RELATIVE_ERROR_BOUND * (1 + 1e-9),
      );
      expect(quantile(sketch, q)).toBe(estimate);
    });
  });
});

describe('quantiles across the whole rank range', () => {
  it('stays within the bound at every percentile and at the extremes', () => {
    const values = sample(lognormal(40, 1.5), 20_000, 7);
    const sketch = createSketch();
    addValues(sketch, values);
    const sorted = values.slice().sort();
    const qs = Array.from({ length: 1001 }, (_, i) => i / 1000);
    const estimates = quantiles(sketch, qs);
    const worst = Math.max(...qs.map((q, i) => Math.abs((estimates[i] ?? 0) / exactQuantile(sorted, q) - 1)));
    expect(worst).toBeLessThanOrEqual(RELATIVE_ERROR_BOUND * (1 + 1e-9));
  });
});
