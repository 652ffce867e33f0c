import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';
import { createProjectKey, keyCreateSchema } from '@/lib/projects/create-project-key';
import { listKeys } from '@/lib/projects/list-keys';

// GET  /api/v1/projects/{id}/keys -> { keys: [{id, kind, name, prefix, publicKey, createdAt, lastUsedAt, revokedAt}] }
// POST /api/v1/projects/{id}/keys {kind: ingest|public|api, name?} -> 201 {id, kind, name, prefix, secret} (once)
type Ctx = { params: Promise<{ projectId: string }> };

export const GET = route(async (request, ctx: Ctx) => {
  const projectId = Number((await ctx.params).projectId);
  const caller = await authorizeProject(request, projectId);
  const keys = await listKeys({ pool: db(), userId: caller.userId }, { projectId });
  return Response.json({ keys }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = route(async (request, ctx: Ctx) => {
  const projectId = Number((await ctx.params).projectId);
  const caller = await authorizeProject(request, projectId);
  const input = await parseJson(keyCreateSchema, request);
  const created = await createProjectKey({ pool: db(), userId: caller.userId }, { ...input, projectId });
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
