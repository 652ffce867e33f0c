import type { ReadFilters } from './filters';
import { type LatencySummary, summarizeGroups } from './latency-summary';
import { mergedRollups } from './merged-rollups';
import { alignToMinutes } from './tier-plan';
import type { Queryable } from './types';

export interface ServiceSummary extends LatencySummary {
  service: string;
}

/** GET /api/v1/services: every service with requests in the range, busiest first. */
export async function listServices(db: Queryable, filters: ReadFilters): Promise<ServiceSummary[]> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const rows = await mergedRollups<{ service: string }>(db, 'service', ['service'], filters, { fromMs, toMs });
  const groups = summarizeGroups(rows, (r) => r.service);
  return [...groups]
    .map(([service, s]) => ({ service, ...s }))
    .sort((a, b) => b.count - a.count || a.service.localeCompare(b.service));
}
