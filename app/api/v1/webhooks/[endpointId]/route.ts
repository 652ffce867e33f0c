import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, parseJson, route } from '@/lib/http/api';
import { deleteEndpoint } from '@/lib/webhooks/endpoints/delete-endpoint';
import { endpointPatchSchema } from '@/lib/webhooks/endpoints/endpoint-schema';
import { getEndpoint } from '@/lib/webhooks/endpoints/list-endpoints';
import { updateEndpoint } from '@/lib/webhooks/endpoints/update-endpoint';
import { withWebhookErrors } from '@/lib/webhooks/endpoints/webhook-api-error';

type Ctx = { params: Promise<{ endpointId: string }> };

export const GET = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  const endpoint = await getEndpoint(db(), projectId, endpointId);
  if (!endpoint) throw notFound('No such webhook endpoint');
  return Response.json({ endpoint }, { headers: { 'cache-control': 'no-store' } });
});

// PATCH /api/v1/webhooks/:id?project=1 with any of name, url, format, enabled.
export const PATCH = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const body = await parseJson(z.unknown(), request);
  const projectId = projectIdOf(request, body);
  const patch = endpointPatchSchema.parse(body);
  await authorizeProject(request, projectId);
  const endpoint = await withWebhookErrors(() => updateEndpoint(db(), projectId, endpointId, patch));
  if (!endpoint) throw notFound('No such webhook endpoint');
  return Response.json({ endpoint });
});

export const DELETE = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  if (!(await deleteEndpoint(db(), projectId, endpointId))) throw notFound('No such webhook endpoint');
  return new Response(null, { status: 204 });
});
