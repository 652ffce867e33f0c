-- Service-level rollups: the route tiers merged over route and method (stored as route = '' and method = '',
-- so the same columns, upserts and read SQL apply). Reads without a route or method filter that do not group
-- by route use these: ~60x fewer rows than the route tiers for a service with 60 routes (npm run bench:query:
-- a 24 h series at 5 min steps over all routes read ~86,000 route rows). Exemplars stay on the route tiers.
CREATE TABLE telemetry.rollup_service_minute (LIKE telemetry.rollup_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE telemetry.rollup_service_minute ADD PRIMARY KEY (project_id, service, bucket, environment, release, route, method);
CREATE INDEX rollup_service_minute_by_time ON telemetry.rollup_service_minute (project_id, bucket);

CREATE TABLE telemetry.rollup_service_hour (LIKE telemetry.rollup_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE telemetry.rollup_service_hour ADD PRIMARY KEY (project_id, service, bucket, environment, release, route, method);
CREATE INDEX rollup_service_hour_by_time ON telemetry.rollup_service_hour (project_id, bucket);

CREATE TABLE telemetry.rollup_service_day (LIKE telemetry.rollup_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE telemetry.rollup_service_day ADD PRIMARY KEY (project_id, service, bucket, environment, release, route, method);
CREATE INDEX rollup_service_day_by_time ON telemetry.rollup_service_day (project_id, bucket);

-- Recomputes the service rows of one tier ('minute', 'hour' or 'day') in [from_ts, to_ts) from the route rows,
-- for one project or (project NULL) all: the backfill below, and bulk loads that write route rows directly.
CREATE FUNCTION telemetry.rebuild_service_rollups(tier TEXT, project INTEGER, from_ts TIMESTAMPTZ, to_ts TIMESTAMPTZ)
RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  IF tier NOT IN ('minute', 'hour', 'day') THEN
    RAISE EXCEPTION 'unknown rollup tier %', tier;
  END IF;
  EXECUTE format('DELETE FROM telemetry.%I WHERE ($1 IS NULL OR project_id = $1) AND bucket >= $2 AND bucket < $3',
                 'rollup_service_' || tier) USING project, from_ts, to_ts;
  EXECUTE format($q$
    WITH src AS (
      SELECT * FROM telemetry.%I WHERE ($1 IS NULL OR project_id = $1) AND bucket >= $2 AND bucket < $3
    ), scalars AS (
      SELECT project_id, service, bucket, environment, release, sum(count) AS n, sum(error_count) AS e,
             sum(sum_ms) AS s, min(min_ms) AS mn, max(max_ms) AS mx, sum(zero_count) AS z
      FROM src GROUP BY 1, 2, 3, 4, 5
    ), sketches AS (
      SELECT project_id, service, bucket, environment, release, array_agg(k ORDER BY k) AS ks,
             array_agg(c ORDER BY k) AS cs
      FROM (SELECT project_id, service, bucket, environment, release, k, sum(c)::bigint AS c
            FROM src, unnest(sketch_keys, sketch_counts) AS u(k, c) GROUP BY 1, 2, 3, 4, 5, 6) per_key
      GROUP BY 1, 2, 3, 4, 5
    )
    INSERT INTO telemetry.%I (project_id, service, bucket, environment, release, route, method, count,
      error_count, sum_ms, min_ms, max_ms, zero_count, sketch_keys, sketch_counts)
    SELECT s.project_id, s.service, s.bucket, s.environment, s.release, '', '', n, e, s.s, mn, mx, z,
           coalesce(ks, '{}'), coalesce(cs, '{}')
    FROM scalars s LEFT JOIN sketches k USING (project_id, service, bucket, environment, release)
  $q$, 'rollup_' || tier, 'rollup_service_' || tier) USING project, from_ts, to_ts;
END
$$;

SELECT telemetry.rebuild_service_rollups(t, NULL, '-infinity', 'infinity') FROM unnest(ARRAY['minute', 'hour', 'day']) AS t;

-- A route filter without a service (the route page, GET /api/v1/series?route=) found its rows through
-- (project_id, bucket), i.e. every route's rows of the range: 115 ms for 24 h at 60 routes in bench:query.
CREATE INDEX rollup_minute_by_route ON telemetry.rollup_minute (project_id, route, bucket);
CREATE INDEX rollup_hour_by_route ON telemetry.rollup_hour (project_id, route, bucket);
