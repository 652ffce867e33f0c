'use client';

import Link from 'next/link';
import { AlertHistoryTable } from './alert-history-table';
import { describeCondition, describeFilters } from './describe-rule';
import { Panel } from './form-fields';
import { useAlertRulesQuery } from './queries';
import { AlertStatusBadge } from './status-badge';

export function AlertRulesPage({ projectId }: { projectId: number }) {
  const rules = useAlertRulesQuery(projectId);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h1 className="text-xl font-semibold">Alerts</h1>
        <div className="flex gap-3 text-sm">
          <Link className="text-blue-600 hover:underline" href={`/projects/${projectId}/webhooks`}>
            Webhooks
          </Link>
          <Link
            className="rounded bg-blue-600 px-3 py-1.5 font-medium text-white hover:bg-blue-700"
            href={`/projects/${projectId}/alerts/new`}
          >
            New rule
          </Link>
        </div>
      </div>
      <Panel>
        {rules.isPending && <p className="text-sm text-slate-500">Loading rules…</p>}
        {rules.error && <p className="text-sm text-red-600">{rules.error.message}</p>}
        {rules.data?.length === 0 && (
          <p className="text-sm text-slate-500">No alert rules yet. Create one to be notified through your webhooks.</p>
        )}
        {rules.data && rules.data.length > 0 && (
          <table className="w-full text-left text-sm" data-testid="alert-rules">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1.5">Rule</th>
                <th>Condition</th>
                <th>Scope</th>
                <th>State</th>
                <th>Series</th>
                <th>Evaluated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {rules.data.map((rule) => (
                <tr key={rule.id}>
                  <td className="py-2">
                    <Link
                      className="font-medium text-blue-600 hover:underline"
                      href={`/projects/${projectId}/alerts/${rule.id}`}
                    >
                      {rule.name}
                    </Link>
                    <div className="text-xs text-slate-500">
                      {rule.severity}
                      {!rule.enabled && ' · disabled'}
                    </div>
                  </td>
                  <td>{describeCondition(rule)}</td>
                  <td className="text-slate-600 dark:text-slate-400">
                    {describeFilters(rule.filters)}
                    {rule.groupBy.length > 0 && ` · per ${rule.groupBy.join(', ')}`}
                  </td>
                  <td>
                    <AlertStatusBadge status={rule.status} />
                  </td>
                  <td className="text-slate-600 dark:text-slate-400">
                    {rule.firingCount} firing, {rule.pendingCount} pending / {rule.seriesCount}
                  </td>
                  <td className="whitespace-nowrap text-slate-600 dark:text-slate-400">
                    {rule.lastEvaluatedAt ? new Date(rule.lastEvaluatedAt).toLocaleTimeString() : 'not yet'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title="History">
        <AlertHistoryTable projectId={projectId} />
      </Panel>
    </div>
  );
}
