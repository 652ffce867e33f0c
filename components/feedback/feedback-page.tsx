'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ApdexPanel } from './apdex-panel';
import { FeedbackFilters } from './feedback-filters';
import { FeedbackList } from './feedback-list';
import { FeltSlowerPanel } from './felt-slower-panel';
import { formatPercent, formatRho } from './format';
import { LatencyRatingChart } from './latency-rating-chart';
import { type FeedbackView, useApdexQuery, useFeedbackScatterQuery, useFeedbackSummaryQuery } from './queries';
import { ScoreInterval } from './score-interval';
import { Section } from './section';
import { StatsTable } from './stats-table';

/** Perceived performance: what users say about speed, per release and route, against what was measured. */
export function FeedbackPage({ projectId }: { projectId: number }) {
  const [view, setView] = useState<FeedbackView>({ release: '', route: '', days: 30 });
  const summary = useFeedbackSummaryQuery(projectId, view);
  const scatter = useFeedbackScatterQuery(projectId, view);
  const apdex = useApdexQuery(projectId, view);
  const overall = summary.data?.overall;
  const fittedT = view.route ? apdex.data?.routes.find((r) => r.route === view.route)?.fit.thresholdMs : null;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Perceived performance</h1>
        <Link className="text-sm text-blue-600 hover:underline" href={`/projects/${projectId}/feedback/settings`}>
          Poll settings &amp; snippet
        </Link>
      </div>
      <FeedbackFilters projectId={projectId} view={view} onChange={setView} />
      {summary.error && <p className="text-sm text-red-600">{summary.error.message}</p>}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="feedback-overview">
        <Section title="Score">
          <div data-testid="overall-score">
            <ScoreInterval score={overall?.score ?? null} ci={overall?.scoreCi ?? null} />
          </div>
        </Section>
        <Section title="Answers">
          <p className="text-2xl font-semibold tabular-nums" data-testid="overall-count">
            {overall?.count ?? '–'}
          </p>
        </Section>
        <Section title="Satisfied (≥ 4 of 5)">
          <p className="text-2xl font-semibold tabular-nums">{formatPercent(overall?.shareSatisfied)}</p>
        </Section>
        <Section title="Latency ~ rating">
          <p className="text-lg font-semibold tabular-nums">
            {overall ? formatRho(overall.latencyRating.rho, overall.latencyRating.n) : '–'}
          </p>
          <p className="text-xs text-slate-500">Spearman ρ; negative = slower feels worse</p>
        </Section>
      </div>
      <Section
        title="Latency vs rating"
        hint="Latency is the linked trace's duration when the answer carried a trace id, else the interaction or INP the browser measured."
      >
        {scatter.data && scatter.data.points.length === 0 ? (
          <p className="text-sm text-slate-500">No answers with a measured latency in this range.</p>
        ) : (
          <LatencyRatingChart points={scatter.data?.points ?? []} thresholdMs={fittedT} />
        )}
      </Section>
      <div className="grid gap-4 xl:grid-cols-2">
        <Section title="By release" testId="stats-by-release">
          <StatsTable
            label="Release"
            rows={(summary.data?.byRelease ?? []).map((r) => ({ key: r.release, stats: r.stats }))}
            onPick={(release) => setView({ ...view, release })}
          />
        </Section>
        <Section title="By route" testId="stats-by-route">
          <StatsTable
            label="Route"
            rows={(summary.data?.byRoute ?? []).map((r) => ({ key: r.route, stats: r.stats }))}
            onPick={(route) => setView({ ...view, route })}
          />
        </Section>
      </div>
      {summary.data?.truncated && (
        <p className="text-xs text-slate-500">Statistics cover the newest 20,000 answers of the range.</p>
      )}
      <div className="grid gap-4 xl:grid-cols-2">
        <FeltSlowerPanel projectId={projectId} days={view.days} />
        <ApdexPanel projectId={projectId} view={view} />
      </div>
      <FeedbackList projectId={projectId} view={view} />
    </div>
  );
}
