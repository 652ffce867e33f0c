import type pg from 'pg';
import { toSparse } from '../sketch';
import { type RollupRow, SLOW_EXEMPLARS, ERROR_EXEMPLARS, type Tier } from './aggregate';
import { ROLLUP_TABLES, type RollupLevel } from './tables';

// One INSERT ... ON CONFLICT DO UPDATE per tier with every row bound as parallel arrays (unnest). Sketches
// and exemplar lists are jagged, so each row's list travels as one array literal / comma list and is cast
// back per row. Existing rows merge in correlated subqueries: the same SQL as the schema's merge_sketch /
// merge_slow functions, written out because a call to a SQL function that cannot be inlined starts an executor
// of its own per row (perf during npm run bench:ingest: ~10% of PostgreSQL's CPU went to those calls).

const sql = (table: string) => `
INSERT INTO ${table} AS r (project_id, service, bucket, environment, release, route, method, count, error_count,
  sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts, slow_trace_ids, slow_durations, error_trace_ids)
SELECT p, s, to_timestamp(b / 1000.0), e, rl, ro, m, n, er, sm, mn, mx, z, k::int[], c::bigint[],
       ARRAY(SELECT decode(x, 'hex') FROM unnest(string_to_array(si, ',')) WITH ORDINALITY AS t(x, o) ORDER BY o),
       sd::float8[],
       ARRAY(SELECT decode(x, 'hex') FROM unnest(string_to_array(ei, ',')) WITH ORDINALITY AS t(x, o) ORDER BY o)
FROM unnest($1::int[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int8[],
            $9::int8[], $10::float8[], $11::float8[], $12::float8[], $13::int8[], $14::text[], $15::text[],
            $16::text[], $17::text[], $18::text[])
     WITH ORDINALITY AS u(p, s, b, e, rl, ro, m, n, er, sm, mn, mx, z, k, c, si, sd, ei, ord)
ORDER BY ord
ON CONFLICT (project_id, service, bucket, environment, release, route, method) DO UPDATE SET
  count = r.count + excluded.count,
  error_count = r.error_count + excluded.error_count,
  sum_ms = r.sum_ms + excluded.sum_ms,
  min_ms = least(r.min_ms, excluded.min_ms),
  max_ms = greatest(r.max_ms, excluded.max_ms),
  zero_count = r.zero_count + excluded.zero_count,
  (sketch_keys, sketch_counts) = (
    SELECT coalesce(array_agg(k ORDER BY k), '{}'), coalesce(array_agg(c ORDER BY k), '{}')
    FROM (SELECT k, sum(c)::bigint AS c
          FROM (SELECT * FROM unnest(r.sketch_keys, r.sketch_counts)
                UNION ALL SELECT * FROM unnest(excluded.sketch_keys, excluded.sketch_counts)) u(k, c)
          GROUP BY k) s),
  (slow_trace_ids, slow_durations) = (
    SELECT coalesce(array_agg(i ORDER BY d DESC), '{}'), coalesce(array_agg(d ORDER BY d DESC), '{}')
    FROM (SELECT i, d FROM (SELECT * FROM unnest(r.slow_trace_ids, r.slow_durations)
                            UNION ALL SELECT * FROM unnest(excluded.slow_trace_ids, excluded.slow_durations)) u(i, d)
          ORDER BY d DESC LIMIT ${SLOW_EXEMPLARS}) s),
  error_trace_ids = (excluded.error_trace_ids || r.error_trace_ids)[1:${ERROR_EXEMPLARS}]`;

const STATEMENTS = new Map<string, string>();
for (const level of ['route', 'service'] as const)
  for (const [tier, table] of Object.entries(ROLLUP_TABLES[level])) STATEMENTS.set(`${level}:${tier}`, sql(table));

/** Upserts rows (already sorted by key: see sortByKey) into one tier of one level. */
export async function upsertRollups(
  client: pg.ClientBase,
  tier: Tier,
  rows: readonly RollupRow[],
  level: RollupLevel = 'route',
): Promise<void> {
  if (rows.length === 0) return;
  const cols: unknown[][] = Array.from({ length: 18 }, () => new Array(rows.length));
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const sparse = toSparse(r.sketch);
    cols[0][i] = r.projectId;
    cols[1][i] = r.service;
    cols[2][i] = r.bucketMs;
    cols[3][i] = r.environment;
    cols[4][i] = r.release;
    cols[5][i] = r.route;
    cols[6][i] = r.method;
    cols[7][i] = r.count;
    cols[8][i] = r.errorCount;
    cols[9][i] = r.sumMs;
    cols[10][i] = r.minMs;
    cols[11][i] = r.maxMs;
    cols[12][i] = sparse.zeroCount;
    cols[13][i] = `{${sparse.keys.join(',')}}`;
    cols[14][i] = `{${sparse.counts.join(',')}}`;
    cols[15][i] = r.slow.map((s) => s.traceId).join(',');
    cols[16][i] = `{${r.slow.map((s) => s.durationMs).join(',')}}`;
    cols[17][i] = r.errors.join(',');
  }
  const statement = STATEMENTS.get(`${level}:${tier}`);
  if (!statement) throw new Error(`no ${tier} rollups at the ${level} level`);
  await client.query(statement, cols);
}
