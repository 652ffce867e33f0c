import type pg from 'pg';
import { minuteRollups, type NewSpan } from '../rollups/aggregate';
import { insertPending, type PendingRollup } from '../rollups/flush';
import { encodePending } from '../rollups/pending';
import { copyChunks as chunks, copyInto, copySpansDirect } from './copy-stream';
import { METRIC_STAGE_COLUMNS, metricLine, SPAN_STAGE_COLUMNS, spanLine, startMicros } from './copy-text';
import { ensurePartitions, forgetPartitions } from './partitions';
import type { MetricPointRow, SpanRow } from './rows';

// One group commit: every request of the group in one transaction. Spans are first COPied straight into
// telemetry.spans under a savepoint (the common case: all new); if that fails (a retried batch hits the
// natural key), they go through a per-connection temp staging table and INSERT ... ON CONFLICT DO NOTHING
// RETURNING, so a retry inserts nothing. The minute rollups of exactly the spans that were new are stored as
// one telemetry.rollup_pending row, then COMMIT; lib/rollups/flush.ts adds them to the rollup tables.
// Metric points always take the staging path (smaller volume).

export interface SpanBatch {
  projectId: number;
  rows: SpanRow[];
}
export interface MetricBatch {
  projectId: number;
  rows: MetricPointRow[];
}
export interface GroupResult {
  spansInserted: number;
  spansDuplicate: number;
  pointsInserted: number;
  pointsDuplicate: number;
  pending: PendingRollup | null; // the group's minute rollups, committed with it, not yet flushed
}

const STAGING = `
CREATE TEMP TABLE IF NOT EXISTS tw_stage_spans (project_id int, trace_id text, span_id text, parent_span_id text,
  st_us int8, duration_ms float8, name text, kind int2, status_code int2, status_message text, service text,
  release text, environment text, route text, method text, http_status int, is_request bool, is_error bool,
  attributes text, resource text, events text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS tw_stage_points (project_id int, series_key text, t_us int8, st_us int8, name text,
  unit text, kind text, service text, release text, environment text, attributes text, value float8,
  is_monotonic bool, temporality int2, count int8, sum float8, min float8, max float8, explicit_bounds float8[],
  bucket_counts int8[], exp_scale int, exp_zero_count int8, exp_positive_offset int, exp_positive_counts int8[],
  exp_negative_offset int, exp_negative_counts int8[]) ON COMMIT DELETE ROWS`;

// Returns one row per inserted span; request spans carry their key so Node rolls up exactly those.
const INSERT_SPANS = `
WITH ins AS (
  INSERT INTO telemetry.spans (project_id, trace_id, span_id, parent_span_id, start_time, duration_ms, name, kind,
    status_code, status_message, service, release, environment, route, method, http_status, is_request, is_error,
    attributes, resource, events)
  SELECT project_id, decode(trace_id, 'hex'), decode(span_id, 'hex'),
         CASE WHEN parent_span_id = '' THEN NULL ELSE decode(parent_span_id, 'hex') END,
         to_timestamp(st_us / 1000000.0::float8), duration_ms, name, kind, status_code, status_message, service, release,
         environment, route, method, http_status, is_request, is_error, attributes::jsonb, resource::jsonb, events::jsonb
  FROM tw_stage_spans
  ON CONFLICT DO NOTHING
  RETURNING project_id, trace_id, span_id, is_request)
SELECT CASE WHEN is_request THEN project_id || ':' || encode(trace_id || span_id, 'hex') END AS k FROM ins`;

const INSERT_POINTS = `
INSERT INTO telemetry.metric_points (project_id, series_key, time, start_time, name, unit, kind, service, release,
  environment, attributes, value, is_monotonic, temporality, count, sum, min, max, explicit_bounds, bucket_counts,
  exp_scale, exp_zero_count, exp_positive_offset, exp_positive_counts, exp_negative_offset, exp_negative_counts)
SELECT project_id, series_key, to_timestamp(t_us / 1000000.0::float8), to_timestamp(st_us / 1000000.0::float8), name,
       unit, kind, service, release, environment, attributes::jsonb, value, is_monotonic, temporality, count, sum, min,
       max, explicit_bounds, bucket_counts, exp_scale, exp_zero_count, exp_positive_offset, exp_positive_counts,
       exp_negative_offset, exp_negative_counts
FROM tw_stage_points
ON CONFLICT DO NOTHING`;

const staged = new WeakSet<pg.PoolClient>();

// UTC day numbers first (cheap per row), formatted once per distinct day.
const dayNumber = (ms: number) => Math.floor(startMicros(ms) / 86_400_000_000);
const dayText = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

async function ensureDays(pool: pg.Pool, spans: readonly SpanBatch[], points: readonly MetricBatch[]): Promise<void> {
  const spanDays = new Set<number>();
  for (const b of spans) for (const r of b.rows) spanDays.add(dayNumber(r.startMs));
  const pointDays = new Set<number>();
  for (const b of points) for (const r of b.rows) pointDays.add(dayNumber(r.timeMs));
  await ensurePartitions(pool, 'spans', [...spanDays].map(dayText));
  await ensurePartitions(pool, 'metric_points', [...pointDays].map(dayText));
}

async function writeOnce(
  pool: pg.Pool,
  spans: readonly SpanBatch[],
  points: readonly MetricBatch[],
): Promise<GroupResult> {
  await ensureDays(pool, spans, points);
  const client = await pool.connect();
  let broken = false;
  try {
    if (!staged.has(client)) {
      await client.query(STAGING);
      staged.add(client);
    }
    await client.query('BEGIN');
    const result: GroupResult = {
      spansInserted: 0,
      spansDuplicate: 0,
      pointsInserted: 0,
      pointsDuplicate: 0,
      pending: null,
    };
    const spanCount = spans.reduce((n, b) => n + b.rows.length, 0);
    const pointCount = points.reduce((n, b) => n + b.rows.length, 0);
    if (spanCount > 0 && (await copySpansDirect(client, spans))) {
      result.spansInserted = spanCount;
      result.pending = await storePending(client, spans, [], true);
    } else if (spanCount > 0) {
      await copyInto(client, 'tw_stage_spans', SPAN_STAGE_COLUMNS, chunks(spans, spanLine));
      const inserted = await client.query<{ k: string | null }>(INSERT_SPANS);
      result.spansInserted = inserted.rowCount ?? 0;
      result.spansDuplicate = spanCount - result.spansInserted;
      result.pending = await storePending(client, spans, inserted.rows, result.spansDuplicate === 0);
    }
    if (pointCount > 0) {
      await copyInto(client, 'tw_stage_points', METRIC_STAGE_COLUMNS, chunks(points, metricLine));
      const inserted = await client.query(INSERT_POINTS);
      result.pointsInserted = inserted.rowCount ?? 0;
      result.pointsDuplicate = pointCount - result.pointsInserted;
    }
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

async function storePending(
  client: pg.PoolClient,
  spans: readonly SpanBatch[],
  inserted: { k: string | null }[],
  allNew: boolean,
): Promise<PendingRollup | null> {
  const fresh: NewSpan[] = [];
  // Keys are looked up only when the batch had duplicates: the common case is that every span was new.
  const keep = allNew ? null : new Set(inserted.map((r) => r.k).filter((k): k is string => k !== null));
  for (const b of spans) {
    for (const row of b.rows) {
      if (!row.isRequest) continue;
      if (keep) {
        const k = `${b.projectId}:${row.traceId}${row.spanId}`;
        if (!keep.delete(k)) continue; // a duplicate (or a second copy within this group)
      }
      fresh.push({ projectId: b.projectId, row, startUs: startMicros(row.startMs) });
    }
  }
  const rows = minuteRollups(fresh);
  if (rows.length === 0) return null;
  return { id: await insertPending(client, encodePending(rows)), rows };
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock (unique-index waits of concurrent retries), serialization

/** Writes one group; retries a deadlock or a partition dropped by retention under our cache. */
export async function writeGroup(
  pool: pg.Pool,
  spans: readonly SpanBatch[],
  points: readonly MetricBatch[],
): Promise<GroupResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeOnce(pool, spans, points);
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (attempt >= 4) throw err;
      if (code === '23514' || code === '42P01')
        forgetPartitions(); // no partition for a row / relation gone
      else if (!RETRYABLE.has(code)) throw err;
    }
  }
}
