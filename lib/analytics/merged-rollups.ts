import type { ReadFilters } from './filters';
import { type BoundQuery, type LatencyRow, levelFor, type RollupLevel, rollupUnion } from './rollup-source';
import { planTiers, type RangePlan, type TierSegment } from './tier-plan';
import type { Queryable } from './types';

// Where sketches are merged, by measurement (npm run bench:query, 24 h over 60 routes, ~5,000 rows):
// - every row's int[]/bigint[] arrays through node-postgres' array parser, merged in Node: ~180-280 ms;
// - unnest + sum per key in SQL: ~110-160 ms (the unnest and hash aggregate cost ~0.6 µs per element);
// - per group, the rows' arrays joined into one comma-separated string in SQL (string_agg of
//   array_to_string) and summed into a dense array in Node: ~55 ms.
// So PostgreSQL aggregates the scalars and concatenates the sketches, Node adds the counts. The rows are
// split over MERGE_SHARDS concurrent queries, route rows by a hash of the route, service rows of the bucket
// (PostgreSQL 15 cannot run string_agg in parallel itself): 7 d × 60 routes by hour went from ~270 to
// ~160 ms with 2 shards, ~150 ms with 4.
const MERGE_SHARDS = 2;

/**
 * `groupSelect`: fixed SQL expressions with aliases (e.g. `service, route`); `groupNames`: those aliases.
 * One row per group: the group columns plus the merged LatencyRow fields.
 */
export function mergedRollupsQuery(
  groupSelect: string,
  groupNames: readonly string[],
  filters: ReadFilters,
  segments: readonly TierSegment[],
  extraValues: unknown[] = [],
  shard?: { index: number; count: number },
  level: RollupLevel = 'route',
): BoundQuery {
  const union = rollupUnion(
    `${groupSelect}, count, error_count, sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts`,
    filters,
    segments,
    extraValues,
    shard,
    level,
  );
  const g = groupNames.join(', ');
  // Both string_agg calls see the group's rows in the same order (every input row feeds every aggregate
  // in turn); parseMerged checks the two lists have equal lengths anyway.
  const text = `
SELECT ${g}, sum(count)::float8 AS count, sum(error_count)::float8 AS "errorCount", sum(sum_ms) AS "sumMs",
       min(min_ms) AS "minMs", max(max_ms) AS "maxMs", sum(zero_count)::float8 AS "zeroCount",
       coalesce(string_agg(array_to_string(sketch_keys, ','), ',') FILTER (WHERE cardinality(sketch_keys) > 0), '') AS "keysCsv",
       coalesce(string_agg(array_to_string(sketch_counts, ','), ',') FILTER (WHERE cardinality(sketch_keys) > 0), '') AS "countsCsv"
FROM (${union.text}) r
GROUP BY ${g}`;
  return { text, values: union.values };
}

type RawRow = Omit<LatencyRow, 'keys' | 'counts'> & { keysCsv: string; countsCsv: string };

/**
 * Plans the range's tiers for the level the filters allow (levelFor), runs mergedRollupsQuery and returns merged LatencyRows (sorted keys); a group may come back once per
 * shard, so callers aggregate rows per group (aggregateRows / summarizeGroups do).
 */
export async function mergedRollups<G extends object>(
  db: Queryable,
  groupSelect: string,
  groupNames: readonly string[],
  filters: ReadFilters,
  range: RangePlan,
  extraValues: unknown[] = [],
): Promise<(G & LatencyRow)[]> {
  // Group names are the caller's fixed aliases: grouping by route or method needs the route level.
  const level = levelFor(filters, groupNames.includes('route') || groupNames.includes('method'));
  const segments: readonly TierSegment[] = planTiers(range.fromMs, range.toMs, range.stepMs, level === 'service');
  // One route filter selects one shard's worth anyway: no split.
  const count = filters.route !== undefined ? 1 : MERGE_SHARDS;
  const results = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      db.query<G & RawRow>(
        mergedRollupsQuery(
          groupSelect,
          groupNames,
          filters,
          segments,
          extraValues,
          count > 1 ? { index, count } : undefined,
          level,
        ),
      ),
    ),
  );
  return results
    .flatMap(({ rows }) => rows)
    .map((r) => {
      const { keysCsv, countsCsv, ...rest } = r;
      return { ...rest, ...sumByKey(parseCsvNumbers(keysCsv), parseCsvNumbers(countsCsv)) } as unknown as G &
        LatencyRow;
    });
}

/** Integers separated by commas ('' = none); a hand loop is ~5x faster than split + Number here. */
export function parseCsvNumbers(csv: string): Float64Array {
  if (csv.length === 0) return new Float64Array(0);
  let n = 1;
  for (let i = 0; i < csv.length; i++) if (csv.charCodeAt(i) === 44) n++;
  const out = new Float64Array(n);
  let j = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    if (c === 44) {
      out[j++] = negative ? -value : value;
      value = 0;
      negative = false;
    } else if (c === 45) negative = true;
    else if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else throw new Error(`Malformed stored sketch list near "${csv.slice(Math.max(0, i - 10), i + 10)}"`);
  }
  out[j] = negative ? -value : value;
  return out;
}

/** Adds counts of equal keys: sorted keys with their totals. */
export function sumByKey(keys: Float64Array, counts: Float64Array): { keys: number[]; counts: number[] } {
  if (keys.length !== counts.length)
    throw new Error(`Stored sketch lists differ: ${keys.length} keys, ${counts.length} counts`);
  if (keys.length === 0) return { keys: [], counts: [] };
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] < lo) lo = keys[i];
    if (keys[i] > hi) hi = keys[i];
  }
  const dense = new Float64Array(hi - lo + 1);
  for (let i = 0; i < keys.length; i++) dense[keys[i] - lo] += counts[i];
  const outKeys: number[] = [];
  const outCounts: number[] = [];
  for (let i = 0; i < dense.length; i++) {
    if (dense[i] !== 0) {
      outKeys.push(i + lo);
      outCounts.push(dense[i]);
    }
  }
  return { keys: outKeys, counts: outCounts };
}
