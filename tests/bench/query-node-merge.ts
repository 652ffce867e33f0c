import type { ReadFilters } from '../../lib/analytics/filters';
import { aggregateRows, summarize } from '../../lib/analytics/latency-summary';
import { LATENCY_COLUMNS, type LatencyRow, rollupUnion } from '../../lib/analytics/rollup-source';
import { alignToMinutes, planTiers } from '../../lib/analytics/tier-plan';
import type { Queryable } from '../../lib/analytics/types';

// The alternative the benchmark compares against: fetch every rollup row's sketch arrays and merge them
// in Node with lib/sketch mergeSparse (what ../shared/ARCHITECTURE.md measured as faster elsewhere).
export async function nodeMergeStats(db: Queryable, filters: ReadFilters) {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const { rows } = await db.query<LatencyRow>(rollupUnion(LATENCY_COLUMNS, filters, planTiers(fromMs, toMs)));
  return summarize(aggregateRows(rows));
}
