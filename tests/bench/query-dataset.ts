import type pg from 'pg';

// The query benchmark's synthetic dataset, generated inside PostgreSQL (generate_series) because
// sending 21M spans through the ingest path would take longer than the whole benchmark. Raw spans are
// generated first and every rollup tier is computed from them in SQL with the same bucket-key formula as
// lib/sketch, so the rollups and the percentile_cont baseline describe exactly the same rows.

export interface DatasetShape {
  projectId: number;
  startMs: number; // a UTC midnight
  days: number;
  spansPerDay: number;
  routes: number; // spread over 3 services, Zipf-like traffic
  releases: number; // consecutive, equal shares of the time
}

// Durations: lognormal per route (median 33..90 ms, sigma 0.6) with an 8% slow mode ×6 (bimodal tail);
// 1% errors. Traffic per route ∝ quadratic skew (route 0 busiest).
const INSERT_DAY = `
INSERT INTO telemetry.spans (project_id, trace_id, span_id, start_time, duration_ms, name, kind, status_code,
  service, release, environment, route, method, http_status, is_request, is_error, payload_id)
SELECT $1, uuid_send(gen_random_uuid()), substr(uuid_send(gen_random_uuid()), 1, 8), ts, dur, 'GET /api/r' || r, 2,
       CASE WHEN err THEN 2 ELSE 0 END, 'svc-' || (r % 3),
       'v' || (1 + least($6::int - 1, floor(extract(epoch FROM ts - $4::timestamptz) / $5)::int)),
       'production', '/api/r' || r, 'GET', CASE WHEN err THEN 500 ELSE 200 END, true, err, 0
FROM (
  SELECT ts, r, random() < 0.01 AS err,
         exp(3.5 + (r % 7) * 0.15 + 0.6 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))
           * CASE WHEN random() < 0.08 THEN 6 ELSE 1 END AS dur
  FROM (SELECT $2::timestamptz + random() * interval '1 day' AS ts, floor(power(random(), 2) * $7)::int AS r
        FROM generate_series(1, $3)) g
) x`;

const MINUTE_FROM_SPANS = `
INSERT INTO telemetry.rollup_minute (project_id, service, bucket, environment, release, route, method, count,
  error_count, sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts)
SELECT project_id, service, bucket, environment, release, route, method, sum(n), sum(e), sum(s), min(mn), max(mx),
       coalesce(sum(n) FILTER (WHERE key IS NULL), 0),
       coalesce(array_agg(key ORDER BY key) FILTER (WHERE key IS NOT NULL), '{}'),
       coalesce(array_agg(n ORDER BY key) FILTER (WHERE key IS NOT NULL), '{}')
FROM (
  SELECT project_id, service, date_trunc('minute', start_time) AS bucket, environment, release, route, method,
         CASE WHEN duration_ms <= 0.001 THEN NULL ELSE ceil(ln(duration_ms) / ln(1.02))::int END AS key,
         count(*) AS n, count(*) FILTER (WHERE is_error) AS e, sum(duration_ms) AS s,
         min(duration_ms) AS mn, max(duration_ms) AS mx
  FROM telemetry.spans
  WHERE project_id = $1 AND is_request AND start_time >= $2 AND start_time < $3
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
) k
GROUP BY 1, 2, 3, 4, 5, 6, 7`;

// Coarser tier from the finer one: scalars and sketches aggregated separately, then joined.
const coarser = (target: 'hour' | 'day', source: 'minute' | 'hour') => `
WITH src AS (
  SELECT project_id, service, date_trunc('${target}', bucket) AS b, environment, release, route, method,
         count, error_count, sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts
  FROM telemetry.rollup_${source} WHERE project_id = $1 AND bucket >= $2 AND bucket < $3
), scalars AS (
  SELECT project_id, service, b, environment, release, route, method, sum(count) AS n, sum(error_count) AS e,
         sum(sum_ms) AS s, min(min_ms) AS mn, max(max_ms) AS mx, sum(zero_count) AS z
  FROM src GROUP BY 1, 2, 3, 4, 5, 6, 7
), sketches AS (
  SELECT project_id, service, b, environment, release, route, method, array_agg(k ORDER BY k) AS ks,
         array_agg(c ORDER BY k) AS cs
  FROM (SELECT project_id, service, b, environment, release, route, method, k, sum(c)::bigint AS c
        FROM src, unnest(sketch_keys, sketch_counts) AS u(k, c) GROUP BY 1, 2, 3, 4, 5, 6, 7, 8) per_key
  GROUP BY 1, 2, 3, 4, 5, 6, 7
)
INSERT INTO telemetry.rollup_${target} (project_id, service, bucket, environment, release, route, method, count,
  error_count, sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts)
SELECT s.project_id, s.service, s.b, s.environment, s.release, s.route, s.method, n, e, s.s, mn, mx, z,
       coalesce(ks, '{}'), coalesce(cs, '{}')
FROM scalars s LEFT JOIN sketches k USING (project_id, service, b, environment, release, route, method)`;

const DAY_MS = 86_400_000;

/** Generates the spans of one day and rolls them up into every tier (session time zone must be UTC). */
export async function buildDay(client: pg.ClientBase, shape: DatasetShape, day: number): Promise<void> {
  const dayStart = new Date(shape.startMs + day * DAY_MS);
  const dayEnd = new Date(dayStart.getTime() + DAY_MS);
  const releaseSeconds = (shape.days * 86_400) / shape.releases;
  await client.query(`SELECT telemetry.ensure_day_partition('spans', $1::date)`, [dayStart.toISOString().slice(0, 10)]);
  await client.query(INSERT_DAY, [
    shape.projectId,
    dayStart,
    shape.spansPerDay,
    new Date(shape.startMs),
    releaseSeconds,
    shape.releases,
    shape.routes,
  ]);
  const range = [shape.projectId, dayStart, dayEnd];
  await client.query(MINUTE_FROM_SPANS, range);
  await client.query(coarser('hour', 'minute'), range);
  await client.query(coarser('day', 'hour'), range);
  for (const tier of ['minute', '5min', 'hour', 'day'])
    await client.query('SELECT telemetry.rebuild_service_rollups($1, $2, $3, $4)', [tier, ...range]);
}
