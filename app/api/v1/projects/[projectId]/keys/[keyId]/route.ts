import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { route } from '@/lib/http/api';
import { revokeProjectKey } from '@/lib/projects/project-keys';

// DELETE /api/v1/projects/{id}/keys/{keyId} -> 204: the key stops working at once (other instances: within 5 s).
type Ctx = { params: Promise<{ projectId: string; keyId: string }> };

export const DELETE = route(async (request, ctx: Ctx) => {
  const { projectId, keyId } = await ctx.params;
  await authorizeProject(request, Number(projectId));
  await revokeProjectKey(db(), Number(projectId), keyId);
  return new Response(null, { status: 204 });
});
