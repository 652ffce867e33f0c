import { notFound } from 'next/navigation';
import { WebhookEndpointsPage } from '@/components/webhooks/webhook-endpoints-page';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Webhooks · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <WebhookEndpointsPage projectId={projectId} />
    </QueryClientGuard>
  );
}
