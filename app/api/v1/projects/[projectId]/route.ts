import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { ApiError, parseJson, route } from '@/lib/http/api';
import { deleteProject } from '@/lib/projects/delete-project';
import { getProject } from '@/lib/projects/get-project';
import { projectPatchSchema, updateProject } from '@/lib/projects/update-project';

// GET    /api/v1/projects/{id} -> {id, name, allowedOrigins, apdexMs, createdAt}
// PATCH  /api/v1/projects/{id} {name?, allowedOrigins?, apdexMs?} -> the same
// DELETE /api/v1/projects/{id} -> 204 (signed-in members only: an API token cannot delete its own project)
type Ctx = { params: Promise<{ projectId: string }> };
const idOf = async (ctx: Ctx) => Number((await ctx.params).projectId);

export const GET = route(async (request, ctx: Ctx) => {
  const projectId = await idOf(ctx);
  const caller = await authorizeProject(request, projectId);
  const project = await getProject({ pool: db(), userId: caller.userId }, { projectId });
  return Response.json(project, { headers: { 'cache-control': 'no-store' } });
});

export const PATCH = route(async (request, ctx: Ctx) => {
  const projectId = await idOf(ctx);
  const caller = await authorizeProject(request, projectId);
  const patch = await parseJson(projectPatchSchema, request);
  const project = await updateProject({ pool: db(), userId: caller.userId }, { ...patch, projectId });
  return Response.json(project, { headers: { 'cache-control': 'no-store' } });
});

export const DELETE = route(async (request, ctx: Ctx) => {
  const projectId = await idOf(ctx);
  const caller = await authorizeProject(request, projectId);
  if (caller.via !== 'session') throw new ApiError(403, 'forbidden', 'Sign in to delete a project');
  await deleteProject({ pool: db(), userId: caller.userId }, { projectId });
  return new Response(null, { status: 204 });
});
