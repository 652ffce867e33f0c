import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, route } from '@/lib/http/api';
import { rotateEndpointSecret } from '@/lib/webhooks/endpoints/rotate-endpoint-secret';

type Ctx = { params: Promise<{ endpointId: string }> };

// POST /api/v1/webhooks/:id/rotate-secret?project=1: a new secret (shown once); the old one signs for 24 h more.
export const POST = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  const rotated = await rotateEndpointSecret(db(), projectId, endpointId);
  if (!rotated) throw notFound('No such webhook endpoint');
  return Response.json(rotated, { headers: { 'cache-control': 'no-store' } });
});
