import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import { getProjectApdexMs } from '../queries/get-project-apdex';
import { listRouteApdex } from '../queries/list-route-apdex';
import { type LoadedPoint, loadRatedPoints } from '../queries/load-rated-points';
import { type ApdexFit, fitApdexThreshold } from '../stats/calibrated-apdex';
import { isSatisfied } from '../stats/rating';

const POINT_LIMIT = 20_000;
// The bootstrap refits every resample: the newest answers per route are plenty for a threshold.
const PER_ROUTE_LIMIT = 3_000;

export interface RouteApdexFit {
  route: string;
  /** The service most of the route's linked traces entered; '' when none had a trace. */
  service: string;
  fit: ApdexFit;
  /** The threshold in force now: adopted for this route, else null (the project default applies). */
  adoptedMs: number | null;
}

export interface ApdexReport {
  projectDefaultMs: number;
  routes: RouteApdexFit[];
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = '';
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v < best)) [best, bestCount] = [v, c];
  return best;
}

/** Feedback-calibrated Apdex T per route (within the filter's release when given), beside the thresholds in force. */
export async function apdexReport(
  db: Queryable,
  projectId: number,
  filter: FeedbackFilter,
): Promise<ApdexReport | null> {
  const projectDefaultMs = await getProjectApdexMs(db, projectId);
  if (projectDefaultMs === null) return null;
  const [{ points }, adopted] = await Promise.all([
    loadRatedPoints(db, projectId, filter, { limit: POINT_LIMIT, withLatencyOnly: true }),
    listRouteApdex(db, projectId),
  ]);
  const byRoute = new Map<string, LoadedPoint[]>();
  for (const p of points) {
    let list = byRoute.get(p.route);
    if (!list) {
      list = [];
      byRoute.set(p.route, list);
    }
    if (list.length < PER_ROUTE_LIMIT) list.push(p);
  }
  const routes = [...byRoute].map(([route, list]) => {
    const service = mostCommon(list.map((p) => p.service));
    const inForce =
      adopted.find((a) => a.route === route && a.service === service) ??
      adopted.find((a) => a.route === route && a.service === '');
    return {
      route,
      service,
      fit: fitApdexThreshold(
        list.map((p) => ({ latencyMs: p.latencyMs as number, satisfied: isSatisfied(p.rating, p.scale) })),
      ),
      adoptedMs: inForce?.thresholdMs ?? null,
    };
  });
  routes.sort((a, b) => b.fit.n - a.fit.n || a.route.localeCompare(b.route));
  return { projectDefaultMs, routes };
}
