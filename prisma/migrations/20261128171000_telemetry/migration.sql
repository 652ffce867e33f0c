-- Telemetry storage, outside Prisma's models (schema "telemetry"): raw spans and metric points in daily
-- partitions (retention drops whole partitions), and per-minute/hour/day rollups with sparse log-bucket
-- sketches (gamma 1.02, key = ceil(ln(ms)/ln(1.02)); see lib/sketch) that merge by adding counts.

CREATE SCHEMA IF NOT EXISTS telemetry;

CREATE TABLE telemetry.spans (
    project_id      INTEGER          NOT NULL,
    trace_id        BYTEA            NOT NULL,
    span_id         BYTEA            NOT NULL,
    parent_span_id  BYTEA,
    start_time      TIMESTAMPTZ      NOT NULL,
    duration_ms     DOUBLE PRECISION NOT NULL,
    name            TEXT             NOT NULL,
    kind            SMALLINT         NOT NULL,
    status_code     SMALLINT         NOT NULL,
    status_message  TEXT             NOT NULL DEFAULT '',
    service         TEXT             NOT NULL,
    release         TEXT             NOT NULL,
    environment     TEXT             NOT NULL,
    route           TEXT             NOT NULL,
    method          TEXT             NOT NULL,
    http_status     INTEGER          NOT NULL,
    is_request      BOOLEAN          NOT NULL,
    is_error        BOOLEAN          NOT NULL,
    attributes      JSONB            NOT NULL,
    resource        JSONB            NOT NULL,
    events          JSONB            NOT NULL,
    received_at     TIMESTAMPTZ      NOT NULL DEFAULT now()
) PARTITION BY RANGE (start_time);

-- The natural key makes a retried batch idempotent; it also serves trace look-ups.
CREATE UNIQUE INDEX spans_natural_key ON telemetry.spans (project_id, trace_id, span_id, start_time);

CREATE TABLE telemetry.metric_points (
    project_id          INTEGER          NOT NULL,
    series_key          TEXT             NOT NULL,
    time                TIMESTAMPTZ      NOT NULL,
    start_time          TIMESTAMPTZ,
    name                TEXT             NOT NULL,
    unit                TEXT             NOT NULL DEFAULT '',
    kind                TEXT             NOT NULL,
    service             TEXT             NOT NULL,
    release             TEXT             NOT NULL,
    environment         TEXT             NOT NULL,
    attributes          JSONB            NOT NULL,
    value               DOUBLE PRECISION,
    is_monotonic        BOOLEAN          NOT NULL DEFAULT false,
    temporality         SMALLINT         NOT NULL DEFAULT 0,
    count               BIGINT,
    sum                 DOUBLE PRECISION,
    min                 DOUBLE PRECISION,
    max                 DOUBLE PRECISION,
    explicit_bounds     DOUBLE PRECISION[] NOT NULL DEFAULT '{}',
    bucket_counts       BIGINT[]         NOT NULL DEFAULT '{}',
    exp_scale           INTEGER,
    exp_zero_count      BIGINT,
    exp_positive_offset INTEGER,
    exp_positive_counts BIGINT[]         NOT NULL DEFAULT '{}',
    exp_negative_offset INTEGER,
    exp_negative_counts BIGINT[]         NOT NULL DEFAULT '{}',
    received_at         TIMESTAMPTZ      NOT NULL DEFAULT now()
) PARTITION BY RANGE (time);

CREATE UNIQUE INDEX metric_points_natural_key ON telemetry.metric_points (project_id, series_key, time);
CREATE INDEX metric_points_by_name ON telemetry.metric_points (project_id, name, service, time);

-- Rollups: one row per (project, service, bucket, environment, release, route, method) and tier.
CREATE TABLE telemetry.rollup_minute (
    project_id      INTEGER          NOT NULL,
    service         TEXT             NOT NULL,
    bucket          TIMESTAMPTZ      NOT NULL,
    environment     TEXT             NOT NULL,
    release         TEXT             NOT NULL,
    route           TEXT             NOT NULL,
    method          TEXT             NOT NULL,
    count           BIGINT           NOT NULL,
    error_count     BIGINT           NOT NULL,
    sum_ms          DOUBLE PRECISION NOT NULL,
    min_ms          DOUBLE PRECISION NOT NULL,
    max_ms          DOUBLE PRECISION NOT NULL,
    zero_count      BIGINT           NOT NULL DEFAULT 0,
    sketch_keys     INTEGER[]        NOT NULL,
    sketch_counts   BIGINT[]         NOT NULL,
    slow_trace_ids  BYTEA[]          NOT NULL DEFAULT '{}',
    slow_durations  DOUBLE PRECISION[] NOT NULL DEFAULT '{}',
    error_trace_ids BYTEA[]          NOT NULL DEFAULT '{}',
    PRIMARY KEY (project_id, service, bucket, environment, release, route, method)
);
CREATE INDEX rollup_minute_by_time ON telemetry.rollup_minute (project_id, bucket);

CREATE TABLE telemetry.rollup_hour (LIKE telemetry.rollup_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE telemetry.rollup_hour ADD PRIMARY KEY (project_id, service, bucket, environment, release, route, method);
CREATE INDEX rollup_hour_by_time ON telemetry.rollup_hour (project_id, bucket);

CREATE TABLE telemetry.rollup_day (LIKE telemetry.rollup_minute INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE telemetry.rollup_day ADD PRIMARY KEY (project_id, service, bucket, environment, release, route, method);
CREATE INDEX rollup_day_by_time ON telemetry.rollup_day (project_id, bucket);

-- Adds two sparse sketches (sorted keys + counts) by key.
CREATE FUNCTION telemetry.merge_sketch(ak INTEGER[], ac BIGINT[], bk INTEGER[], bc BIGINT[],
                                       OUT keys INTEGER[], OUT counts BIGINT[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(k ORDER BY k), '{}'), coalesce(array_agg(c ORDER BY k), '{}')
  FROM (SELECT k, sum(c)::bigint AS c
        FROM (SELECT * FROM unnest(ak, ac) UNION ALL SELECT * FROM unnest(bk, bc)) u(k, c)
        GROUP BY k) s
$$;

-- Keeps the n slowest exemplars (trace id + duration) of two lists.
CREATE FUNCTION telemetry.merge_slow(ai BYTEA[], ad DOUBLE PRECISION[], bi BYTEA[], bd DOUBLE PRECISION[], n INTEGER,
                                     OUT ids BYTEA[], OUT durations DOUBLE PRECISION[])
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(i ORDER BY d DESC), '{}'), coalesce(array_agg(d ORDER BY d DESC), '{}')
  FROM (SELECT i, d FROM (SELECT * FROM unnest(ai, ad) UNION ALL SELECT * FROM unnest(bi, bd)) u(i, d)
        ORDER BY d DESC LIMIT n) s
$$;

-- Creates the daily partition of a raw table (spans, metric_points) covering `day` (UTC) if missing.
CREATE FUNCTION telemetry.ensure_day_partition(parent TEXT, day DATE) RETURNS VOID
LANGUAGE plpgsql AS $$
DECLARE
  part TEXT := parent || '_' || to_char(day, 'YYYYMMDD');
BEGIN
  IF to_regclass('telemetry.' || part) IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('telemetry.' || part));
  EXECUTE format('CREATE TABLE IF NOT EXISTS telemetry.%I PARTITION OF telemetry.%I FOR VALUES FROM (%L) TO (%L)',
                 part, parent, (day::timestamp AT TIME ZONE 'UTC'), ((day + 1)::timestamp AT TIME ZONE 'UTC'));
END
$$;
