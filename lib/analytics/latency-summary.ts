import { mergeSparse, quantiles, type Sketch } from '@/lib/sketch';
import type { LatencyRow } from './rollup-source';

// Rows -> the figures every read endpoint returns. Counts, errors, sum, min and max add up exactly;
// percentiles come from the merged sketch (nearest rank, within 1% relative error).

/** Milliseconds; percentiles, min, max and mean are null when count is 0. */
export interface LatencySummary {
  count: number;
  errorCount: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Everything needed to summarise or compare a set of rollup rows. */
export interface LatencyAggregate {
  count: number;
  errorCount: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  sketch: Sketch;
}

export function aggregateRows(rows: readonly LatencyRow[]): LatencyAggregate {
  let count = 0;
  let errorCount = 0;
  let sumMs = 0;
  let minMs = Infinity;
  let maxMs = -Infinity;
  for (const r of rows) {
    count += r.count;
    errorCount += r.errorCount;
    sumMs += r.sumMs;
    if (r.minMs < minMs) minMs = r.minMs;
    if (r.maxMs > maxMs) maxMs = r.maxMs;
  }
  const sketch = mergeSparse(rows.map((r) => ({ keys: r.keys, counts: r.counts, zeroCount: r.zeroCount })));
  return { count, errorCount, sumMs, minMs, maxMs, sketch };
}

export function summarize(agg: LatencyAggregate): LatencySummary {
  if (agg.count === 0) {
    return { count: 0, errorCount: 0, p50: null, p95: null, p99: null, min: null, max: null, mean: null };
  }
  const [p50, p95, p99] = quantiles(agg.sketch, [0.5, 0.95, 0.99]).map((v) => (v === null ? null : clamp(v, agg)));
  return {
    count: agg.count,
    errorCount: agg.errorCount,
    p50,
    p95,
    p99,
    min: agg.minMs,
    max: agg.maxMs,
    mean: agg.sumMs / agg.count,
  };
}

/** A bucket's representative value may fall outside the exact [min, max]: never report past them. */
function clamp(v: number, agg: LatencyAggregate): number {
  return Math.min(agg.maxMs, Math.max(agg.minMs, v));
}

/** Groups rows by a key and summarises each group. */
export function summarizeGroups<R extends LatencyRow>(
  rows: readonly R[],
  keyOf: (r: R) => string,
): Map<string, LatencySummary> {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const out = new Map<string, LatencySummary>();
  for (const [k, list] of groups) out.set(k, summarize(aggregateRows(list)));
  return out;
}
