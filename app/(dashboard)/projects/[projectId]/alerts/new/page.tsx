import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertRuleForm } from '@/components/alerts/alert-rule-form';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'New alert rule · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string }> }) {
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
        <AlertRuleForm projectId={projectId} />
      </div>
    </QueryClientGuard>
  );
}
