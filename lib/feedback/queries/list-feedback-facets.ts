import type { Queryable } from '../../webhooks/outbox-db';
import type { FeedbackFilter } from '../feedback-filter';

export interface FeedbackFacet {
  name: string;
  count: number;
  firstSeen: Date;
  lastSeen: Date;
}

const SQL = `
SELECT 'release' AS kind, release AS name, count(*) AS count, min(received_at) AS first_seen, max(received_at) AS last_seen
FROM telemetry.feedback WHERE project_id = $1 AND received_at >= $2 AND received_at < $3
GROUP BY release
UNION ALL
SELECT 'route', route, count(*), min(received_at), max(received_at)
FROM telemetry.feedback WHERE project_id = $1 AND received_at >= $2 AND received_at < $3
GROUP BY route`;

interface Row {
  kind: 'release' | 'route';
  name: string;
  count: number;
  first_seen: Date;
  last_seen: Date;
}

/** Releases (oldest first, by first answer) and routes (most answered first) seen in the range. */
export async function listFeedbackFacets(
  db: Queryable,
  projectId: number,
  range: Pick<FeedbackFilter, 'from' | 'to'>,
): Promise<{ releases: FeedbackFacet[]; routes: FeedbackFacet[] }> {
  const result = await db.query<Row>(SQL, [projectId, range.from, range.to]);
  const facet = (r: Row): FeedbackFacet => ({
    name: r.name,
    count: r.count,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
  });
  return {
    releases: result.rows
      .filter((r) => r.kind === 'release')
      .map(facet)
      .sort((a, b) => a.firstSeen.getTime() - b.firstSeen.getTime() || a.name.localeCompare(b.name)),
    routes: result.rows
      .filter((r) => r.kind === 'route')
      .map(facet)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}
