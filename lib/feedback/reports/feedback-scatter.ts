import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import type { LatencySource } from '../queries/list-feedback';
import { loadRatedPoints } from '../queries/load-rated-points';
import { score01 } from '../stats/rating';
import { spearman } from '../stats/spearman';

export const SCATTER_POINT_LIMIT = 2_000;

export interface ScatterPoint {
  id: string;
  latencyMs: number;
  latencySource: LatencySource;
  rating: number;
  scale: number;
  score: number; // 0-100, comparable across scales
  route: string;
  release: string;
  traceId: string | null;
}

/** Latency vs rating, one point per answer that has a latency (the newest SCATTER_POINT_LIMIT). */
export async function feedbackScatter(
  db: Queryable,
  projectId: number,
  filter: FeedbackFilter,
): Promise<{ points: ScatterPoint[]; rho: number | null; n: number; truncated: boolean }> {
  const loaded = await loadRatedPoints(db, projectId, filter, { limit: SCATTER_POINT_LIMIT, withLatencyOnly: true });
  const points = loaded.points.map((p) => ({
    id: p.id,
    latencyMs: p.latencyMs as number,
    latencySource: p.latencySource as LatencySource,
    rating: p.rating,
    scale: p.scale,
    score: score01(p.rating, p.scale) * 100,
    route: p.route,
    release: p.release,
    traceId: p.traceId,
  }));
  const correlation = spearman(
    points.map((p) => p.latencyMs),
    points.map((p) => p.score),
  );
  return { points, ...correlation, truncated: loaded.truncated };
}
