import type { ReadFilters } from './filters';
import { rollupUnion } from './rollup-source';
import { alignToMinutes, planTiers } from './tier-plan';
import type { Queryable } from './types';

export interface Exemplars {
  slowest: { traceId: string; durationMs: number; at: string }[]; // slowest first
  failed: { traceId: string; at: string }[]; // newest first
}

// The rollups keep, per row, the slowest requests' trace ids (with durations) and some failed ones; the
// global slowest of a range are among the union of each row's slowest, so the tier plan stays exact.
function sql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union})
SELECT encode(i, 'hex') AS "traceId", max(d) AS "durationMs", (extract(epoch FROM max(bucket)) * 1000)::float8 AS "atMs"
FROM (SELECT i, d, bucket FROM r, unnest(r.slow_trace_ids, r.slow_durations) AS u(i, d)) s
GROUP BY i ORDER BY 2 DESC, 1 LIMIT $${limitParam}`;
}

function failedSql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union})
SELECT encode(i, 'hex') AS "traceId", (extract(epoch FROM max(bucket)) * 1000)::float8 AS "atMs"
FROM (SELECT i, bucket FROM r, unnest(r.error_trace_ids) AS u(i)) s
GROUP BY i ORDER BY 2 DESC LIMIT $${limitParam}`;
}

/** GET /api/v1/exemplars: the slowest and the most recent failed requests' trace ids in the range. */
export async function getExemplars(db: Queryable, filters: ReadFilters, limit = 10): Promise<Exemplars> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const segments = planTiers(fromMs, toMs);
  const slow = rollupUnion('bucket, slow_trace_ids, slow_durations', filters, segments, [limit]);
  const failed = rollupUnion('bucket, error_trace_ids', filters, segments, [limit]);
  type SlowRow = { traceId: string; durationMs: number; atMs: number };
  type FailedRow = { traceId: string; atMs: number };
  const [s, f] = await Promise.all([
    db.query<SlowRow>(sql(slow.text, 7), slow.values),
    db.query<FailedRow>(failedSql(failed.text, 7), failed.values),
  ]);
  return {
    slowest: s.rows.map((r) => ({ traceId: r.traceId, durationMs: r.durationMs, at: new Date(r.atMs).toISOString() })),
    failed: f.rows.map((r) => ({ traceId: r.traceId, at: new Date(r.atMs).toISOString() })),
  };
}
