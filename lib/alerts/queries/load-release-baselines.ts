import type { Queryable } from '../../webhooks/outbox-db';
import type { GroupDimension, RuleFilters } from '../rule-schema';
import type { RequestRow } from './load-request-rows';

/** The hourly rollups one baseline asks for: a group's release over [fromMs, toMs). */
export interface BaselineRequest {
  service: string;
  route: string;
  environment: string;
  release: string;
  fromMs: number;
  toMs: number;
}

const SQL = `
SELECT w.idx::int                                   AS idx,
       (extract(epoch FROM r.bucket) * 1000)::float8 AS "bucketMs",
       r.count::float8                               AS count,
       r.error_count::float8                         AS errors,
       r.zero_count::float8                          AS "zeroCount",
       r.sketch_keys                                 AS "sketchKeys",
       r.sketch_counts::float8[]                     AS "sketchCounts"
FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
       WITH ORDINALITY AS w(service, route, environment, release, from_ts, to_ts, idx)
JOIN telemetry.rollup_hour r
  ON r.project_id = $1 AND r.release = w.release AND r.bucket >= w.from_ts AND r.bucket < w.to_ts
 AND (NOT $8::boolean OR r.service = w.service)
 AND (NOT $9::boolean OR r.route = w.route)
 AND (NOT $10::boolean OR r.environment = w.environment)
WHERE ($11::text IS NULL OR r.service = $11)
  AND ($12::text IS NULL OR r.route = $12)
  AND ($13::text IS NULL OR r.environment = $13)`;

/** Hourly rollup rows for each request, in request order (one query for all of them). */
export async function loadReleaseBaselines(
  db: Queryable,
  projectId: number,
  filters: RuleFilters,
  dimensions: readonly GroupDimension[],
  requests: readonly BaselineRequest[],
): Promise<RequestRow[][]> {
  const out: RequestRow[][] = requests.map(() => []);
  if (requests.length === 0) return out;
  const result = await db.query<Omit<RequestRow, 'service' | 'route' | 'environment' | 'release'> & { idx: number }>(
    SQL,
    [
      projectId,
      requests.map((r) => r.service),
      requests.map((r) => r.route),
      requests.map((r) => r.environment),
      requests.map((r) => r.release),
      requests.map((r) => new Date(r.fromMs)),
      requests.map((r) => new Date(r.toMs)),
      dimensions.includes('service'),
      dimensions.includes('route'),
      dimensions.includes('environment'),
      filters.service,
      filters.route,
      filters.environment,
    ],
  );
  for (const { idx, ...row } of result.rows) {
    const request = requests[idx - 1];
    out[idx - 1].push({
      ...row,
      service: request.service,
      route: request.route,
      environment: request.environment,
      release: request.release,
    });
  }
  return out;
}
