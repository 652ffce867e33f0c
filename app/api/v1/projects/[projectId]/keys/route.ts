import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';
import { addKey, keyCreateSchema, listKeys } from '@/lib/projects/project-keys';

// GET  /api/v1/projects/{id}/keys -> { keys: [{id, kind, name, prefix, publicKey, createdAt, lastUsedAt, revokedAt}] }
// POST /api/v1/projects/{id}/keys {kind: ingest|public|api, name?} -> 201 {id, kind, name, prefix, secret} (once)
type Ctx = { params: Promise<{ projectId: string }> };

export const GET = route(async (request, ctx: Ctx) => {
  const projectId = Number((await ctx.params).projectId);
  await authorizeProject(request, projectId);
  return Response.json({ keys: await listKeys(db(), projectId) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = route(async (request, ctx: Ctx) => {
  const projectId = Number((await ctx.params).projectId);
  await authorizeProject(request, projectId);
  const input = await parseJson(keyCreateSchema, request);
  return Response.json(await addKey(db(), projectId, input), { status: 201, headers: { 'cache-control': 'no-store' } });
});
