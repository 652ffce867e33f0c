import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import type { RatedPoint } from '../stats/rating';
import type { LatencySource } from './list-feedback';
import { LATENCY_SOURCE_SQL, LATENCY_SQL, TRACE_SERVICE_SQL } from './trace-latency-sql';

export interface LoadedPoint extends RatedPoint {
  id: string;
  receivedAt: Date;
  traceId: string | null;
  latencySource: LatencySource | null;
  /** Service of the linked trace's entry span; '' without a trace. */
  service: string;
}

const SQL = `
SELECT f.id, f.received_at, f.release, f.route, f.rating, f.scale, encode(f.trace_id, 'hex') AS trace_id,
       ${LATENCY_SQL} AS latency_ms, ${LATENCY_SOURCE_SQL} AS latency_source, ${TRACE_SERVICE_SQL} AS service
FROM telemetry.feedback f
WHERE f.project_id = $1 AND f.received_at >= $2 AND f.received_at < $3
  AND ($4::text IS NULL OR f.release = $4)
  AND ($5::text IS NULL OR f.route = $5)
  AND (NOT $6::boolean OR ${LATENCY_SQL} IS NOT NULL)
  AND ($8::text IS NULL OR ${TRACE_SERVICE_SQL} = $8)
ORDER BY f.received_at DESC, f.id DESC
LIMIT $7`;

interface Row {
  id: string;
  received_at: Date;
  release: string;
  route: string;
  rating: number;
  scale: number;
  trace_id: string | null;
  latency_ms: number | null;
  latency_source: LatencySource | null;
  service: string;
}

/**
 * The newest `limit` answers of the filter with their measured latency, for the statistics.
 * `truncated` says the range held more (the statistics then describe the newest `limit`).
 */
export async function loadRatedPoints(
  db: Queryable,
  projectId: number,
  filter: FeedbackFilter,
  opts: { limit: number; withLatencyOnly?: boolean },
): Promise<{ points: LoadedPoint[]; truncated: boolean }> {
  const result = await db.query<Row>(SQL, [
    projectId,
    filter.from,
    filter.to,
    filter.release ?? null,
    filter.route ?? null,
    opts.withLatencyOnly ?? false,
    opts.limit + 1,
    filter.service ?? null,
  ]);
  const rows = result.rows.slice(0, opts.limit);
  return {
    truncated: result.rows.length > opts.limit,
    points: rows.map((r) => ({
      id: String(r.id),
      receivedAt: r.received_at,
      release: r.release,
      route: r.route,
      rating: r.rating,
      scale: r.scale,
      latencyMs: r.latency_ms,
      latencySource: r.latency_source,
      traceId: r.trace_id,
      service: r.service,
    })),
  };
}
