import { notFound } from 'next/navigation';
import { preloadService } from '@/components/dashboard/preload-reads';
import { decodeSegment } from '@/components/dashboard/segment';
import { ServicePage } from '@/components/dashboard/service-page';

export const metadata = { title: 'Service · Tailwatch' };

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
  // The project layout has checked membership; the preloaded read-API calls authorize themselves.
  preloadService(projectId, service, await searchParams);
  return <ServicePage projectId={projectId} service={service} />;
}
