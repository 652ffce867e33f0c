import { notFound } from 'next/navigation';
import { AlertRulesPage } from '@/components/alerts/alert-rules-page';

export const metadata = { title: 'Alerts · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <AlertRulesPage projectId={projectId} />;
}
