import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { route } from '@/lib/http/api';
import { rotateKey } from '@/lib/projects/project-keys';

// POST /api/v1/projects/{id}/keys/{keyId}/rotate -> 201 {id, kind, name, prefix, secret}: a new key, the old revoked.
type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

export const POST = route(async (request, ctx: Ctx) => {
  const { projectId, keyId } = await ctx.params;
  await authorizeProject(request, Number(projectId));
  return Response.json(await rotateKey(db(), Number(projectId), keyId), { status: 201, headers: { 'cache-control': 'no-store' } });
});
