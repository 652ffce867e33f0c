import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ReadFilters } from '../../lib/analytics/filters';
import type { SpanRow } from '../../lib/ingest/rows';
import { storeSpans } from '../../lib/ingest/writer';
import { nearestRank } from '../../lib/sketch';

// Fixtures for the analytics suites: spans built like the OTLP decoders build them, stored through the
// ingest writer (raw spans + every rollup tier), and the exact figures computed from those same rows.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

export interface SpanSpec {
  startMs: number;
  durationMs: number;
  service?: string;
  route?: string;
  release?: string;
  environment?: string;
  method?: string;
  error?: boolean;
  traceId?: string;
}

export function span(s: SpanSpec): SpanRow {
  return {
    traceId: s.traceId ?? randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: '',
    name: `${s.method ?? 'GET'} ${s.route ?? '/'}`,
    kind: 2,
    startMs: s.startMs,
    durationMs: s.durationMs,
    statusCode: s.error ? 2 : 0,
    statusMessage: '',
    service: s.service ?? 'api',
    release: s.release ?? 'v1',
    environment: s.environment ?? 'production',
    route: s.route ?? '/',
    method: s.method ?? 'GET',
    httpStatus: s.error ? 500 : 200,
    isRequest: true,
    isError: Boolean(s.error),
    attributesJson: '{}',
    resourceJson: JSON.stringify({ 'service.name': s.service ?? 'api' }),
    eventsJson: '[]',
  };
}

/** Stores rows through the ingest writer in batches the size an OTLP exporter sends. */
export async function store(pool: pg.Pool, projectId: number, rows: SpanRow[], batch = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await storeSpans(pool, projectId, rows.slice(i, i + batch));
}

export interface Exact {
  count: number;
  errorCount: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** The rows a read query covers: matching filters, start in the minute-aligned [from, to). */
export function matching(rows: SpanRow[], f: ReadFilters): SpanRow[] {
  const from = Math.floor(f.fromMs / MINUTE) * MINUTE;
  const to = Math.ceil(f.toMs / MINUTE) * MINUTE;
  return rows.filter(
    (r) =>
      r.isRequest &&
      r.startMs >= from &&
      r.startMs < to &&
      (f.service === undefined || r.service === f.service) &&
      (f.route === undefined || r.route === f.route) &&
      (f.release === undefined || r.release === f.release) &&
      (f.environment === undefined || r.environment === f.environment) &&
      (f.method === undefined || r.method === f.method),
  );
}

/** Exact figures of rows: nearest-rank percentiles of the stored durations. */
export function exact(rows: SpanRow[]): Exact {
  if (rows.length === 0)
    return { count: 0, errorCount: 0, p50: null, p95: null, p99: null, min: null, max: null, mean: null };
  const d = rows.map((r) => r.durationMs).sort((a, b) => a - b);
  const at = (q: number) => d[nearestRank(q, d.length) - 1];
  return {
    count: d.length,
    errorCount: rows.filter((r) => r.isError).length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    min: d[0],
    max: d[d.length - 1],
    mean: d.reduce((a, b) => a + b, 0) / d.length,
  };
}

/** Relative error of an estimate vs the exact value. */
export const relErr = (estimate: number | null, truth: number | null) =>
  estimate === null || truth === null ? (estimate === truth ? 0 : Infinity) : Math.abs(estimate - truth) / truth;
