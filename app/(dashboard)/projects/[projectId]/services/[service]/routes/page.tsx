import { notFound } from 'next/navigation';
import { preloadService } from '@/components/dashboard/preload-reads';
import { decodeSegment } from '@/components/dashboard/segment';
import { RoutePage } from '@/components/dashboard/route-page';

export const metadata = { title: 'Route · Tailwatch' };

// The route itself is in ?route= (routes contain slashes); the method in ?method=.
export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; service: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const p = await params;
  const projectId = Number(p.projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  const service = decodeSegment(p.service);
  const q = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  preloadService(projectId, service, q, { route: first(q.route), method: first(q.method) });
  return <RoutePage projectId={projectId} service={service} />;
}
