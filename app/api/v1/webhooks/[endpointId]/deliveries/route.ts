import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, parseQuery, route } from '@/lib/http/api';
import { listDeliveries } from '@/lib/webhooks/endpoints/list-deliveries';
import { getEndpoint } from '@/lib/webhooks/endpoints/list-endpoints';

type Ctx = { params: Promise<{ endpointId: string }> };

const query = z.object({
  project: z.string(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

// GET /api/v1/webhooks/:id/deliveries?project=1[&before=<iso>]: the delivery log, newest first.
export const GET = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const projectId = projectIdOf(request);
  const { before, limit } = parseQuery(query, request);
  await authorizeProject(request, projectId);
  if (!(await getEndpoint(db(), projectId, endpointId))) throw notFound('No such webhook endpoint');
  const deliveries = await listDeliveries(db(), projectId, endpointId, {
    before: before ? new Date(before) : null,
    limit,
  });
  return Response.json({ deliveries }, { headers: { 'cache-control': 'no-store' } });
});
