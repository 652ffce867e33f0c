import type { Queryable } from '../../webhooks/outbox-db';
import type { GroupDimension, RuleFilters } from '../rule-schema';

/** Poll answers per minute, projected onto the rule's group-by dimensions (feedback has route and release). */
export interface FeedbackRow {
  bucketMs: number;
  route: string;
  release: string;
  answers: number;
  /** Sum of score01 = (rating - 1) / (scale - 1), so answers on different scales add up. */
  scoreSum: number;
}

const SQL = `
SELECT (extract(epoch FROM date_trunc('minute', received_at)) * 1000)::float8 AS "bucketMs",
       CASE WHEN $4::boolean THEN route ELSE '' END                          AS route,
       CASE WHEN $5::boolean THEN release ELSE '' END                        AS release,
       count(*)::float8                                                      AS answers,
       sum(score01)                                                          AS "scoreSum"
FROM telemetry.feedback
WHERE project_id = $1 AND received_at >= $2 AND received_at < $3
  AND ($6::text IS NULL OR route = $6)
  AND ($7::text IS NULL OR release = $7)
GROUP BY 1, 2, 3`;

/** Feedback answers in [fromMs, toMs), for the perceived-performance score. */
export async function loadFeedbackRows(
  db: Queryable,
  projectId: number,
  filters: RuleFilters,
  dimensions: readonly GroupDimension[],
  fromMs: number,
  toMs: number,
): Promise<FeedbackRow[]> {
  const result = await db.query<FeedbackRow>(SQL, [
    projectId,
    new Date(fromMs),
    new Date(toMs),
    dimensions.includes('route'),
    dimensions.includes('release'),
    filters.route,
    filters.release,
  ]);
  return result.rows;
}
