import type { Queryable } from '../../webhooks/outbox-db';
import type { GroupDimension, RuleFilters } from '../rule-schema';

/** The last gauge value per metric series and minute, projected onto the rule's group-by dimensions. */
export interface GaugeRow {
  bucketMs: number;
  timeMs: number;
  metricSeries: string;
  service: string;
  environment: string;
  release: string;
  value: number;
}

const SQL = `
SELECT DISTINCT ON (series_key, date_trunc('minute', time))
       (extract(epoch FROM date_trunc('minute', time)) * 1000)::float8 AS "bucketMs",
       (extract(epoch FROM time) * 1000)::float8                       AS "timeMs",
       series_key                                                      AS "metricSeries",
       CASE WHEN $5::boolean THEN service ELSE '' END                  AS service,
       CASE WHEN $6::boolean THEN environment ELSE '' END              AS environment,
       CASE WHEN $7::boolean THEN release ELSE '' END                  AS release,
       value
FROM telemetry.metric_points
WHERE project_id = $1
  AND time >= $2 AND time < $3
  AND kind = 'gauge' AND name = ANY($4::text[]) AND value IS NOT NULL
  AND ($8::text IS NULL OR service = $8)
  AND ($9::text IS NULL OR environment = $9)
  AND ($10::text IS NULL OR release = $10)
ORDER BY series_key, date_trunc('minute', time), time DESC`;

/** Queue-depth gauge points (names from TAILWATCH_QUEUE_GAUGES) in [fromMs, toMs). */
export async function loadGaugeRows(
  db: Queryable,
  projectId: number,
  gaugeNames: readonly string[],
  filters: RuleFilters,
  dimensions: readonly GroupDimension[],
  fromMs: number,
  toMs: number,
): Promise<GaugeRow[]> {
  const result = await db.query<GaugeRow>(SQL, [
    projectId,
    new Date(fromMs),
    new Date(toMs),
    [...gaugeNames],
    dimensions.includes('service'),
    dimensions.includes('environment'),
    dimensions.includes('release'),
    filters.service,
    filters.environment,
    filters.release,
  ]);
  return result.rows;
}
