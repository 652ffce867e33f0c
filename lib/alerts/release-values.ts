import type { AlertMetric } from './alert-metrics';
import type { RequestRow } from './queries/load-request-rows';
import { latencyQuantile, requestTotals } from './request-values';

/** A group's releases, oldest first (by first seen, then name). */
export interface ReleaseOrder {
  release: string;
  firstSeenMs: number;
}

export interface ReleasePick {
  current: string;
  previous: string;
  currentFirstSeenMs: number;
}

/** The baseline of a previous release: its last day before the next release appeared. */
export const BASELINE_MS = 24 * 3600_000;

/**
 * Which release to judge in a window: the newest one with at least `minRequests` requests in it,
 * compared with the release that came before it. Null when there is no such pair.
 */
export function pickReleases(
  windowRows: readonly RequestRow[],
  order: readonly ReleaseOrder[],
  minRequests: number,
): ReleasePick | null {
  const counts = new Map<string, number>();
  for (const row of windowRows) counts.set(row.release, (counts.get(row.release) ?? 0) + row.count);
  for (let i = order.length - 1; i > 0; i--) {
    if ((counts.get(order[i].release) ?? 0) >= Math.max(1, minRequests)) {
      return { current: order[i].release, previous: order[i - 1].release, currentFirstSeenMs: order[i].firstSeenMs };
    }
  }
  return null;
}

/**
 * The regression of the current release's rows against the previous release's baseline rows: p95 change
 * in percent, or error-rate change in percentage points. Null when either side is below `minRequests`.
 */
export function regressionValue(
  metric: AlertMetric,
  currentRows: readonly RequestRow[],
  baselineRows: readonly RequestRow[],
  minRequests: number,
): number | null {
  const current = requestTotals(currentRows);
  const baseline = requestTotals(baselineRows);
  const needed = Math.max(1, minRequests);
  if (current.count < needed || baseline.count < needed) return null;
  if (metric === 'release_error_rate_regression') {
    return (current.errors / current.count) * 100 - (baseline.errors / baseline.count) * 100;
  }
  if (metric !== 'release_p95_regression') return null;
  const now = latencyQuantile(currentRows, 0.95);
  const before = latencyQuantile(baselineRows, 0.95);
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / before) * 100;
}

export function sortReleaseOrder(order: ReleaseOrder[]): ReleaseOrder[] {
  return order.sort(
    (a, b) => a.firstSeenMs - b.firstSeenMs || a.release.localeCompare(b.release, 'en', { numeric: true }),
  );
}
