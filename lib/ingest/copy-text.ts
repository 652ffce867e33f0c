import type { MetricPointRow, SpanRow } from './rows';

// COPY ... FROM STDIN text format: tab-separated columns, one row per line, \N for NULL. Text values
// escape backslash, tab, newline and carriage return; most values contain none, so they pass untouched.

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '\\N' : String(v));
const arr = (v: readonly number[]) => `{${v.join(',')}}`;

/** Start time in integer microseconds: what PostgreSQL stores, and what the rollup buckets use. */
export const startMicros = (ms: number) => Math.round(ms * 1000);

export const SPAN_STAGE_COLUMNS =
  'project_id, trace_id, span_id, parent_span_id, st_us, duration_ms, name, kind, status_code, status_message, service, release, environment, route, method, http_status, is_request, is_error, attributes, resource, events';

export function spanLine(projectId: number, r: SpanRow): string {
  return `${projectId}\t${r.traceId}\t${r.spanId}\t${r.parentSpanId}\t${startMicros(r.startMs)}\t${num(r.durationMs)}\t${copyText(r.name)}\t${r.kind}\t${r.statusCode}\t${copyText(r.statusMessage)}\t${copyText(r.service)}\t${copyText(r.release)}\t${copyText(r.environment)}\t${copyText(r.route)}\t${copyText(r.method)}\t${r.httpStatus | 0}\t${r.isRequest ? 't' : 'f'}\t${r.isError ? 't' : 'f'}\t${copyText(r.attributesJson)}\t${copyText(r.resourceJson)}\t${copyText(r.eventsJson)}\n`;
}

export const METRIC_STAGE_COLUMNS =
  'project_id, series_key, t_us, st_us, name, unit, kind, service, release, environment, attributes, value, is_monotonic, temporality, count, sum, min, max, explicit_bounds, bucket_counts, exp_scale, exp_zero_count, exp_positive_offset, exp_positive_counts, exp_negative_offset, exp_negative_counts';

export function metricLine(projectId: number, r: MetricPointRow): string {
  return `${projectId}\t${copyText(r.seriesKey)}\t${startMicros(r.timeMs)}\t${r.startTimeMs > 0 ? startMicros(r.startTimeMs) : '\\N'}\t${copyText(r.name)}\t${copyText(r.unit)}\t${r.kind}\t${copyText(r.service)}\t${copyText(r.release)}\t${copyText(r.environment)}\t${copyText(r.attributesJson)}\t${num(r.value)}\t${r.isMonotonic ? 't' : 'f'}\t${r.temporality | 0}\t${num(r.count)}\t${num(r.sum)}\t${num(r.min)}\t${num(r.max)}\t${arr(r.explicitBounds)}\t${arr(r.bucketCounts)}\t${num(r.expScale)}\t${num(r.expZeroCount)}\t${num(r.expPositiveOffset)}\t${arr(r.expPositiveCounts)}\t${num(r.expNegativeOffset)}\t${arr(r.expNegativeCounts)}\n`;
}

let isoSecond = Number.NaN;
let isoPrefix = '';

/** Microseconds since the epoch as ISO-8601 text with all six fractional digits (timestamptz input). */
export function isoMicros(us: number): string {
  const second = Math.floor(us / 1_000_000);
  if (second !== isoSecond) {
    // Spans of a batch mostly share their second: format the date part once per second.
    isoPrefix = new Date(second * 1000).toISOString().slice(0, 19); // yyyy-mm-ddThh:mm:ss, years 0000-9999
    isoSecond = second;
  }
  return `${isoPrefix}.${String(us - second * 1_000_000).padStart(6, '0')}Z`;
}

export const SPAN_COLUMNS =
  'project_id, trace_id, span_id, parent_span_id, start_time, duration_ms, name, kind, status_code, status_message, service, release, environment, route, method, http_status, is_request, is_error, attributes, resource, events';

/** A span as telemetry.spans' own column types take it: bytea as \x hex, timestamptz as ISO text. */
export function spanDirectLine(projectId: number, r: SpanRow): string {
  const parent = r.parentSpanId === '' ? '\\N' : `\\\\x${r.parentSpanId}`;
  return `${projectId}\t\\\\x${r.traceId}\t\\\\x${r.spanId}\t${parent}\t${isoMicros(startMicros(r.startMs))}\t${num(r.durationMs)}\t${copyText(r.name)}\t${r.kind}\t${r.statusCode}\t${copyText(r.statusMessage)}\t${copyText(r.service)}\t${copyText(r.release)}\t${copyText(r.environment)}\t${copyText(r.route)}\t${copyText(r.method)}\t${r.httpStatus | 0}\t${r.isRequest ? 't' : 'f'}\t${r.isError ? 't' : 'f'}\t${copyText(r.attributesJson)}\t${copyText(r.resourceJson)}\t${copyText(r.eventsJson)}\n`;
}
