import { FILTER_PREDICATE, filterValues, type ReadFilters } from './filters';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './tier-plan';
import type { Queryable } from './types';

export interface ReleaseSeen {
  service: string;
  release: string;
  firstSeenMs: number;
  lastSeenMs: number; // end of the last minute (or coarser bucket) with a request
}

// First and last bucket per (service, release) over the whole retention, in two steps: the day and hour
// tiers (small) give every release's edge hours; the minute tier is then read only inside those edge
// hours (primary-key range scans), so the cost does not grow with the minute tier's size.
const COARSE = `
SELECT tier, service, release,
       (extract(epoch FROM min(bucket)) * 1000)::float8 AS "minMs",
       (extract(epoch FROM max(bucket)) * 1000)::float8 AS "maxMs"
FROM (
  SELECT 'hour' AS tier, service, release, bucket FROM telemetry.rollup_hour WHERE project_id = $1 AND ${FILTER_PREDICATE}
  UNION ALL
  SELECT 'day', service, release, bucket FROM telemetry.rollup_day WHERE project_id = $1 AND ${FILTER_PREDICATE}
) t
GROUP BY tier, service, release`;

const MINUTE_EDGES = `
SELECT e.service, e.release,
       (extract(epoch FROM min(m.bucket)) * 1000)::float8 AS "minMs",
       (extract(epoch FROM max(m.bucket)) * 1000)::float8 AS "maxMs"
FROM unnest($7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[]) AS e(service, release, lo, hi)
JOIN telemetry.rollup_minute m
  ON m.project_id = $1 AND m.service = e.service AND m.bucket >= e.lo AND m.bucket < e.hi AND m.release = e.release
WHERE ${FILTER_PREDICATE.replace(/\b(service|route|release|environment|method) =/g, 'm.$1 =')}
GROUP BY e.service, e.release`;

type Tier = 'minute' | 'hour' | 'day';
type Row = { tier: Tier; service: string; release: string; minMs: number; maxMs: number };
type Filters = Omit<ReadFilters, 'fromMs' | 'toMs'>;

/** First and last seen of every release matching the filters (time range ignored: lifetimes are global). */
export async function listReleaseSeen(db: Queryable, filters: Filters): Promise<ReleaseSeen[]> {
  const params = [filters.projectId, ...filterValues({ ...filters, fromMs: 0, toMs: 0 })];
  const { rows } = await db.query<Row>(COARSE, params);
  const byKey = new Map<string, Partial<Record<Tier, Row>>>();
  for (const r of rows) {
    const key = JSON.stringify([r.service, r.release]);
    byKey.set(key, { ...byKey.get(key), [r.tier]: r });
  }
  // Edge hours: the first and last hour (or day, if the hour tier no longer has it) of each release.
  const edges: [string, string, Date, Date][] = [];
  for (const t of byKey.values()) {
    const any = (t.hour ?? t.day) as Row;
    const first = t.hour && t.day && t.day.minMs + DAY_MS <= t.hour.minMs ? t.day : (t.hour ?? t.day);
    const last = t.hour && t.day && t.hour.maxMs + HOUR_MS <= t.day.maxMs ? t.day : (t.hour ?? t.day);
    const size = (r: Row | undefined) => (r === t.hour ? HOUR_MS : DAY_MS);
    edges.push([
      any.service,
      any.release,
      new Date((first as Row).minMs),
      new Date((first as Row).minMs + size(first)),
    ]);
    edges.push([any.service, any.release, new Date((last as Row).maxMs), new Date((last as Row).maxMs + size(last))]);
  }
  if (edges.length > 0) {
    const minutes = await db.query<Omit<Row, 'tier'>>(MINUTE_EDGES, [
      ...params,
      edges.map((e) => e[0]),
      edges.map((e) => e[1]),
      edges.map((e) => e[2]),
      edges.map((e) => e[3]),
    ]);
    for (const r of minutes.rows) {
      const key = JSON.stringify([r.service, r.release]);
      byKey.set(key, { ...byKey.get(key), minute: { ...r, tier: 'minute' } });
    }
  }
  return [...byKey.values()].map((t) => {
    const any = (t.hour ?? t.day) as Row;
    return { service: any.service, release: any.release, ...seen(t) };
  });
}

function seen(t: Partial<Record<Tier, Row>>): { firstSeenMs: number; lastSeenMs: number } {
  let first = Infinity;
  let firstUnit = Infinity;
  let last = -Infinity;
  let lastUnit = Infinity;
  // Coarse to fine: a finer bucket inside the coarse edge bucket sharpens it; one outside it means the
  // finer tier's retention already dropped the edge, so the coarse value stands.
  const units: [Tier, number][] = [
    ['day', DAY_MS],
    ['hour', HOUR_MS],
    ['minute', MINUTE_MS],
  ];
  for (const [tier, size] of units) {
    const r = t[tier];
    if (!r) continue;
    if (r.minMs < first + firstUnit) {
      first = r.minMs;
      firstUnit = size;
    }
    const end = r.maxMs + size;
    if (end > last - lastUnit) {
      last = end;
      lastUnit = size;
    }
  }
  return { firstSeenMs: first, lastSeenMs: last };
}
