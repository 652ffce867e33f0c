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
// kept by several rows (one per request span of it) is named by one of them: the row of its slowest request
// span (failed: the latest row). Every aggregate orders the rows the same total way, so bucket, service,
// route and method all come from that one row.
const SLOW_ORDER = 'd DESC, bucket DESC, service, route, method';
const FAILED_ORDER = 'bucket DESC, service, route, method';

const named = (order: string) => `(array_agg(bucket ORDER BY ${order}))[1] AS bucket,
       (array_agg(service ORDER BY ${order}))[1] AS service, (array_agg(route ORDER BY ${order}))[1] AS route,
       (array_agg(method ORDER BY ${order}))[1] AS method`;

function sql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union}),
e AS (
  SELECT i, max(d) AS d, ${named(SLOW_ORDER)}
  FROM (SELECT i, d, bucket, service, route, method FROM r, unnest(r.slow_trace_ids, r.slow_durations) AS u(i, d)) s
  GROUP BY i)
SELECT encode(i, 'hex') AS "traceId", d AS "durationMs", (extract(epoch FROM bucket) * 1000)::float8 AS "atMs",
       service, route, method
FROM e ORDER BY d DESC, i LIMIT $${limitParam}`;
}

function failedSql(union: string, limitParam: number): string {
  return `
WITH r AS MATERIALIZED (${union}),
e AS (
  SELECT i, ${named(FAILED_ORDER)}
  FROM (SELECT i, bucket, service, route, method FROM r, unnest(r.error_trace_ids) AS u(i)) s
  GROUP BY i)
SELECT encode(i, 'hex') AS "traceId", (extract(epoch FROM bucket) * 1000)::float8 AS "atMs", service, route, method
FROM e ORDER BY bucket DESC, i LIMIT $${limitParam}`;
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
