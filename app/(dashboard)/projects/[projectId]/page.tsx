import { notFound } from 'next/navigation';
import { DEFAULT_APDEX_MS } from '@/components/dashboard/apdex';
import { OverviewPage } from '@/components/dashboard/overview-page';
import { preloadOverview } from '@/components/dashboard/preload-reads';
import { currentUser } from '@/lib/auth/current-user';
import { isMember } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { getProjectApdexMs } from '@/lib/feedback/queries/get-project-apdex';

export const metadata = { title: 'Overview · Tailwatch' };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  // The project's Apdex threshold is read here, so membership is checked here too (a layout does not re-run
  // on client navigation); every figure on the page comes through the read API, which authorizes itself.
  const user = await currentUser();
  if (!user || !(await isMember(user.userId, projectId))) notFound();
  const apdexMs = (await getProjectApdexMs(db(), projectId)) ?? DEFAULT_APDEX_MS;
  preloadOverview(projectId, await searchParams);
  return <OverviewPage projectId={projectId} apdexMs={apdexMs} />;
}
