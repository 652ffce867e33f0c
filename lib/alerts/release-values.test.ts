import { describe, expect, it } from 'vitest';
import { addValues, createSketch, toSparse } from '../sketch';
import type { RequestRow } from './queries/load-request-rows';
import { pickReleases, regressionValue, sortReleaseOrder } from './release-values';

function row(release: string, latencies: number[], errors = 0): RequestRow {
  const sketch = createSketch();
  addValues(sketch, latencies);
  const sparse = toSparse(sketch);
  return {
    bucketMs: 0,
    service: 'api',
    route: '',
    environment: '',
    release,
    count: latencies.length,
    errors,
    zeroCount: sparse.zeroCount,
    sketchKeys: sparse.keys,
    sketchCounts: sparse.counts,
  };
}

const order = sortReleaseOrder([
  { release: '1.10.0', firstSeenMs: 3000 },
  { release: '1.9.0', firstSeenMs: 2000 },
  { release: '1.8.0', firstSeenMs: 1000 },
]);

describe('release regression', () => {
  it('orders releases by first seen', () => {
    expect(order.map((r) => r.release)).toEqual(['1.8.0', '1.9.0', '1.10.0']);
  });

  it('judges the newest release with traffic against the one before it', () => {
    const rows = [row('1.9.0', [10, 10]), row('1.10.0', [10, 10, 10])];
    expect(pickReleases(rows, order, 1)).toEqual({ current: '1.10.0', previous: '1.9.0', currentFirstSeenMs: 3000 });
  });

  it('falls back to an older release while the newest has too little traffic', () => {
    const rows = [row('1.9.0', [10, 10, 10]), row('1.10.0', [10])];
    expect(pickReleases(rows, order, 2)).toMatchObject({ current: '1.9.0', previous: '1.8.0' });
  });

  it('has nothing to compare for the first release', () => {
    expect(pickReleases([row('1.8.0', [10])], order, 1)).toBeNull();
  });

  it('measures the p95 change in percent and the error-rate change in points', () => {
    const before = [
      row(
        '1.9.0',
        Array.from({ length: 100 }, (_, i) => 100 + i),
        2,
      ),
    ];
    const after = [
      row(
        '1.10.0',
        Array.from({ length: 100 }, (_, i) => 200 + 2 * i),
        7,
      ),
    ];
    const p95 = regressionValue('release_p95_regression', after, before, 10) as number;
    expect(p95).toBeGreaterThan(98);
    expect(p95).toBeLessThan(102);
    expect(regressionValue('release_error_rate_regression', after, before, 10)).toBeCloseTo(5);
    expect(regressionValue('release_p95_regression', after, before, 101)).toBeNull();
  });
});
