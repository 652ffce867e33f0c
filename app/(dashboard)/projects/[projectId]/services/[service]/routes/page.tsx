import { notFound } from 'next/navigation';
import { RoutePage } from '@/components/dashboard/route-page';

export const metadata = { title: 'Route · Tailwatch' };

// The route itself is in ?route= (routes contain slashes); the method in ?method=.
export default async function Page({ params }: { params: Promise<{ projectId: string; service: string }> }) {
  const p = await params;
  const projectId = Number(p.projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <RoutePage projectId={projectId} service={decodeURIComponent(p.service)} />;
}
