import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import { LATENCY_SOURCE_SQL, LATENCY_SQL, TRACE_SERVICE_SQL } from './trace-latency-sql';

export type LatencySource = 'trace' | 'interaction' | 'inp';

export interface FeedbackItem {
  id: string;
  receivedAt: Date;
  rating: number;
  scale: number;
  score: number; // 0-100
  trigger: string;
  release: string;
  route: string;
  path: string;
  /** As the user typed it: render as text, never as markup. */
  comment: string | null;
  traceId: string | null;
  /** The linked trace is still among the raw spans (it can be opened). */
  traceFound: boolean;
  latencyMs: number | null;
  latencySource: LatencySource | null;
  userSegment: string;
  timings: {
    ttfb: number | null;
    domContentLoaded: number | null;
    load: number | null;
    lcp: number | null;
    inp: number | null;
    interaction: number | null;
  };
  origin: string;
}

export interface FeedbackPage {
  items: FeedbackItem[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

const SQL = `
SELECT f.id, f.received_at, f.rating, f.scale, f.score01, f.trigger, f.release, f.route, f.path, f.comment,
       encode(f.trace_id, 'hex') AS trace_id, f.trace_ms IS NOT NULL AS trace_found,
       ${LATENCY_SQL} AS latency_ms, ${LATENCY_SOURCE_SQL} AS latency_source,
       f.user_segment, f.ttfb_ms, f.dcl_ms, f.load_ms, f.lcp_ms, f.inp_ms, f.interaction_ms, f.origin
FROM telemetry.feedback f
WHERE f.project_id = $1 AND f.received_at >= $2 AND f.received_at < $3
  AND ($4::text IS NULL OR f.release = $4)
  AND ($5::text IS NULL OR f.route = $5)
  AND ($6::bigint IS NULL OR f.id < $6)
  AND (NOT $7::boolean OR f.comment IS NOT NULL)
  AND ($9::text IS NULL OR ${TRACE_SERVICE_SQL} = $9)
ORDER BY f.id DESC
LIMIT $8`;

interface Row {
  id: string;
  received_at: Date;
  rating: number;
  scale: number;
  score01: number;
  trigger: string;
  release: string;
  route: string;
  path: string;
  comment: string | null;
  trace_id: string | null;
  trace_found: boolean;
  latency_ms: number | null;
  latency_source: LatencySource | null;
  user_segment: string;
  ttfb_ms: number | null;
  dcl_ms: number | null;
  load_ms: number | null;
  lcp_ms: number | null;
  inp_ms: number | null;
  interaction_ms: number | null;
  origin: string;
}

/** Answers newest first, `limit` per page, keyset-paged by id. */
export async function listFeedback(
  db: Queryable,
  projectId: number,
  filter: FeedbackFilter,
  page: { before?: string; limit: number; withComment?: boolean },
): Promise<FeedbackPage> {
  const result = await db.query<Row>(SQL, [
    projectId,
    filter.from,
    filter.to,
    filter.release ?? null,
    filter.route ?? null,
    page.before ?? null,
    page.withComment ?? false,
    page.limit + 1,
    filter.service ?? null,
  ]);
  const rows = result.rows.slice(0, page.limit);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      receivedAt: r.received_at,
      rating: r.rating,
      scale: r.scale,
      score: r.score01 * 100,
      trigger: r.trigger,
      release: r.release,
      route: r.route,
      path: r.path,
      comment: r.comment,
      traceId: r.trace_id,
      traceFound: r.trace_found,
      latencyMs: r.latency_ms,
      latencySource: r.latency_source,
      userSegment: r.user_segment,
      timings: {
        ttfb: r.ttfb_ms,
        domContentLoaded: r.dcl_ms,
        load: r.load_ms,
        lcp: r.lcp_ms,
        inp: r.inp_ms,
        interaction: r.interaction_ms,
      },
      origin: r.origin,
    })),
    nextBefore: result.rows.length > page.limit ? String(rows[rows.length - 1].id) : null,
  };
}
