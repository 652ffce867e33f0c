import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackInput } from '../feedback-input';

const SQL = `
INSERT INTO telemetry.feedback (project_id, rating, scale, trigger, release, route, path, comment, trace_id,
  user_segment, ttfb_ms, dcl_ms, load_ms, lcp_ms, inp_ms, interaction_ms, origin)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'hex'), $10, $11, $12, $13, $14, $15, $16, $17)
RETURNING id`;

/** Stores one answer; resolves once the row is committed (autocommit on a pool). Returns its id. */
export async function insertFeedback(
  db: Queryable,
  projectId: number,
  input: FeedbackInput,
  origin: string,
): Promise<string> {
  const t = input.timings;
  const result = await db.query<{ id: string }>(SQL, [
    projectId,
    input.rating,
    input.scale,
    input.trigger,
    input.release ?? '',
    input.route ?? '',
    input.path,
    input.comment ?? null,
    input.traceId ?? null,
    input.userSegment ?? '',
    t.ttfb ?? null,
    t.domContentLoaded ?? null,
    t.load ?? null,
    t.lcp ?? null,
    t.inp ?? null,
    t.interaction ?? null,
    origin,
  ]);
  return String(result.rows[0].id);
}
