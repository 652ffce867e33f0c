import { notFound } from 'next/navigation';
import { AlertRulesPage } from '@/components/alerts/alert-rules-page';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Alerts · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <AlertRulesPage projectId={projectId} />
    </QueryClientGuard>
  );
}
