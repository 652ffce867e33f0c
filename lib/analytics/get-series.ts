import type { ReadFilters } from './filters';
import { aggregateRows, type LatencySummary, summarize } from './latency-summary';
import { mergedRollups } from './merged-rollups';
import type { LatencyRow } from './rollup-source';
import type { Queryable } from './types';

export interface SeriesPoint extends LatencySummary {
  t: string; // start of the step bucket, ISO-8601 UTC
}

export interface Series {
  fromMs: number;
  toMs: number;
  stepMs: number;
  points: SeriesPoint[];
}

/** Steps are whole minutes aligned to the epoch; the range widens to whole steps. */
export function alignSeries(fromMs: number, toMs: number, stepMs: number): { fromMs: number; toMs: number } {
  return { fromMs: Math.floor(fromMs / stepMs) * stepMs, toMs: Math.ceil(toMs / stepMs) * stepMs };
}

type SlotRow = LatencyRow & { slot: number };

/** The range aligned to whole steps and the merged rollups of each step (`slot` = step index, 0..n-1). */
export async function mergedRollupsBySlot(db: Queryable, filters: ReadFilters, stepMs: number) {
  const { fromMs, toMs } = alignSeries(filters.fromMs, filters.toMs, stepMs);
  const rows = await mergedRollups<{ slot: number }>(
    db,
    'floor((extract(epoch FROM bucket) * 1000 - $7::float8) / $8::float8)::int AS slot',
    ['slot'],
    filters,
    { fromMs, toMs, stepMs },
    [fromMs, stepMs],
  );
  return { fromMs, toMs, n: Math.round((toMs - fromMs) / stepMs), rows };
}

/** GET /api/v1/series: one point per step (empty steps included, count 0). */
export async function getSeries(db: Queryable, filters: ReadFilters, stepMs: number): Promise<Series> {
  const { fromMs, toMs, n, rows } = await mergedRollupsBySlot(db, filters, stepMs);
  const slots: SlotRow[][] = Array.from({ length: n }, () => []);
  for (const r of rows) slots[r.slot]?.push(r);
  const points = slots.map((slot, i) => ({
    t: new Date(fromMs + i * stepMs).toISOString(),
    ...summarize(aggregateRows(slot)),
  }));
  return { fromMs, toMs, stepMs, points };
}
