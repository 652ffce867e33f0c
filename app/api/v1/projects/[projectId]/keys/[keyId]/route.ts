import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { route } from '@/lib/http/api';
import { revokeProjectKey } from '@/lib/projects/revoke-project-key';

// DELETE /api/v1/projects/{id}/keys/{keyId} -> 204: the key stops working at once (other instances: within 5 s).
type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

export const DELETE = route(async (request, ctx: Ctx) => {
  const params = await ctx.params;
  const projectId = Number(params.projectId);
  const caller = await authorizeProject(request, projectId);
  await revokeProjectKey({ pool: db(), userId: caller.userId }, { projectId, keyId: params.keyId });
  return new Response(null, { status: 204 });
});
