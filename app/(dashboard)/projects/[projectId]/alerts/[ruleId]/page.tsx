import { notFound } from 'next/navigation';
import { AlertRuleDetail } from '@/components/alerts/alert-rule-detail';
import { QueryClientGuard } from '@/components/dashboard/query-client-guard';

export const metadata = { title: 'Alert rule · Tailwatch' };

export default async function Page({ params }: { params: Promise<{ projectId: string; ruleId: string }> }) {
  const { projectId: raw, ruleId } = await params;
  const projectId = Number(raw);
  if (!Number.isSafeInteger(projectId) || projectId <= 0) notFound();
  return (
    <QueryClientGuard>
      <AlertRuleDetail projectId={projectId} ruleId={ruleId} />
    </QueryClientGuard>
  );
}
