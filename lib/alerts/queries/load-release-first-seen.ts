import type { Queryable } from '../../webhooks/outbox-db';
import type { GroupDimension, RuleFilters } from '../rule-schema';

export interface ReleaseFirstSeen {
  service: string;
  route: string;
  environment: string;
  release: string;
  firstSeenMs: number;
}

// Same query on two tiers (a table name cannot be a bound parameter): the day tier reaches back over
// the whole retention, the hour tier gives the hour a recent release appeared.
const select = (table: 'rollup_day' | 'rollup_hour') => `
SELECT CASE WHEN $2::boolean THEN service ELSE '' END     AS service,
       CASE WHEN $3::boolean THEN route ELSE '' END       AS route,
       CASE WHEN $4::boolean THEN environment ELSE '' END AS environment,
       release,
       (extract(epoch FROM min(bucket)) * 1000)::float8    AS "firstSeenMs"
FROM telemetry.${table}
WHERE project_id = $1 AND release <> '' AND bucket >= $5
  AND ($6::text IS NULL OR service = $6)
  AND ($7::text IS NULL OR route = $7)
  AND ($8::text IS NULL OR environment = $8)
GROUP BY 1, 2, 3, 4`;

const BY_DAY = select('rollup_day');
const BY_HOUR = select('rollup_hour');
const HOUR_PRECISION_MS = 7 * 24 * 3600_000;

/** When each release was first seen, per group: hour precision for the last 7 days, day precision before. */
export async function loadReleaseFirstSeen(
  db: Queryable,
  projectId: number,
  filters: RuleFilters,
  dimensions: readonly GroupDimension[],
  nowMs: number,
): Promise<ReleaseFirstSeen[]> {
  const params = (sinceMs: number) => [
    projectId,
    dimensions.includes('service'),
    dimensions.includes('route'),
    dimensions.includes('environment'),
    new Date(sinceMs),
    filters.service,
    filters.route,
    filters.environment,
  ];
  const recentSinceMs = nowMs - HOUR_PRECISION_MS;
  const [days, hours] = await Promise.all([
    db.query<ReleaseFirstSeen>(BY_DAY, params(0)),
    db.query<ReleaseFirstSeen>(BY_HOUR, params(recentSinceMs)),
  ]);
  const key = (r: ReleaseFirstSeen) => JSON.stringify([r.service, r.route, r.environment, r.release]);
  const hourly = new Map(hours.rows.map((r) => [key(r), r.firstSeenMs]));
  // The hour tier is clipped to 7 days: only trust it for releases whose first day is inside that range.
  return days.rows.map((r) => {
    const hour = hourly.get(key(r));
    return { ...r, firstSeenMs: r.firstSeenMs >= recentSinceMs && hour !== undefined ? hour : r.firstSeenMs };
  });
}
