import { mergeSparse, quantile } from '../sketch';
import { type AlertMetric, LATENCY_QUANTILE } from './alert-metrics';
import type { RequestRow } from './queries/load-request-rows';
import { windowMinutes } from './window';

export interface RequestTotals {
  count: number;
  errors: number;
}

export function requestTotals(rows: readonly RequestRow[]): RequestTotals {
  let count = 0;
  let errors = 0;
  for (const row of rows) {
    count += row.count;
    errors += row.errors;
  }
  return { count, errors };
}

/** Nearest-rank quantile (ms) of the rows' merged sketches; null when they hold no request. */
export function latencyQuantile(rows: readonly RequestRow[], q: number): number | null {
  const sketch = mergeSparse(rows.map((r) => ({ keys: r.sketchKeys, counts: r.sketchCounts, zeroCount: r.zeroCount })));
  return quantile(sketch, q);
}

/**
 * A request metric over one window's rows. Fewer than `minRequests` requests is "no data" (a p99 of
 * three requests is noise), except for throughput, where few requests is exactly the signal.
 */
export function requestWindowValue(
  metric: AlertMetric,
  rows: readonly RequestRow[],
  windowSeconds: number,
  minRequests: number,
): number | null {
  const { count, errors } = requestTotals(rows);
  if (metric === 'throughput') return count / windowMinutes(windowSeconds);
  if (count === 0 || count < minRequests) return null;
  if (metric === 'error_rate') return (errors / count) * 100;
  const q = LATENCY_QUANTILE[metric];
  if (q === undefined) return null;
  return latencyQuantile(rows, q);
}
