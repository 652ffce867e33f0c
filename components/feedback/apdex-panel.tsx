'use client';

import type { RouteApdexFit } from '@/lib/feedback/reports/apdex-report';
import { formatMs } from './format';
import Link from 'next/link';
import { useAdoptApdexMutation } from './mutations';
import type { FeedbackView } from './queries';
import { useApdexQuery } from './queries';
import { Section } from './section';

function FitCell({ fit }: { fit: RouteApdexFit['fit'] }) {
  if (fit.status === 'insufficient_data') {
    return <span className="text-xs text-slate-500">needs ≥ 20 timed answers, ≥ 5 each side (has {fit.n})</span>;
  }
  if (fit.status === 'no_decline')
    return <span className="text-xs text-slate-500">slower does not rate worse here</span>;
  return (
    <span className="whitespace-nowrap">
      <span className="font-semibold tabular-nums">{formatMs(fit.thresholdMs)}</span>{' '}
      <span className="text-xs text-slate-500 tabular-nums">
        ({formatMs(fit.ci?.low)}–{fit.ci?.high === null ? '∞' : formatMs(fit.ci?.high)})
      </span>
      {fit.extrapolated && <span className="ml-1 text-xs text-amber-600">extrapolated</span>}
    </span>
  );
}

/**
 * Feedback-calibrated Apdex: per route, the latency at which half the users stop answering "fast"
 * (logistic fit on log latency, bootstrap CI), beside the threshold in force, with "adopt".
 */
export function ApdexPanel({ projectId, view }: { projectId: number; view: FeedbackView }) {
  const report = useApdexQuery(projectId, view);
  const adopt = useAdoptApdexMutation(projectId);
  const data = report.data;
  return (
    <Section
      title="Feedback-calibrated Apdex"
      hint="T = the latency at which half the users stop rating a route fast (≥ 4 of 5). Adopting stores it as the route's Apdex threshold."
      testId="apdex-fits"
    >
      {report.error && <p className="text-sm text-red-600">{report.error.message}</p>}
      {adopt.error && (
        <p className="text-sm text-red-600" role="alert">
          {adopt.error.message}
        </p>
      )}
      {data && data.routes.length === 0 && (
        <p className="text-sm text-slate-500">No answers with a measured latency yet.</p>
      )}
      {data && data.routes.length > 0 && (
        <table className="w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1.5">Route</th>
              <th>Fitted T (95% CI)</th>
              <th>In force</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {data.routes.map((r) => {
              const t = r.fit.thresholdMs === null ? null : Math.round(r.fit.thresholdMs);
              return (
                <tr key={r.route}>
                  <td className="py-1.5">
                    <div className="font-mono text-xs">{r.route || '(none)'}</div>
                    <div className="text-xs text-slate-500">
                      {r.service ? `service ${r.service} · ` : ''}
                      {r.fit.n} timed answers
                    </div>
                  </td>
                  <td>
                    <FitCell fit={r.fit} />
                  </td>
                  <td className="tabular-nums">
                    {r.adoptedMs !== null ? (
                      <span>{formatMs(r.adoptedMs)} (adopted)</span>
                    ) : (
                      <span>
                        {formatMs(data.projectDefaultMs)}{' '}
                        <span className="text-xs text-slate-500">(project default)</span>
                      </span>
                    )}
                  </td>
                  <td className="text-right">
                    {t !== null && t !== r.adoptedMs && (
                      <button
                        type="button"
                        className="rounded border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-700 dark:hover:bg-slate-800"
                        disabled={adopt.isPending}
                        onClick={() => adopt.mutate({ route: r.route, service: r.service, thresholdMs: t })}
                      >
                        Adopt {formatMs(t)}
                      </button>
                    )}
                    {t !== null && (
                      <Link
                        className="ml-2 text-xs text-indigo-600 hover:underline dark:text-indigo-400"
                        href={alertHref(projectId, r.service, r.route, t)}
                      >
                        Alert on it
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Section>
  );
}

/** A new alert rule on the route's p95 at the fitted threshold: fires when over 5% of requests are slower than users call fast. */
function alertHref(projectId: number, service: string, route: string, thresholdMs: number): string {
  const q = new URLSearchParams({
    metric: 'latency_p95',
    service,
    route,
    threshold: String(thresholdMs),
    name: `${route || 'route'}: p95 above the feedback-calibrated Apdex T`,
  });
  return `/projects/${projectId}/alerts/new?${q}`;
}
