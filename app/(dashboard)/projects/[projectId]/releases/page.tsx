import { notFound } from 'next/navigation';
import { ReleasesPage } from '@/components/dashboard/releases-page';

export const metadata = { title: 'Releases · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return <ReleasesPage projectId={projectId} />;
}
