import { z } from 'zod';
import { clearKeyCache } from '../auth/keys';
import { allowedOriginsSchema } from '../feedback/poll-config/allowed-origins';
import { notFound } from '../http/api';
import type { ActionCtx } from './action-context';
import {
  PROJECT_COLUMNS,
  type ProjectRow,
  type ProjectSettings,
  projectIdSchema,
  toProjectSettings,
} from './get-project';

/** The body of PATCH /api/v1/projects/{id}: any of the three. */
export const projectPatchSchema = z.object({
  name: z.string().trim().min(1, 'Name the project').max(100).optional(),
  allowedOrigins: allowedOriginsSchema.optional(),
  apdexMs: z.number().int().min(1).max(600_000).optional(),
});

const updateProjectSchema = projectPatchSchema.extend(projectIdSchema.shape);

/** Renames the project and/or sets its widget origins and default Apdex threshold (one statement). */
export async function updateProject(
  ctx: ActionCtx,
  input: z.input<typeof updateProjectSchema>,
): Promise<ProjectSettings> {
  const { projectId, name, allowedOrigins, apdexMs } = updateProjectSchema.parse(input);
  const { rows } = await ctx.pool.query<ProjectRow>(
    `UPDATE projects SET name = COALESCE($2, name), allowed_origins = COALESCE($3, allowed_origins),
       apdex_ms = COALESCE($4, apdex_ms) WHERE id = $1 RETURNING ${PROJECT_COLUMNS}`,
    [projectId, name ?? null, allowedOrigins ?? null, apdexMs ?? null],
  );
  if (!rows[0]) throw notFound('Project not found');
  clearKeyCache(); // cached public-key lookups carry the allowed origins
  return toProjectSettings(rows[0]);
}
