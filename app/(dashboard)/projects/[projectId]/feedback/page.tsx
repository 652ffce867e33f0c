import { notFound } from 'next/navigation';
import { FeedbackPage } from '@/components/feedback/feedback-page';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Perceived performance · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <FeedbackPage projectId={projectId} />
    </QueryClientGuard>
  );
}
