import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';
import { createEndpoint } from '@/lib/webhooks/endpoints/create-endpoint';
import { endpointInputSchema } from '@/lib/webhooks/endpoints/endpoint-schema';
import { listEndpoints } from '@/lib/webhooks/endpoints/list-endpoints';
import { withWebhookErrors } from '@/lib/webhooks/endpoints/webhook-api-error';

// GET /api/v1/webhooks?project=1: the project's endpoints (never their secrets).
export const GET = route(async (request) => {
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  return Response.json(
    { endpoints: await listEndpoints(db(), projectId) },
    { headers: { 'cache-control': 'no-store' } },
  );
});

// POST /api/v1/webhooks?project=1: creates an endpoint; the response carries its secret, shown only once.
export const POST = route(async (request) => {
  const body = await parseJson(z.unknown(), request);
  const projectId = projectIdOf(request, body);
  const input = endpointInputSchema.parse(body);
  await authorizeProject(request, projectId);
  const created = await withWebhookErrors(() => createEndpoint(db(), projectId, input));
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
