import type { Queryable } from '../../webhooks/outbox-db';
import type { GroupDimension, RuleFilters } from '../rule-schema';

/** One rollup_minute row, projected onto the rule's group-by dimensions ('' for the others). */
export interface RequestRow {
  bucketMs: number;
  service: string;
  route: string;
  environment: string;
  release: string;
  count: number;
  errors: number;
  zeroCount: number;
  sketchKeys: number[];
  sketchCounts: number[];
}

// Dimensions not grouped by come back as '' so rows of one series share their labels; the CASE flags
// are bound parameters, never pasted SQL. Counts are cast to float8 so they parse as numbers whatever
// type parsers the pool has.
const SQL = `
SELECT (extract(epoch FROM bucket) * 1000)::float8                AS "bucketMs",
       CASE WHEN $4::boolean THEN service ELSE '' END             AS service,
       CASE WHEN $5::boolean THEN route ELSE '' END               AS route,
       CASE WHEN $6::boolean THEN environment ELSE '' END         AS environment,
       CASE WHEN $7::boolean THEN release ELSE '' END             AS release,
       count::float8                                              AS count,
       error_count::float8                                        AS errors,
       zero_count::float8                                         AS "zeroCount",
       sketch_keys                                                AS "sketchKeys",
       sketch_counts::float8[]                                    AS "sketchCounts"
FROM telemetry.rollup_minute
WHERE project_id = $1
  AND bucket >= $2 AND bucket < $3
  AND ($8::text IS NULL OR service = $8)
  AND ($9::text IS NULL OR route = $9)
  AND ($10::text IS NULL OR environment = $10)
  AND ($11::text IS NULL OR release = $11)`;

/** Per-minute request rollups of a project in [fromMs, toMs), filtered and projected for a rule. */
export async function loadRequestRows(
  db: Queryable,
  projectId: number,
  filters: RuleFilters,
  dimensions: readonly GroupDimension[],
  fromMs: number,
  toMs: number,
): Promise<RequestRow[]> {
  const result = await db.query<RequestRow>(SQL, [
    projectId,
    new Date(fromMs),
    new Date(toMs),
    dimensions.includes('service'),
    dimensions.includes('route'),
    dimensions.includes('environment'),
    dimensions.includes('release'),
    filters.service,
    filters.route,
    filters.environment,
    filters.release,
  ]);
  return result.rows;
}
