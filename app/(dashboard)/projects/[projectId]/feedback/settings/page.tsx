import { notFound } from 'next/navigation';
import { PollSettingsPage } from '@/components/feedback/poll-settings-page';

export const metadata = { title: 'Feedback poll · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <PollSettingsPage projectId={projectId} />;
}
