import type { Queryable } from './types';

export interface MetricPoint {
  t: string; // start of the step, ISO-8601
  value: number; // last value in the step
  max: number;
  min: number;
}

export interface MetricSeries {
  seriesKey: string;
  service: string;
  environment: string;
  attributes: Record<string, unknown>;
  unit: string;
  latest: { t: string; value: number } | null; // newest point in the range
  points: MetricPoint[]; // steps with at least one point
}

export interface MetricQuery {
  projectId: number;
  name: string;
  service?: string;
  environment?: string;
  fromMs: number;
  toMs: number;
  stepMs: number;
}

// Gauge-like points (gauges and sums: the `value` column) per series and step: last, min and max.
const SQL = `
SELECT series_key AS "seriesKey", service, environment, attributes, unit,
       (floor(extract(epoch FROM time) * 1000 / $7::float8) * $7::float8)::float8 AS "slotMs",
       (array_agg(value ORDER BY time DESC))[1] AS value, max(value) AS max, min(value) AS min,
       (extract(epoch FROM max(time)) * 1000)::float8 AS "lastMs"
FROM telemetry.metric_points
WHERE project_id = $1 AND name = $2 AND time >= $3 AND time < $4 AND value IS NOT NULL
  AND ($5::text IS NULL OR service = $5) AND ($6::text IS NULL OR environment = $6)
GROUP BY series_key, service, environment, attributes, unit, 6
ORDER BY series_key, 6`;

type Row = Omit<MetricSeries, 'latest' | 'points'> & {
  slotMs: number;
  value: number;
  max: number;
  min: number;
  lastMs: number;
};

/** GET /api/v1/metrics/series: every series of a metric name (e.g. queue.depth) in the range. */
export async function getMetricSeries(db: Queryable, q: MetricQuery): Promise<MetricSeries[]> {
  const { rows } = await db.query<Row>(SQL, [
    q.projectId,
    q.name,
    new Date(q.fromMs),
    new Date(q.toMs),
    q.service ?? null,
    q.environment ?? null,
    q.stepMs,
  ]);
  const bySeries = new Map<string, MetricSeries>();
  for (const r of rows) {
    let s = bySeries.get(r.seriesKey);
    if (!s) {
      s = {
        seriesKey: r.seriesKey,
        service: r.service,
        environment: r.environment,
        attributes: r.attributes,
        unit: r.unit,
        latest: null,
        points: [],
      };
      bySeries.set(r.seriesKey, s);
    }
    s.points.push({ t: new Date(r.slotMs).toISOString(), value: r.value, max: r.max, min: r.min });
    s.latest = { t: new Date(r.lastMs).toISOString(), value: r.value }; // rows are in time order
  }
  return [...bySeries.values()];
}
