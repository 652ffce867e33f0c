import type { ReadFilters } from './filters';
import { rollupUnion } from './rollup-source';
import { alignToMinutes, planTiers } from './tier-plan';
import type { Queryable } from './types';

/** Where an exemplar was kept: the request span's series. */
interface ExemplarSeries {
  service: string;
  route: string;
  method: string;
}

export interface Exemplars {
  slowest: ({ traceId: string; durationMs: number; at: string } & ExemplarSeries)[]; // slowest first
  failed: ({ traceId: string; at: string } & ExemplarSeries)[]; // newest first
}

// The rollups keep, per row, the slowest requests' trace ids (with durations) and some failed ones; the
// global slowest of a range are among the union of each row's slowest, so the tier plan stays exact. A trace
// kept by several rows (one per request span of it) is named by the row of its slowest (or latest) one.
function sql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union})
SELECT encode(i, 'hex') AS "traceId", max(d) AS "durationMs", (extract(epoch FROM max(bucket)) * 1000)::float8 AS "atMs",
       (array_agg(service ORDER BY d DESC))[1] AS service, (array_agg(route ORDER BY d DESC))[1] AS route,
       (array_agg(method ORDER BY d DESC))[1] AS method
FROM (SELECT i, d, bucket, service, route, method FROM r, unnest(r.slow_trace_ids, r.slow_durations) AS u(i, d)) s
GROUP BY i ORDER BY 2 DESC, 1 LIMIT $${limitParam}`;
}

function failedSql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union})
SELECT encode(i, 'hex') AS "traceId", (extract(epoch FROM max(bucket)) * 1000)::float8 AS "atMs",
       (array_agg(service ORDER BY bucket DESC))[1] AS service, (array_agg(route ORDER BY bucket DESC))[1] AS route,
       (array_agg(method ORDER BY bucket DESC))[1] AS method
FROM (SELECT i, bucket, service, route, method FROM r, unnest(r.error_trace_ids) AS u(i)) s
GROUP BY i ORDER BY 2 DESC LIMIT $${limitParam}`;
}

/** GET /api/v1/exemplars: the slowest and the most recent failed requests' trace ids in the range. */
export async function getExemplars(db: Queryable, filters: ReadFilters, limit = 10): Promise<Exemplars> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const segments = planTiers(fromMs, toMs);
  const slow = rollupUnion('bucket, service, route, method, slow_trace_ids, slow_durations', filters, segments, [
    limit,
  ]);
  const failed = rollupUnion('bucket, service, route, method, error_trace_ids', filters, segments, [limit]);
  type SlowRow = { traceId: string; durationMs: number; atMs: number } & ExemplarSeries;
  type FailedRow = { traceId: string; atMs: number } & ExemplarSeries;
  const series = (r: ExemplarSeries): ExemplarSeries => ({ service: r.service, route: r.route, method: r.method });
  const [s, f] = await Promise.all([
    db.query<SlowRow>(sql(slow.text, 7), slow.values),
    db.query<FailedRow>(failedSql(failed.text, 7), failed.values),
  ]);
  return {
    slowest: s.rows.map((r) => ({
      traceId: r.traceId,
      durationMs: r.durationMs,
      at: new Date(r.atMs).toISOString(),
      ...series(r),
    })),
    failed: f.rows.map((r) => ({ traceId: r.traceId, at: new Date(r.atMs).toISOString(), ...series(r) })),
  };
}
