import type { Queryable } from '../../webhooks/outbox-db';

export interface RouteApdex {
  service: string;
  route: string;
  thresholdMs: number;
  adoptedAt: Date;
}

const SQL = `SELECT service, route, threshold_ms, adopted_at FROM telemetry.route_apdex WHERE project_id = $1 ORDER BY route, service`;

/** The per-route Apdex thresholds adopted in the project. */
export async function listRouteApdex(db: Queryable, projectId: number): Promise<RouteApdex[]> {
  const result = await db.query<{ service: string; route: string; threshold_ms: number; adopted_at: Date }>(SQL, [
    projectId,
  ]);
  return result.rows.map((r) => ({
    service: r.service,
    route: r.route,
    thresholdMs: r.threshold_ms,
    adoptedAt: r.adopted_at,
  }));
}
