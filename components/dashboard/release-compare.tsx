'use client';

import type { MetricComparison } from '@/lib/analytics/verdict-stats';
import { formatDelta, formatLocal, formatMs, formatPercent } from './format';
import { type PerceivedFigure, perceivedDelta } from './perceived-delta';
import { type ReadScope, useVerdictQuery } from './queries';
import { QueryGate, Skeleton } from './states';

const LABEL: Record<MetricComparison['metric'], string> = {
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  errorRate: 'Error rate',
  throughput: 'Throughput',
};

function window(r: { from: string; to: string }): string {
  return `${formatLocal(r.from)} – ${formatLocal(r.to)}`;
}

function value(m: MetricComparison, v: number | null): string {
  if (v === null) return '–';
  if (m.unit === 'ms') return formatMs(v);
  if (m.unit === 'ratio') return formatPercent(v, 3);
  // One unit across a row: a CI spanning zero must not switch between req/s and req/min.
  return `${v.toFixed(Math.abs(v) < 1 ? 3 : 1)} req/s`;
}

const BADGE: Record<string, string> = {
  better: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  worse: 'bg-red-100 text-red-800 dark:bg-red-900/60 dark:text-red-200',
  'no significant change': 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
  'insufficient data': 'bg-amber-100 text-amber-800 dark:bg-amber-900/60 dark:text-amber-200',
};

/** Two releases side by side with deltas, 95% intervals and the verdict API's call per metric. */
export function ReleaseCompare({
  projectId,
  scope,
  candidate,
  baseline,
  refetchMs,
  perceived,
}: {
  projectId: number;
  scope: ReadScope;
  candidate: string;
  baseline: string;
  refetchMs: number;
  /** Poll-answer scores per release (feedback summary); the perceived row shows when present. */
  perceived?: Map<string, PerceivedFigure>;
}) {
  const verdict = useVerdictQuery(projectId, scope, candidate, baseline, refetchMs);
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid="release-compare"
    >
      <QueryGate query={verdict} skeleton={<Skeleton className="h-40" />}>
        {(v) => (
          <>
            <h2 className="text-base font-semibold">
              {v.candidate.release} vs {v.baseline?.release ?? '(no earlier release)'}
              <span
                data-testid="verdict-summary"
                className={`ml-2 rounded px-2 py-0.5 text-xs font-medium ${v.regression ? BADGE.worse : BADGE.better}`}
              >
                {v.regression ? 'Regression' : 'No regression'}
              </span>
            </h2>
            <p className="mb-2 text-xs text-slate-500">
              {v.candidate.release} over {window(v.candidate)}
              {v.baseline ? `; ${v.baseline.release} over ${window(v.baseline)}` : ''}. A delta counts when its 95%
              interval excludes zero; quantiles need at least 10 expected requests above them in both releases.
            </p>
            <table className="w-full text-sm" data-testid="verdict-table">
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col" className="text-right">
                    {v.baseline?.release ?? 'baseline'}
                  </th>
                  <th scope="col" className="text-right">
                    {v.candidate.release}
                  </th>
                  <th scope="col" className="text-right">
                    Delta
                  </th>
                  <th scope="col" className="text-right">
                    95% interval
                  </th>
                  <th scope="col" className="pl-3">
                    Verdict
                  </th>
                </tr>
              </thead>
              <tbody className="tabular-nums">
                {v.metrics.map((m) => (
                  <tr key={m.metric} className="border-t border-slate-100 dark:border-slate-800" data-metric={m.metric}>
                    <td className="py-1">{LABEL[m.metric]}</td>
                    <td className="text-right">{value(m, m.baseline)}</td>
                    <td className="text-right">{value(m, m.candidate)}</td>
                    <td className="text-right">
                      {m.delta === null ? '–' : `${m.delta > 0 ? '+' : ''}${value(m, m.delta)}`}{' '}
                      <span className="text-xs text-slate-500">({formatDelta(m.deltaPct)})</span>
                    </td>
                    <td className="text-right text-xs">{m.ci ? `${value(m, m.ci[0])} … ${value(m, m.ci[1])}` : '–'}</td>
                    <td className="pl-3">
                      <span className={`rounded px-1.5 py-0.5 text-xs ${BADGE[m.verdict] ?? ''}`}>{m.verdict}</span>
                    </td>
                  </tr>
                ))}
                {perceived ? (
                  <PerceivedRow
                    d={perceivedDelta(perceived.get(v.baseline?.release ?? ''), perceived.get(v.candidate.release))}
                  />
                ) : null}
              </tbody>
            </table>
          </>
        )}
      </QueryGate>
    </section>
  );
}

const score = (v: number | null) => (v === null ? '–' : v.toFixed(1));

/** Felt vs measured: the perceived-score change beside the latency deltas, judged against its own noise. */
function PerceivedRow({ d }: { d: ReturnType<typeof perceivedDelta> }) {
  return (
    <tr className="border-t border-slate-100 dark:border-slate-800" data-metric="perceived">
      <td className="py-1">Perceived score</td>
      <td className="text-right">{score(d.baseline)}</td>
      <td className="text-right">{score(d.candidate)}</td>
      <td className="text-right">{d.delta === null ? '–' : `${d.delta > 0 ? '+' : ''}${d.delta.toFixed(1)}`}</td>
      <td className="text-right text-xs">{d.ci ? `${d.ci[0].toFixed(1)} … ${d.ci[1].toFixed(1)}` : '–'}</td>
      <td className="pl-3">
        <span className={`rounded px-1.5 py-0.5 text-xs ${BADGE[d.verdict] ?? ''}`}>{d.verdict}</span>
      </td>
    </tr>
  );
}
