'use client';

import Link from 'next/link';
import { seriesLabel } from './describe-rule';
import { useAlertHistoryQuery } from './queries';
import { AlertStatusBadge } from './status-badge';

/** State changes, newest first: of one rule, or of the whole project. */
export function AlertHistoryTable({ projectId, ruleId }: { projectId: number; ruleId?: string }) {
  const history = useAlertHistoryQuery(projectId, ruleId);
  if (history.isPending) return <p className="text-sm text-slate-500">Loading history…</p>;
  if (history.error) return <p className="text-sm text-red-600">{history.error.message}</p>;
  if (history.data.length === 0) return <p className="text-sm text-slate-500">No state changes yet.</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="alert-history">
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1.5">When</th>
          {!ruleId && <th>Rule</th>}
          <th>Series</th>
          <th>Change</th>
          <th>Value</th>
          <th>Notified</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
        {history.data.map((e) => (
          <tr key={e.id}>
            <td className="py-1.5 whitespace-nowrap">{new Date(e.at).toLocaleString()}</td>
            {!ruleId && (
              <td>
                <Link className="text-blue-600 hover:underline" href={`/projects/${projectId}/alerts/${e.ruleId}`}>
                  {e.ruleName}
                </Link>
              </td>
            )}
            <td className="text-slate-600 dark:text-slate-400">{seriesLabel(e.labels)}</td>
            <td className="whitespace-nowrap">
              <AlertStatusBadge status={e.fromStatus} /> → <AlertStatusBadge status={e.toStatus} />
            </td>
            <td>{e.value === null ? 'no data' : Math.round(e.value * 100) / 100}</td>
            <td className="text-slate-600 dark:text-slate-400">
              {e.notified
                ? `${e.messages.delivered} delivered${e.messages.pending ? `, ${e.messages.pending} pending` : ''}${e.messages.failed ? `, ${e.messages.failed} failed` : ''}`
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
