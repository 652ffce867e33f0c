'use client';

import { useState } from 'react';
import { formatScore } from './format';
import { useFeltSlowerQuery } from './queries';
import { ScoreInterval } from './score-interval';
import { Section, selectClass } from './section';

/** Routes whose perceived score dropped most between two releases; flagged only beyond noise. */
export function FeltSlowerPanel({ projectId, days }: { projectId: number; days: number }) {
  const [base, setBase] = useState('');
  const [target, setTarget] = useState('');
  const report = useFeltSlowerQuery(projectId, days, base, target);
  const data = report.data;
  const releases = data?.releases ?? [];
  return (
    <Section
      title="Felt slower"
      hint="Routes whose perceived score dropped between two releases. Flagged only when the whole 95% interval of the drop is above zero."
      testId="felt-slower"
      actions={
        <div className="flex items-center gap-2 text-sm">
          <select
            aria-label="Base release"
            className={selectClass}
            value={base || data?.base || ''}
            onChange={(e) => setBase(e.target.value)}
          >
            {releases.map((r) => (
              <option key={r} value={r}>
                {r || '(none)'}
              </option>
            ))}
          </select>
          <span aria-hidden="true">→</span>
          <select
            aria-label="Target release"
            className={selectClass}
            value={target || data?.target || ''}
            onChange={(e) => setTarget(e.target.value)}
          >
            {releases.map((r) => (
              <option key={r} value={r}>
                {r || '(none)'}
              </option>
            ))}
          </select>
        </div>
      }
    >
      {report.error && <p className="text-sm text-red-600">{report.error.message}</p>}
      {data && (data.base === null || data.target === null) && (
        <p className="text-sm text-slate-500">Needs answers from at least two releases in this range.</p>
      )}
      {data && data.base !== null && data.routes.length === 0 && (
        <p className="text-sm text-slate-500">No route was answered in both releases.</p>
      )}
      {data && data.routes.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1.5">Route</th>
              <th>{data.base}</th>
              <th>{data.target}</th>
              <th className="text-right">Drop (95% CI)</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {data.routes.map((r) => (
              <tr key={r.route} data-flagged={r.flagged}>
                <td className="py-1.5 font-mono text-xs">{r.route || '(none)'}</td>
                <td>
                  <ScoreInterval score={r.base.score} ci={r.base.scoreCi} />
                  <span className="ml-1 text-xs text-slate-500">n={r.base.count}</span>
                </td>
                <td>
                  <ScoreInterval score={r.target.score} ci={r.target.scoreCi} />
                  <span className="ml-1 text-xs text-slate-500">n={r.target.count}</span>
                </td>
                <td className="text-right tabular-nums">
                  {r.drop >= 0 ? '−' : '+'}
                  {formatScore(Math.abs(r.drop))}{' '}
                  <span className="text-xs text-slate-500">
                    ({formatScore(r.dropCi.low)} to {formatScore(r.dropCi.high)})
                  </span>
                </td>
                <td className="pl-2">
                  {r.flagged ? (
                    <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-800 dark:bg-red-900/40 dark:text-red-200">
                      felt slower
                    </span>
                  ) : (
                    <span className="text-xs text-slate-400">within noise</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
