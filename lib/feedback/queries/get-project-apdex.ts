import type { Queryable } from '../../webhooks/outbox-db';

/** The project's default Apdex threshold (projects.apdex_ms); null for an unknown project. */
export async function getProjectApdexMs(db: Queryable, projectId: number): Promise<number | null> {
  const result = await db.query<{ apdex_ms: number }>('SELECT apdex_ms FROM projects WHERE id = $1', [projectId]);
  return result.rows[0]?.apdex_ms ?? null;
}
