import { notFound } from 'next/navigation';
import { PollSettingsPage } from '@/components/feedback/poll-settings-page';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Feedback poll · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <PollSettingsPage projectId={projectId} />
    </QueryClientGuard>
  );
}
