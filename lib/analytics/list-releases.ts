import type { ReadFilters } from './filters';
import { type LatencySummary, summarizeGroups } from './latency-summary';
import { listReleaseSeen } from './release-first-seen';
import { mergedRollups } from './merged-rollups';
import { alignToMinutes } from './tier-plan';
import type { Queryable } from './types';

export interface ReleaseSummary extends LatencySummary {
  service: string;
  release: string;
  firstSeen: string; // ISO-8601, over the whole retention
  lastSeen: string; // end of the last minute with a request
}

/**
 * GET /api/v1/releases: every release of the matching services that has requests in the range, newest
 * first (by first seen); figures cover the range, first/last seen the whole retention.
 */
export async function listReleases(db: Queryable, filters: ReadFilters): Promise<ReleaseSummary[]> {
  const { fromMs, toMs } = alignToMinutes(filters.fromMs, filters.toMs);
  const [rows, seen] = await Promise.all([
    mergedRollups<{ service: string; release: string }>(db, 'service, release', ['service', 'release'], filters, {
      fromMs,
      toMs,
    }),
    listReleaseSeen(db, filters),
  ]);
  const groups = summarizeGroups(rows, (r) => JSON.stringify([r.service, r.release]));
  const out: ReleaseSummary[] = [];
  for (const s of seen) {
    const summary = groups.get(JSON.stringify([s.service, s.release]));
    if (!summary) continue;
    out.push({
      service: s.service,
      release: s.release,
      firstSeen: new Date(s.firstSeenMs).toISOString(),
      lastSeen: new Date(s.lastSeenMs).toISOString(),
      ...summary,
    });
  }
  return out.sort((a, b) => b.firstSeen.localeCompare(a.firstSeen) || a.service.localeCompare(b.service));
}
