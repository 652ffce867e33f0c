import { bucketValue } from '@/lib/sketch';
import type { ReadFilters } from './filters';
import { mergedRollupsBySlot } from './get-series';
import type { Queryable } from './types';

export interface Heatmap {
  fromMs: number;
  toMs: number;
  stepMs: number;
  /** Upper bound (ms, inclusive) of each latency row; the last may be null (= no upper bound). */
  bounds: (number | null)[];
  /** One column per step: counts per latency row (same order as bounds). */
  columns: { t: string; counts: number[] }[];
}

// Display rows a person can read (1-2-3-5-7.5 ladder); every sketch bucket falls in exactly one by its
// representative value, so a row's count is exact up to the sketch's 1% at the row edges.
const LADDER = [
  0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 50, 75, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500,
  10_000, 15_000, 30_000, 60_000,
];

function rowOf(valueMs: number): number {
  let lo = 0;
  let hi = LADDER.length; // index LADDER.length = above the last bound
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (LADDER[mid] >= valueMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** GET /api/v1/heatmap: time × latency counts from the merged sketches of each step. */
export async function getHeatmap(db: Queryable, filters: ReadFilters, stepMs: number): Promise<Heatmap> {
  const { fromMs, toMs, n, rows } = await mergedRollupsBySlot(db, filters, stepMs);
  const grid = Array.from({ length: n }, () => new Array<number>(LADDER.length + 1).fill(0));
  for (const r of rows) {
    const col = grid[r.slot];
    if (!col) continue;
    col[0] += r.zeroCount;
    for (let i = 0; i < r.keys.length; i++) col[rowOf(bucketValue(r.keys[i]))] += r.counts[i];
  }
  // Trim latency rows that are empty in every column.
  let first = LADDER.length;
  let last = 0;
  for (const col of grid) {
    for (let i = 0; i < col.length; i++) {
      if (col[i] === 0) continue;
      if (i < first) first = i;
      if (i > last) last = i;
    }
  }
  const bounds: (number | null)[] = [...LADDER, null];
  const keep = first <= last ? [first, last + 1] : [0, 0];
  return {
    fromMs,
    toMs,
    stepMs,
    bounds: bounds.slice(keep[0], keep[1]),
    columns: grid.map((col, i) => ({
      t: new Date(fromMs + i * stepMs).toISOString(),
      counts: col.slice(keep[0], keep[1]),
    })),
  };
}
