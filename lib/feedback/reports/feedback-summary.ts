import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import { loadRatedPoints } from '../queries/load-rated-points';
import { type GroupStats, groupStats, statsBy } from '../stats/group-stats';

export const SUMMARY_POINT_LIMIT = 20_000;

export interface FeedbackSummary {
  overall: GroupStats;
  byRelease: { release: string; stats: GroupStats }[];
  byRoute: { route: string; stats: GroupStats }[];
  /** More answers matched than were summarised (the newest SUMMARY_POINT_LIMIT were). */
  truncated: boolean;
}

/** Perceived performance per release and per route over the filter. */
export async function feedbackSummary(
  db: Queryable,
  projectId: number,
  filter: FeedbackFilter,
): Promise<FeedbackSummary> {
  const { points, truncated } = await loadRatedPoints(db, projectId, filter, { limit: SUMMARY_POINT_LIMIT });
  return {
    overall: groupStats(points),
    byRelease: statsBy(points, (p) => p.release).map((g) => ({ release: g.key, stats: g.stats })),
    byRoute: statsBy(points, (p) => p.route).map((g) => ({ route: g.key, stats: g.stats })),
    truncated,
  };
}
