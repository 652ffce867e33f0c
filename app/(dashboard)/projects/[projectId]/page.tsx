import { notFound } from 'next/navigation';
import { DEFAULT_APDEX_MS } from '@/components/dashboard/apdex';
import { OverviewPage } from '@/components/dashboard/overview-page';
import { db } from '@/lib/db/pool';
import { getProjectApdexMs } from '@/lib/feedback/queries/get-project-apdex';

export const metadata = { title: 'Overview · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  // Membership is checked by the dashboard layout; every figure on the page comes through the read API.
  const apdexMs = (await getProjectApdexMs(db(), projectId)) ?? DEFAULT_APDEX_MS;
  return <OverviewPage projectId={projectId} apdexMs={apdexMs} />;
}
