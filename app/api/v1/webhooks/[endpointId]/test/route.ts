import { projectIdOf } from '@/lib/alerts/http/project-param';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, route } from '@/lib/http/api';
import { sendTestEvent } from '@/lib/webhooks/endpoints/send-test-event';
import { withWebhookErrors } from '@/lib/webhooks/endpoints/webhook-api-error';
import { externalUrlFromConfig } from '@/lib/webhooks/outbox-external-url';

type Ctx = { params: Promise<{ endpointId: string }> };

// POST /api/v1/webhooks/:id/test?project=1: queues a signed sample alert; it shows up in the delivery log.
export const POST = route<Ctx>(async (request, { params }) => {
  const { endpointId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  const sent = await withWebhookErrors(() => sendTestEvent(db(), projectId, endpointId, externalUrlFromConfig()));
  if (!sent) throw notFound('No such webhook endpoint');
  return Response.json(sent, { status: 202 });
});
