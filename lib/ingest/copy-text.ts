import type { MetricPointRow } from './rows';

// COPY ... FROM STDIN text format, for metric points (spans go in binary: copy-binary.ts). Tab-separated
// columns, one row per line, \N for NULL. Text values escape backslash, tab, newline and carriage return;
// most values contain none, so they pass untouched.

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

export function copyText(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : value;
}

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? '\\N' : String(v));
const arr = (v: readonly number[]) => `{${v.join(',')}}`;

/** Start time in integer microseconds: what PostgreSQL stores, and what the rollup buckets use. */
export const startMicros = (ms: number) => Math.round(ms * 1000);

/** UTC day number (days since 1970-01-01) of a time in ms, on the stored microsecond. */
export const dayNumber = (ms: number) => Math.floor(startMicros(ms) / 86_400_000_000);

export const METRIC_STAGE_COLUMNS =
  'project_id, series_key, t_us, st_us, name, unit, kind, service, release, environment, attributes, value, is_monotonic, temporality, count, sum, min, max, explicit_bounds, bucket_counts, exp_scale, exp_zero_count, exp_positive_offset, exp_positive_counts, exp_negative_offset, exp_negative_counts';

/**
 * One request's metric points as the group commit takes them: their COPY text lines (METRIC_STAGE_COLUMNS) in
 * chunks of about 1 MB, and the UTC days of their times. Built where the request is decoded (a decode thread),
 * so the event loop receives a few strings instead of an object per point.
 */
export interface MetricBatch {
  projectId: number;
  count: number;
  lines: string[];
  days: number[];
}

const CHUNK_CHARS = 1 << 20;

/** The batch of `rows`, or null when their text would pass `maxChars` characters (it stops building there). */
export function metricBatch(
  projectId: number,
  rows: readonly MetricPointRow[],
  maxChars = Number.POSITIVE_INFINITY,
): MetricBatch | null {
  const lines: string[] = [];
  let chunk = '';
  let total = 0;
  const days = new Set<number>();
  for (const r of rows) {
    const line = metricLine(projectId, r);
    total += line.length;
    if (total > maxChars) return null;
    chunk += line;
    if (chunk.length >= CHUNK_CHARS) {
      lines.push(chunk);
      chunk = '';
    }
    days.add(dayNumber(r.timeMs));
  }
  if (chunk) lines.push(chunk);
  return { projectId, count: rows.length, lines, days: [...days] };
}

export function metricLine(projectId: number, r: MetricPointRow): string {
  return `${projectId}\t${copyText(r.seriesKey)}\t${startMicros(r.timeMs)}\t${r.startTimeMs > 0 ? startMicros(r.startTimeMs) : '\\N'}\t${copyText(r.name)}\t${copyText(r.unit)}\t${r.kind}\t${copyText(r.service)}\t${copyText(r.release)}\t${copyText(r.environment)}\t${copyText(r.attributesJson)}\t${num(r.value)}\t${r.isMonotonic ? 't' : 'f'}\t${r.temporality | 0}\t${num(r.count)}\t${num(r.sum)}\t${num(r.min)}\t${num(r.max)}\t${arr(r.explicitBounds)}\t${arr(r.bucketCounts)}\t${num(r.expScale)}\t${num(r.expZeroCount)}\t${num(r.expPositiveOffset)}\t${arr(r.expPositiveCounts)}\t${num(r.expNegativeOffset)}\t${arr(r.expNegativeCounts)}\n`;
}
