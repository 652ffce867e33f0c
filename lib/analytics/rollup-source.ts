import { FILTER_PREDICATE, filterValues, type ReadFilters } from './filters';
import { type RollupLevel, rollupTable } from '../rollups/tables';
import type { TierSegment } from './tier-plan';

// One SELECT over the tiers a range needs: `UNION ALL` of the same select list on rollup_minute,
// rollup_hour and rollup_day (or their service-level twins), each limited to its own segments. Table names
// come from the fixed map in lib/rollups/tables.ts (an identifier cannot be a bound parameter); every value
// is bound.

export type { RollupLevel };

/**
 * The service level answers exactly what the route level does when nothing filters or groups by route or
 * method (its rows are the route rows merged over both), from far fewer rows.
 */
export function levelFor(filters: ReadFilters, groupsByRoute: boolean): RollupLevel {
  return groupsByRoute || filters.route !== undefined || filters.method !== undefined ? 'route' : 'service';
}

export interface BoundQuery {
  text: string;
  values: unknown[];
}

/**
 * `selectList` is a fixed SQL fragment of the caller's (columns of a rollup row, `$n` placeholders not
 * allowed: use `extraValues`, numbered from $7). Returns the union; callers wrap it to aggregate.
 */
export function rollupUnion(
  selectList: string,
  filters: ReadFilters,
  segments: readonly TierSegment[],
  extraValues: unknown[] = [],
  shard?: { index: number; count: number },
  level: RollupLevel = 'route',
): BoundQuery {
  const values: unknown[] = [filters.projectId, ...filterValues(filters), ...extraValues];
  let shardPredicate = '';
  if (shard) {
    values.push(shard.count, shard.index);
    const [n, i] = [`$${values.length - 1}`, `$${values.length}`];
    // Route rows split by a hash of the route (not abs(): hashtext may return -2^31, whose abs overflows
    // int4); service rows, a few per bucket, split by a hash of the bucket.
    const hash = level === 'route' ? 'hashtext(route)' : 'hashint8(extract(epoch FROM bucket)::bigint)';
    shardPredicate = ` AND (${hash} % ${n} + ${n}) % ${n} = ${i}`;
  }
  const parts: string[] = [];
  for (const tier of ['day', 'hour', 'fiveMinute', 'minute'] as const) {
    const mine = segments.filter((s) => s.tier === tier);
    if (mine.length === 0) continue;
    const table = rollupTable(level, tier);
    const ranges = mine.map((s) => {
      values.push(new Date(s.fromMs), new Date(s.toMs));
      return `(bucket >= $${values.length - 1} AND bucket < $${values.length})`;
    });
    parts.push(
      `SELECT ${selectList} FROM ${table} WHERE project_id = $1 AND (${ranges.join(' OR ')}) AND ${FILTER_PREDICATE}${shardPredicate}`,
    );
  }
  // No segment (empty range): a query that returns no row but keeps the column list.
  if (parts.length === 0)
    parts.push(
      `SELECT ${selectList} FROM ${rollupTable(level, 'minute')} WHERE false AND $1::int IS NOT NULL AND ${FILTER_PREDICATE}${shardPredicate}`,
    );
  return { text: parts.join('\nUNION ALL\n'), values };
}

/** Columns every latency aggregate reads; numbers come back as JS numbers (float8, int4[], float8[]). */
export const LATENCY_COLUMNS = `count::float8 AS count, error_count::float8 AS "errorCount", sum_ms AS "sumMs",
  min_ms AS "minMs", max_ms AS "maxMs", zero_count::float8 AS "zeroCount", sketch_keys AS keys,
  sketch_counts::float8[] AS counts`;

export interface LatencyRow {
  count: number;
  errorCount: number;
  sumMs: number;
  minMs: number;
  maxMs: number;
  zeroCount: number;
  keys: number[];
  counts: number[];
}
