import type { SeriesLabels } from './series-key';

// Windows are whole rollup minutes. A window of W minutes evaluated at time T covers the W minute buckets
// that end at or after T's minute: at 10:07:20 a 5-minute window reads buckets 10:03..10:07 (the current,
// partial minute included, so an alert reacts to data as soon as it is acknowledged).

export const MINUTE_MS = 60_000;

export const windowMinutes = (windowSeconds: number): number => Math.max(1, Math.ceil(windowSeconds / 60));

/** Bucket starts in [fromMs, toMs) read by a window evaluated at `atMs`. */
export function windowRange(atMs: number, windowSeconds: number): { fromMs: number; toMs: number } {
  const toMs = Math.ceil(atMs / MINUTE_MS) * MINUTE_MS;
  return { fromMs: toMs - windowMinutes(windowSeconds) * MINUTE_MS, toMs };
}

/** Evaluation times of a preview: every `step` over the last `spanMs`, ending with `now` itself. */
export function previewTimes(nowMs: number, spanMs: number, windowSeconds: number): number[] {
  // Long windows change slowly: a coarser step keeps the preview cheap without hiding a firing.
  const stepMs = MINUTE_MS * Math.max(1, Math.floor(windowMinutes(windowSeconds) / 60));
  const times: number[] = [];
  for (let t = Math.ceil((nowMs - spanMs) / stepMs) * stepMs; t < nowMs; t += stepMs) times.push(t);
  times.push(nowMs);
  return times;
}

export interface BucketRow {
  bucketMs: number;
}

export interface SeriesRows<R extends BucketRow> {
  labels: SeriesLabels;
  /** Sorted by bucketMs. */
  rows: R[];
}

export interface SeriesValues {
  labels: SeriesLabels;
  /** One value per evaluation time; null = no data. */
  values: (number | null)[];
  /** Context for notifications about the last time (e.g. which releases were compared). */
  annotations?: Record<string, string>;
}

/** First index whose bucket is >= bucketMs (rows sorted by bucket). */
function lowerBound(rows: readonly BucketRow[], bucketMs: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid].bucketMs < bucketMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Applies `reduce` to each series' rows inside the window at each time. */
export function valuesOverTimes<R extends BucketRow>(
  series: ReadonlyMap<string, SeriesRows<R>>,
  times: readonly number[],
  windowSeconds: number,
  reduce: (rows: R[], key: string, atMs: number) => number | null,
): Map<string, SeriesValues> {
  const out = new Map<string, SeriesValues>();
  for (const [key, { labels, rows }] of series) {
    const values = times.map((atMs) => {
      const { fromMs, toMs } = windowRange(atMs, windowSeconds);
      return reduce(rows.slice(lowerBound(rows, fromMs), lowerBound(rows, toMs)), key, atMs);
    });
    out.set(key, { labels, values });
  }
  return out;
}

/** Groups rows by series key, keeping each group sorted by bucket. */
export function groupRows<R extends BucketRow>(
  rows: readonly R[],
  labelsOf: (row: R) => SeriesLabels,
  keyOf: (labels: SeriesLabels) => string,
): Map<string, SeriesRows<R>> {
  const groups = new Map<string, SeriesRows<R>>();
  for (const row of rows) {
    const labels = labelsOf(row);
    const key = keyOf(labels);
    let group = groups.get(key);
    if (!group) {
      group = { labels, rows: [] };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  for (const group of groups.values()) group.rows.sort((a, b) => a.bucketMs - b.bucketMs);
  return groups;
}
