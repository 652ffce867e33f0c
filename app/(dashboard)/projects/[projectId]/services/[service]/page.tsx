import { notFound } from 'next/navigation';
import { ServicePage } from '@/components/dashboard/service-page';

export const metadata = { title: 'Service · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string; service: string }> }) {
  const p = await params;
  const projectId = Number(p.projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <ServicePage projectId={projectId} service={decodeURIComponent(p.service)} />;
}
