import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertRuleForm } from '@/components/alerts/alert-rule-form';
import { formFromSearch } from '@/components/alerts/rule-form-state';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'New alert rule · Tailwatch' };

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const projectId = Number((await params).projectId);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <div className="flex flex-col gap-4">
        <div className="flex items-center gap-3">
          <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/alerts`}>
            ← Alerts
          </Link>
          <h1 className="text-xl font-semibold">New alert rule</h1>
        </div>
        <AlertRuleForm projectId={projectId} initial={formFromSearch(await searchParams)} />
      </div>
    </QueryClientGuard>
  );
}
