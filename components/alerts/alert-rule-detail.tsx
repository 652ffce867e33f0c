'use client';

import Link from 'next/link';
import { AlertHistoryTable } from './alert-history-table';
import { AlertRuleForm } from './alert-rule-form';
import { seriesLabel } from './describe-rule';
import { Panel } from './form-fields';
import { useAlertRuleQuery } from './queries';
import { formFromRule } from './rule-form-state';
import { AlertStatusBadge } from './status-badge';

export function AlertRuleDetail({ projectId, ruleId }: { projectId: number; ruleId: string }) {
  const query = useAlertRuleQuery(projectId, ruleId);
  if (query.isPending) return <p className="text-sm text-slate-500">Loading rule…</p>;
  if (query.error) return <p className="text-sm text-red-600">{query.error.message}</p>;
  const { rule, states } = query.data;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3">
        <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/alerts`}>
          ← Alerts
        </Link>
        <h1 className="text-xl font-semibold">{rule.name}</h1>
      </div>
      <Panel title="Current state">
        {states.length === 0 ? (
          <p className="text-sm text-slate-500">Not evaluated yet (every 30 seconds).</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="rule-states">
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th className="py-1.5">Series</th>
                <th>State</th>
                <th>Value</th>
                <th>Since</th>
                <th>Evaluated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {states.map((s) => (
                <tr key={s.seriesKey}>
                  <td className="py-1.5">{seriesLabel(s.labels)}</td>
                  <td>
                    <AlertStatusBadge status={s.status} />
                  </td>
                  <td>{s.value === null ? 'no data' : Math.round(s.value * 100) / 100}</td>
                  <td>{s.activeSince && s.status !== 'ok' ? new Date(s.activeSince).toLocaleString() : '—'}</td>
                  <td>{s.evaluatedAt ? new Date(s.evaluatedAt).toLocaleTimeString() : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      {/* Keyed by the stored version so a save elsewhere resets the form instead of mixing states. */}
      <AlertRuleForm key={rule.updatedAt} projectId={projectId} ruleId={rule.id} initial={formFromRule(rule)} />
      <Panel title="History">
        <AlertHistoryTable projectId={projectId} ruleId={rule.id} />
      </Panel>
    </div>
  );
}
