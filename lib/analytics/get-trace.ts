import { payloadDetails, type SpanDetails } from '../ingest/payloads';
import type { Queryable } from './types';

export interface TraceSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: number; // OTLP SpanKind
  start: string; // ISO-8601
  startMs: number; // epoch ms with sub-ms precision
  durationMs: number;
  statusCode: number; // OTLP status: 0 unset, 1 ok, 2 error
  statusMessage: string;
  service: string;
  release: string;
  environment: string;
  route: string;
  method: string;
  httpStatus: number;
  isRequest: boolean;
  isError: boolean;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  events: unknown[];
}

// telemetry.trace_spans finds the trace in every partition through the BRIN bloom index on trace_id
// (lib/ingest/trace-index.ts); the span details come from the stored request bodies the spans name
// (lib/ingest/payloads.ts).
const SQL = `
SELECT encode(trace_id, 'hex') AS "traceId", encode(span_id, 'hex') AS "spanId",
       CASE WHEN parent_span_id IS NULL OR length(parent_span_id) = 0 THEN NULL ELSE encode(parent_span_id, 'hex') END AS "parentSpanId",
       name, kind::int AS kind, (extract(epoch FROM start_time) * 1000)::float8 AS "startMs", duration_ms AS "durationMs",
       status_code::int AS "statusCode", status_message AS "statusMessage", service, release, environment, route, method,
       http_status AS "httpStatus", is_request AS "isRequest", is_error AS "isError", payload_id::text AS "payloadId"
FROM telemetry.trace_spans($1, decode($2, 'hex'), '-infinity', 'infinity')
ORDER BY start_time, span_id
LIMIT 10000`;

const PAYLOADS = `
SELECT format, body FROM telemetry.span_payloads WHERE project_id = $1 AND id = ANY($2::int8[])`;

type SpanColumns = Omit<TraceSpan, 'start' | 'attributes' | 'resource' | 'events'> & { payloadId: string };

const noDetails = (): SpanDetails => ({ attributes: {}, resource: {}, events: [] });

/**
 * GET /api/v1/traces/{traceId}: the trace's raw spans in start order (empty once retention dropped them).
 * A span whose payload is gone (retention keeps payloads by the day received) or unreadable has empty details.
 */
export async function getTrace(db: Queryable, projectId: number, traceId: string): Promise<TraceSpan[]> {
  const id = traceId.toLowerCase();
  const { rows } = await db.query<SpanColumns>(SQL, [projectId, id]);
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.payloadId))];
  const payloads = await db.query<{ format: number; body: Buffer }>(PAYLOADS, [projectId, ids]);
  const details = new Map<string, SpanDetails>();
  for (const p of payloads.rows) {
    let found: Map<string, SpanDetails>;
    try {
      found = payloadDetails(p.format, p.body, id);
    } catch {
      continue; // a damaged body: its spans are shown without details rather than failing the trace
    }
    for (const [k, v] of found) details.set(k, v);
  }
  return rows.map(({ payloadId: _, ...r }) => ({
    ...r,
    start: new Date(r.startMs).toISOString(),
    ...(details.get(r.spanId) ?? noDetails()),
  }));
}
