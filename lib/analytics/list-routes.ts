import type { ReadFilters } from './filters';
import { type LatencySummary, summarizeGroups } from './latency-summary';
import { mergedRollups } from './merged-rollups';
import { alignToMinutes } from './tier-plan';
import type { Queryable } from './types';

export interface RouteSummary extends LatencySummary {
  service: string;
  route: string;
  method: string;
  /** count × mean: where the service spends its time. */
  totalMs: number;
}

/** GET /api/v1/routes: one row per (service, route, method) in the range, busiest first. */
export async function listRoutes(db: Queryable, filters: ReadFilters): Promise<RouteSummary[]> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const rows = await mergedRollups<{ service: string; route: string; method: string }>(
    db,
    'service, route, method',
    ['service', 'route', 'method'],
    filters,
    { fromMs, toMs },
  );
  const groups = summarizeGroups(rows, (r) => JSON.stringify([r.service, r.route, r.method]));
  return [...groups]
    .map(([key, s]) => {
      const [service, route, method] = JSON.parse(key) as [string, string, string];
      return { service, route, method, ...s, totalMs: s.mean === null ? 0 : s.mean * s.count };
    })
    .sort((a, b) => b.count - a.count || a.route.localeCompare(b.route) || a.method.localeCompare(b.method));
}
