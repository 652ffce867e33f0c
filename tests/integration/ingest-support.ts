import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { type SpanBatch, spanBatch as encodeBatch } from '@/lib/ingest/span-batch';
import { detailsPayload } from '@/lib/ingest/payloads';
import type { MetricPointRow, SpanRow } from '@/lib/ingest/rows';

// Row generators and raw-vs-rollup checks shared by the ingest suites.

export const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function spanRow(over: Partial<SpanRow> = {}): SpanRow {
  return {
    traceId: hex(16),
    spanId: hex(8),
    parentSpanId: '',
    name: 'GET /a',
    kind: 2,
    startMs: Date.now() - Math.random() * 3_600_000,
    durationMs: Math.exp(3 + Math.random() * 2),
    statusCode: 0,
    statusMessage: '',
    service: 'api',
    release: 'v1',
    environment: 'prod',
    route: '/a',
    method: 'GET',
    httpStatus: 200,
    isRequest: true,
    isError: false,
    attributesJson: '{"k":"tab\\there"}',
    resourceJson: '{}',
    eventsJson: '[]',
    ...over,
  };
}

/** A group-commit batch of rows whose own details are their payload (as storeSpans writes them). */
export function spanBatch(projectId: number, rows: SpanRow[]): SpanBatch {
  return encodeBatch(projectId, rows, detailsPayload(rows));
}

export function pointRow(over: Partial<MetricPointRow> = {}): MetricPointRow {
  return {
    name: 'queue.depth',
    unit: '',
    kind: 'gauge',
    service: 'api',
    release: 'v1',
    environment: 'prod',
    attributesJson: '{}',
    seriesKey: 'abc',
    timeMs: Date.now(),
    startTimeMs: 0,
    value: 3,
    isMonotonic: false,
    temporality: 0,
    count: null,
    sum: null,
    min: null,
    max: null,
    explicitBounds: [],
    bucketCounts: [],
    expScale: null,
    expZeroCount: null,
    expPositiveOffset: null,
    expPositiveCounts: [],
    expNegativeOffset: null,
    expNegativeCounts: [],
    ...over,
  };
}

/**
 * Waits until no rollups are pending: an ingest request is acknowledged at its COMMIT, and its rollups reach
 * the rollup tables a flush later (lib/rollups/flush.ts).
 */
export async function rollupsFlushed(pool: pg.Pool, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry.rollup_pending');
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} rollups still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Per tier, rows where the rollup disagrees with what the raw request spans imply (count, errors, sum,
 * min, max and the sketch's total), once no rollups are pending. Empty when the rollups are exact.
 */
export async function rollupMismatches(pool: pg.Pool, projectId: number): Promise<unknown[]> {
  await rollupsFlushed(pool);
  const out: unknown[] = [];
  // Route level: one row per route and method; service level: route = method = '' over all of them.
  const levels = [
    { table: '', route: 'route', method: 'method', tiers: ['minute', 'hour', 'day'] },
    { table: 'service_', route: "''::text", method: "''::text", tiers: ['minute', '5min', 'hour', 'day'] },
  ];
  for (const level of levels) {
    for (const tier of level.tiers) {
      const bucket =
        tier === '5min'
          ? "date_bin('5 minutes', start_time, timestamptz '1970-01-01 00:00:00+00') AT TIME ZONE 'UTC'"
          : `date_trunc('${tier}', start_time AT TIME ZONE 'UTC')`;
      const { rows } = await pool.query(
        `WITH raw AS (
           SELECT service, ${bucket} AS b, environment, release,
                  ${level.route} AS route, ${level.method} AS method,
                  count(*)::int8 AS n, count(*) FILTER (WHERE is_error)::int8 AS e, sum(duration_ms) AS s,
                  min(duration_ms) AS mn, max(duration_ms) AS mx
           FROM telemetry.spans WHERE project_id = $1 AND is_request GROUP BY 1, 2, 3, 4, 5, 6),
         r AS (
           SELECT service, bucket AT TIME ZONE 'UTC' AS b, environment, release, route, method, count AS n,
                  error_count AS e, sum_ms AS s, min_ms AS mn, max_ms AS mx,
                  zero_count + (SELECT coalesce(sum(c), 0) FROM unnest(sketch_counts) c)::int8 AS sk
           FROM telemetry.rollup_${level.table}${tier} WHERE project_id = $1)
         SELECT '${level.table}${tier}' AS tier, raw.*, r.n AS rn, r.e AS re, r.s AS rs, r.sk AS rsk
         FROM raw FULL JOIN r USING (service, b, environment, release, route, method)
         WHERE raw.n IS DISTINCT FROM r.n OR raw.e IS DISTINCT FROM r.e OR raw.mn IS DISTINCT FROM r.mn
            OR raw.mx IS DISTINCT FROM r.mx OR r.sk IS DISTINCT FROM r.n OR abs(raw.s - r.s) > 1e-6 * raw.s`,
        [projectId],
      );
      out.push(...rows);
    }
  }
  return out;
}

export async function rawSpanCount(pool: pg.Pool, projectId: number): Promise<number> {
  const { rows } = await pool.query('SELECT count(*)::int AS n FROM telemetry.spans WHERE project_id = $1', [
    projectId,
  ]);
  return rows[0].n;
}
