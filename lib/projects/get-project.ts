import { z } from 'zod';
import { notFound } from '../http/api';
import type { ActionCtx } from './action-context';

export interface ProjectSettings {
  id: number;
  name: string;
  allowedOrigins: string[];
  apdexMs: number;
  createdAt: string;
}

export interface ProjectRow {
  id: number;
  name: string;
  allowed_origins: string[];
  apdex_ms: number;
  created_at: Date;
}
export const PROJECT_COLUMNS = 'id, name, allowed_origins, apdex_ms, created_at';

export const toProjectSettings = (r: ProjectRow): ProjectSettings => ({
  id: r.id,
  name: r.name,
  allowedOrigins: r.allowed_origins,
  apdexMs: r.apdex_ms,
  createdAt: r.created_at.toISOString(),
});

export const projectIdSchema = z.object({ projectId: z.number().int().positive() });

/** A project's settings; 404 when it does not exist. Membership is the caller's check. */
export async function getProject(ctx: ActionCtx, input: z.input<typeof projectIdSchema>): Promise<ProjectSettings> {
  const { projectId } = projectIdSchema.parse(input);
  const { rows } = await ctx.pool.query<ProjectRow>(`SELECT ${PROJECT_COLUMNS} FROM projects WHERE id = $1`, [
    projectId,
  ]);
  if (!rows[0]) throw notFound('Project not found');
  return toProjectSettings(rows[0]);
}
