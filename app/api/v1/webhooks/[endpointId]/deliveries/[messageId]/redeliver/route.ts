import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, route } from '@/lib/http/api';
import { redeliverMessage } from '@/lib/webhooks/endpoints/redeliver-message';
import { withWebhookErrors } from '@/lib/webhooks/endpoints/webhook-api-error';

type Ctx = { params: Promise<{ endpointId: string; messageId: string }> };

// POST /api/v1/webhooks/:id/deliveries/:messageId/redeliver?project=1: sends the same message again.
export const POST = route<Ctx>(async (request, { params }) => {
  const { endpointId, messageId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  const queued = await withWebhookErrors(() => redeliverMessage(db(), projectId, endpointId, messageId));
  if (!queued) throw notFound('No such delivery');
  return Response.json(queued, { status: 202 });
});
