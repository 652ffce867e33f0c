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

// The natural-key index (project_id, trace_id, span_id, start_time) finds a trace in every partition.
const SQL = `
SELECT encode(trace_id, 'hex') AS "traceId", encode(span_id, 'hex') AS "spanId",
       CASE WHEN parent_span_id IS NULL OR length(parent_span_id) = 0 THEN NULL ELSE encode(parent_span_id, 'hex') END AS "parentSpanId",
       name, kind::int AS kind, (extract(epoch FROM start_time) * 1000)::float8 AS "startMs", duration_ms AS "durationMs",
       status_code::int AS "statusCode", status_message AS "statusMessage", service, release, environment, route, method,
       http_status AS "httpStatus", is_request AS "isRequest", is_error AS "isError", attributes, resource, events
FROM telemetry.spans
WHERE project_id = $1 AND trace_id = decode($2, 'hex')
ORDER BY start_time, span_id
LIMIT 10000`;

/** GET /api/v1/traces/{traceId}: the trace's raw spans in start order (empty once retention dropped them). */
export async function getTrace(db: Queryable, projectId: number, traceId: string): Promise<TraceSpan[]> {
  const { rows } = await db.query<Omit<TraceSpan, 'start'>>(SQL, [projectId, traceId.toLowerCase()]);
  return rows.map((r) => ({ ...r, start: new Date(r.startMs).toISOString() }));
}
