import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';
import { listFeedbackFacets } from '../queries/list-feedback-facets';
import { loadRatedPoints } from '../queries/load-rated-points';
import { type FeltSlowerRoute, feltSlower } from '../stats/felt-slower';
import { SUMMARY_POINT_LIMIT } from './feedback-summary';

export interface FeltSlowerReport {
  /** The releases compared; null when the range holds fewer than two. */
  base: string | null;
  target: string | null;
  /** Releases in the range, oldest first, for choosing others. */
  releases: string[];
  routes: FeltSlowerRoute[];
}

/**
 * Routes whose perceived score dropped most from `base` to `target`. Without them, compares the
 * newest release (by first answer) with the one before it.
 */
export async function feltSlowerReport(
  db: Queryable,
  projectId: number,
  filter: Pick<FeedbackFilter, 'from' | 'to'>,
  pick: { base?: string; target?: string },
): Promise<FeltSlowerReport> {
  const facets = await listFeedbackFacets(db, projectId, filter);
  const releases = facets.releases.map((r) => r.name);
  const target = pick.target ?? releases[releases.length - 1] ?? null;
  const base = pick.base ?? releases.filter((r) => r !== target).at(-1) ?? null;
  if (base === null || target === null || base === target) return { base, target, releases, routes: [] };
  const load = (release: string) =>
    loadRatedPoints(db, projectId, { ...filter, release }, { limit: SUMMARY_POINT_LIMIT }).then((r) => r.points);
  const [before, after] = await Promise.all([load(base), load(target)]);
  return { base, target, releases, routes: feltSlower([...before, ...after], base, target) };
}
