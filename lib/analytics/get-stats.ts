import type { ReadFilters } from './filters';
import { aggregateRows, type LatencyAggregate, type LatencySummary, summarize } from './latency-summary';
import { mergedRollups } from './merged-rollups';
import { alignToMinutes } from './tier-plan';
import type { Queryable } from './types';

/** The merged aggregate of every request matching the filters in the (minute-aligned) range. */
export async function getLatencyAggregate(db: Queryable, filters: ReadFilters): Promise<LatencyAggregate> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  return aggregateRows(await mergedRollups(db, '0 AS g', ['g'], filters, { fromMs, toMs }));
}

/** GET /api/v1/stats: count, errors and latency figures (ms) for the range. */
export async function getStats(db: Queryable, filters: ReadFilters): Promise<LatencySummary> {
  return summarize(await getLatencyAggregate(db, filters));
}
