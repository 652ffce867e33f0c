import { describe, expect, it } from 'vitest';
import { addValues, createSketch, toSparse } from '../sketch';
import { gaugeWindowValue } from './gauge-values';
import type { GaugeRow } from './queries/load-gauge-rows';
import type { RequestRow } from './queries/load-request-rows';
import { requestWindowValue } from './request-values';
import { groupRows, previewTimes, valuesOverTimes, windowRange } from './window';

const MIN = 60_000;
const T0 = Date.parse('2026-01-01T10:00:00Z');

function requestRow(minute: number, latencies: number[], errors = 0, service = 'api'): RequestRow {
  const sketch = createSketch();
  addValues(sketch, latencies);
  const sparse = toSparse(sketch);
  return {
    bucketMs: T0 + minute * MIN,
    service,
    route: '',
    environment: '',
    release: '',
    count: latencies.length,
    errors,
    zeroCount: sparse.zeroCount,
    sketchKeys: sparse.keys,
    sketchCounts: sparse.counts,
  };
}

describe('windows over rollup minutes', () => {
  it('covers the W minutes ending with the current, partial one', () => {
    const at = T0 + 7 * MIN + 20_000;
    expect(windowRange(at, 300)).toEqual({ fromMs: T0 + 3 * MIN, toMs: T0 + 8 * MIN });
    // On a minute boundary the minute that just started (no data yet) is not part of the window.
    expect(windowRange(T0 + 8 * MIN, 300)).toEqual({ fromMs: T0 + 3 * MIN, toMs: T0 + 8 * MIN });
  });

  it('steps a preview every minute for short windows, coarser for long ones, ending now', () => {
    const now = T0 + 30_000;
    const short = previewTimes(now, 24 * 60 * MIN, 300);
    expect(short).toHaveLength(24 * 60 + 1);
    expect(short.at(-1)).toBe(now);
    expect(short[1] - short[0]).toBe(MIN);
    const long = previewTimes(now, 24 * 60 * MIN, 6 * 3600);
    expect(long[1] - long[0]).toBe(6 * MIN);
  });

  it('slides each series over the times, reading only rows inside each window', () => {
    const rows = [requestRow(0, [10]), requestRow(1, [20, 30]), requestRow(5, [40]), requestRow(1, [5], 0, 'web')];
    const series = groupRows(
      rows,
      (r) => ({ service: r.service }),
      (l) => String(l.service),
    );
    const times = [T0 + 1 * MIN + 1, T0 + 5 * MIN + 1, T0 + 9 * MIN];
    const counts = valuesOverTimes(series, times, 120, (inWindow) => inWindow.reduce((n, r) => n + r.count, 0));
    expect(counts.get('api')?.values).toEqual([3, 1, 0]);
    expect(counts.get('web')?.values).toEqual([1, 0, 0]);
  });
});

describe('request metrics', () => {
  const rows = [requestRow(0, [100, 200, 300, 400], 1), requestRow(1, [500, 600, 700, 800, 900, 1000], 3)];

  it('reads percentiles from the merged sketches within 1%', () => {
    const p50 = requestWindowValue('latency_p50', rows, 300, 1) as number;
    const p99 = requestWindowValue('latency_p99', rows, 300, 1) as number;
    expect(Math.abs(p50 - 500) / 500).toBeLessThan(0.01);
    expect(Math.abs(p99 - 1000) / 1000).toBeLessThan(0.01);
  });

  it('computes the error rate in percent and throughput per minute', () => {
    expect(requestWindowValue('error_rate', rows, 300, 1)).toBeCloseTo(40);
    expect(requestWindowValue('throughput', rows, 300, 1)).toBeCloseTo(2);
  });

  it('treats fewer than minRequests requests as no data, except for throughput', () => {
    expect(requestWindowValue('latency_p95', rows, 300, 11)).toBeNull();
    expect(requestWindowValue('error_rate', [], 300, 1)).toBeNull();
    expect(requestWindowValue('throughput', [], 300, 11)).toBe(0);
  });
});

describe('queue depth', () => {
  const gauge = (metricSeries: string, minute: number, value: number): GaugeRow => ({
    bucketMs: T0 + minute * MIN,
    timeMs: T0 + minute * MIN + 10_000,
    metricSeries,
    service: 'worker',
    environment: '',
    release: '',
    value,
  });

  it('sums the latest value of each gauge series', () => {
    expect(gaugeWindowValue([gauge('a', 0, 50), gauge('a', 1, 70), gauge('b', 0, 5)])).toBe(75);
    expect(gaugeWindowValue([])).toBeNull();
  });
});
