import type { Queryable } from '../../webhooks/outbox-db';

const SQL = `
INSERT INTO telemetry.route_apdex (project_id, service, route, threshold_ms)
VALUES ($1, $2, $3, $4)
ON CONFLICT (project_id, service, route) DO UPDATE SET threshold_ms = EXCLUDED.threshold_ms, adopted_at = now()
RETURNING adopted_at`;

/** Stores the Apdex threshold of one route (service '' = the route in every service). */
export async function upsertRouteApdex(
  db: Queryable,
  projectId: number,
  target: { service: string; route: string; thresholdMs: number },
): Promise<Date> {
  const result = await db.query<{ adopted_at: Date }>(SQL, [
    projectId,
    target.service,
    target.route,
    target.thresholdMs,
  ]);
  return result.rows[0].adopted_at;
}
