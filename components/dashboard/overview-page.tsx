'use client';

import { Suspense, useMemo } from 'react';
import type { MetricSeries } from '@/lib/analytics/get-metric-series';
import { apdexScore, totalCounts } from './apdex';
import { errorRate } from './format';
import { QUEUE_METRIC } from './latency-panels';
import { PageHeader } from './page-header';
import {
  type ReadScope,
  useHeatmapQueries,
  useMetricSeriesQuery,
  usePerceivedQuery,
  useReleasesQuery,
  useSeriesQueries,
  useServicesQuery,
  useStatsQuery,
  useVerdictQueries,
} from './queries';
import { QueryClientGuard } from './query-client-guard';
import { ServiceTable, type ServiceRow } from './service-table';
import { EmptyState, QueryGate, Skeleton } from './states';
import { rangeSeconds, StatsCards } from './stats-cards';
import { stepFor } from './time-range';
import { Toolbar } from './toolbar';
import { useDashboardView, withView } from './use-dashboard-view';

export function OverviewPage({ projectId, apdexMs }: { projectId: number; apdexMs: number }) {
  return (
    <QueryClientGuard>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Overview projectId={projectId} apdexMs={apdexMs} />
      </Suspense>
    </QueryClientGuard>
  );
}

function Overview({ projectId, apdexMs }: { projectId: number; apdexMs: number }) {
  const state = useDashboardView(projectId);
  const { scope, refetchMs, query } = state;
  const stats = useStatsQuery(projectId, scope, refetchMs);
  const perceived = usePerceivedQuery(projectId, scope, refetchMs);
  const services = useServicesQuery(projectId, scope, refetchMs);

  return (
    <div className="flex flex-col gap-4" data-page="overview">
      <PageHeader title="Overview" />
      <Toolbar projectId={projectId} state={state} />
      <QueryGate query={stats} skeleton={<Skeleton className="h-20" />}>
        {(s) =>
          s.count === 0 ? <EmptyState projectId={projectId} /> : <StatsCards stats={s} perceived={perceived.data} />
        }
      </QueryGate>
      <QueryGate query={services} skeleton={<Skeleton className="h-48" />}>
        {(list) =>
          list.services.length === 0 ? null : (
            <ServiceRows
              projectId={projectId}
              scope={scope}
              refetchMs={refetchMs}
              apdexMs={apdexMs}
              list={list.services}
              seconds={rangeSeconds(list)}
              serviceHref={(svc) => withView(`/projects/${projectId}/services/${encodeURIComponent(svc)}`, query)}
            />
          )
        }
      </QueryGate>
    </div>
  );
}

/** Sums each service's queue-depth series: latest value and the per-step trend. */
function queueByService(series: MetricSeries[] | undefined): Map<string, { latest: number; trend: (number | null)[] }> {
  const out = new Map<string, { latest: number; byT: Map<string, number> }>();
  for (const s of series ?? []) {
    const entry = out.get(s.service) ?? { latest: 0, byT: new Map<string, number>() };
    entry.latest += s.latest?.value ?? 0;
    for (const p of s.points) entry.byT.set(p.t, (entry.byT.get(p.t) ?? 0) + p.value);
    out.set(s.service, entry);
  }
  return new Map(
    [...out].map(([k, v]) => [
      k,
      { latest: v.latest, trend: [...v.byT].sort(([a], [b]) => a.localeCompare(b)).map(([, n]) => n) },
    ]),
  );
}

function ServiceRows(props: {
  projectId: number;
  scope: ReadScope;
  refetchMs: number;
  apdexMs: number;
  list: import('@/lib/analytics/list-services').ServiceSummary[];
  seconds: number;
  serviceHref: (s: string) => string;
}) {
  const { projectId, scope, refetchMs, list } = props;
  const scopes = useMemo(() => list.map((s) => ({ ...scope, service: s.service })), [list, scope]);
  const sparkStep = stepFor(scope, 30);
  const series = useSeriesQueries(projectId, scopes, sparkStep, refetchMs);
  // Apdex from the heatmap at the sparkline's step (the range widens to whole steps, at most one step
  // on each side): one step of the whole range would widen to whole days.
  const heatmaps = useHeatmapQueries(projectId, scopes, sparkStep, refetchMs);
  const queue = useMetricSeriesQuery(projectId, scope, QUEUE_METRIC, sparkStep, refetchMs);
  // The newest release per service (releases are listed newest first) against the one before it.
  const releases = useReleasesQuery(
    projectId,
    { fromMs: scope.fromMs, toMs: scope.toMs, environment: scope.environment },
    refetchMs,
  );
  const newest = list.map((s) => releases.data?.releases.find((r) => r.service === s.service)?.release ?? '');
  const verdicts = useVerdictQueries(
    projectId,
    list.map((s, i) => ({ scope: { ...scope, release: undefined, service: s.service }, release: newest[i] })),
    refetchMs,
  );
  const queues = queueByService(queue.data?.series);
  const rows: ServiceRow[] = list.map((s, i) => {
    const h = heatmaps[i].data;
    const q = queues.get(s.service);
    return {
      ...s,
      rps: s.count / props.seconds,
      errorRate: errorRate(s),
      apdex: h ? apdexScore(h.bounds, totalCounts(h.columns, h.bounds.length), props.apdexMs) : null,
      trend: series[i].data?.points.map((p) => p.p95) ?? [],
      queueLatest: q ? q.latest : null,
      queueTrend: q?.trend ?? [],
      verdict: verdicts[i].data ?? null,
    };
  });
  return (
    <section aria-label="Services" data-chart="services" data-ready={series.every((s) => s.data) ? 'true' : 'false'}>
      <ServiceTable rows={rows} serviceHref={props.serviceHref} apdexMs={props.apdexMs} />
    </section>
  );
}
