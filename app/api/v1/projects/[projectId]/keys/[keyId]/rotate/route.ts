import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { route } from '@/lib/http/api';
import { rotateProjectKey } from '@/lib/projects/rotate-project-key';

// POST /api/v1/projects/{id}/keys/{keyId}/rotate -> 201 {id, kind, name, prefix, secret}: a new key, the old revoked.
type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

export const POST = route(async (request, ctx: Ctx) => {
  const params = await ctx.params;
  const projectId = Number(params.projectId);
  const caller = await authorizeProject(request, projectId);
  const created = await rotateProjectKey({ pool: db(), userId: caller.userId }, { projectId, keyId: params.keyId });
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
