'use client';

import type { Serialized } from '@/components/alerts/api-client';
import type { FeedbackSummary } from '@/lib/feedback/reports/feedback-summary';
import { errorRate, formatCount, formatPercent, formatRate } from './format';
import { PercentileValue } from './percentile-value';
import type { StatsResponse } from './queries';

function Card({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <div className="text-xs font-medium text-slate-500 dark:text-slate-400">{label}</div>
      <div className="mt-1 text-lg font-semibold" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}

export function rangeSeconds(r: { from: string; to: string }): number {
  return Math.max(1, (Date.parse(r.to) - Date.parse(r.from)) / 1000);
}

/** Headline figures of the scope (GET /api/v1/stats), with the perceived score when feedback exists. */
export function StatsCards({ stats, perceived }: { stats: StatsResponse; perceived?: Serialized<FeedbackSummary> }) {
  const score = perceived?.overall.score ?? null;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7">
      <Card label="Requests" testId="stat-count">
        <span className="tabular-nums">{formatCount(stats.count)}</span>
      </Card>
      <Card label="Throughput" testId="stat-throughput">
        <span className="tabular-nums">{formatRate(stats.count / rangeSeconds(stats))}</span>
      </Card>
      <Card label="Error rate" testId="stat-error-rate">
        <span className="tabular-nums" title={`${formatCount(stats.errorCount)} failed of ${formatCount(stats.count)}`}>
          {formatPercent(errorRate(stats))}
        </span>
      </Card>
      {(['p50', 'p95', 'p99'] as const).map((p) => (
        <Card key={p} label={p} testId={`stat-${p}`}>
          <PercentileValue name={p} value={stats[p]} count={stats.count} align="start" />
        </Card>
      ))}
      <Card label="Perceived score" testId="stat-perceived">
        {score === null || !perceived ? (
          <span className="text-sm font-normal text-slate-500">no feedback yet</span>
        ) : (
          <span
            className="inline-flex flex-col leading-tight"
            title="0–100 from in-app poll answers (95% Wilson interval)"
          >
            <span className="tabular-nums">{score.toFixed(0)}</span>
            <span className="text-[11px] font-normal text-slate-500">
              n={formatCount(perceived.overall.count)}
              {perceived.overall.scoreCi
                ? ` · ${perceived.overall.scoreCi.low.toFixed(0)}–${perceived.overall.scoreCi.high.toFixed(0)}`
                : ''}
            </span>
          </span>
        )}
      </Card>
    </div>
  );
}
