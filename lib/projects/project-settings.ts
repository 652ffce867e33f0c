import type pg from 'pg';
import { z } from 'zod';
import { notFound } from '../http/api';
import { clearKeyCache } from '../auth/keys';
import { allowedOriginsSchema } from '../feedback/poll-config/allowed-origins';

export interface ProjectSettings {
  id: number;
  name: string;
  allowedOrigins: string[];
  apdexMs: number;
  createdAt: string;
}

export const projectPatchSchema = z.object({
  name: z.string().trim().min(1, 'Name the project').max(100).optional(),
  allowedOrigins: allowedOriginsSchema.optional(),
  apdexMs: z.number().int().min(1).max(600_000).optional(),
});

export const projectNameSchema = z.object({ name: z.string().trim().min(1, 'Name the project').max(100) });

type Q = Pick<pg.Pool, 'query'>;

export async function getProjectSettings(q: Q, projectId: number): Promise<ProjectSettings> {
  const { rows } = await q.query<{ id: number; name: string; allowed_origins: string[]; apdex_ms: number; created_at: Date }>(
    'SELECT id, name, allowed_origins, apdex_ms, created_at FROM projects WHERE id = $1',
    [projectId],
  );
  if (!rows[0]) throw notFound('Project not found');
  const r = rows[0];
  return { id: r.id, name: r.name, allowedOrigins: r.allowed_origins, apdexMs: r.apdex_ms, createdAt: r.created_at.toISOString() };
}

/** Renames the project and/or sets its widget origins and default Apdex threshold. */
export async function updateProject(q: Q, projectId: number, input: z.input<typeof projectPatchSchema>): Promise<ProjectSettings> {
  const patch = projectPatchSchema.parse(input);
  await q.query(
    `UPDATE projects SET name = COALESCE($2, name), allowed_origins = COALESCE($3, allowed_origins),
       apdex_ms = COALESCE($4, apdex_ms) WHERE id = $1`,
    [projectId, patch.name ?? null, patch.allowedOrigins ?? null, patch.apdexMs ?? null],
  );
  clearKeyCache();
  return getProjectSettings(q, projectId);
}

/** Deletes the project with its keys and memberships; its telemetry goes with it. */
export async function deleteProject(pool: pg.Pool, projectId: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query('DELETE FROM projects WHERE id = $1', [projectId]);
    if (!rowCount) throw notFound('Project not found');
    // Raw telemetry lives outside Prisma's schema (no foreign keys on partitioned tables): delete it here.
    for (const table of ['spans', 'metric_points', 'rollup_minute', 'rollup_hour', 'rollup_day', 'feedback', 'route_apdex']) {
      await client.query('SAVEPOINT t');
      try {
        await client.query(`DELETE FROM telemetry.${table} WHERE project_id = $1`, [projectId]);
        await client.query('RELEASE SAVEPOINT t');
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT t'); // a table this installation does not have yet
      }
    }
    await client.query('COMMIT');
    clearKeyCache();
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
