import { notFound } from 'next/navigation';
import { TracePage } from '@/components/dashboard/trace-page';

export const metadata = { title: 'Trace · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string; traceId: string }> }) {
  const p = await params;
  const projectId = Number(p.projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <TracePage projectId={projectId} traceId={p.traceId.toLowerCase()} />;
}
