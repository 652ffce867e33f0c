import { notFound } from 'next/navigation';
import { WebhookEndpointDetail } from '@/components/webhooks/webhook-endpoint-detail';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Webhook endpoint · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string; endpointId: string }> }) {
  const { projectId: raw, endpointId } = await params;
  const projectId = Number(raw);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <WebhookEndpointDetail projectId={projectId} endpointId={endpointId} />
    </QueryClientGuard>
  );
}
