import { notFound } from 'next/navigation';
import { FeedbackPage } from '@/components/feedback/feedback-page';

export const metadata = { title: 'Perceived performance · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <FeedbackPage projectId={projectId} />;
}
