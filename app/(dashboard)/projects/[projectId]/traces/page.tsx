import { notFound } from 'next/navigation';
import { TraceSearchPage } from '@/components/dashboard/trace-search-page';

export const metadata = { title: 'Traces · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <TraceSearchPage projectId={projectId} />;
}
