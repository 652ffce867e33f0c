'use client';

import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { ExemplarsList } from './exemplars-list';
import { LatencyDistribution, LatencyTimeCharts } from './latency-panels';
import { PageHeader } from './page-header';
import { type ReadScope, useExemplarsQuery, usePerceivedQuery, useStatsQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { useReleaseMarkers } from './service-page';
import { EmptyState, QueryGate, Skeleton } from './states';
import { StatsCards } from './stats-cards';
import { stepFor } from './time-range';
import { Toolbar } from './toolbar';
import { useDashboardView, withView } from './use-dashboard-view';

export function RoutePage({ projectId, service }: { projectId: number; service: string }) {
  return (
    <QueryClientGuard>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Route projectId={projectId} service={service} />
      </Suspense>
    </QueryClientGuard>
  );
}

function Route({ projectId, service }: { projectId: number; service: string }) {
  const params = useSearchParams();
  const route = params.get('route') ?? '';
  const method = params.get('method') ?? '';
  const state = useDashboardView(projectId);
  const { refetchMs, query } = state;
  const scope: ReadScope = { ...state.scope, service, route, method: method || undefined };
  const step = stepFor(scope);
  const markers = useReleaseMarkers(projectId, state, service);
  const stats = useStatsQuery(projectId, scope, refetchMs);
  const exemplars = useExemplarsQuery(projectId, scope, refetchMs);
  const perceived = usePerceivedQuery(projectId, { ...state.scope, route }, refetchMs);
  const base = `/projects/${projectId}`;
  const panel = { projectId, scope, step, refetchMs, releases: markers };
  return (
    <div className="flex flex-col gap-4" data-page="route">
      <PageHeader
        title={`${method ? `${method} ` : ''}${route || '(no route)'}`}
        crumbs={[
          { label: 'Overview', href: withView(base, query) },
          { label: service, href: withView(`${base}/services/${encodeURIComponent(service)}`, query) },
          { label: 'Route' },
        ]}
      />
      <Toolbar projectId={projectId} state={state} service={service} />
      <QueryGate query={stats} skeleton={<Skeleton className="h-20" />}>
        {(s) =>
          s.count === 0 ? <EmptyState projectId={projectId} /> : <StatsCards stats={s} perceived={perceived.data} />
        }
      </QueryGate>
      <LatencyTimeCharts {...panel} />
      <LatencyDistribution {...panel} histogram />
      <h2 className="text-base font-semibold">Exemplar traces</h2>
      <QueryGate query={exemplars} skeleton={<Skeleton className="h-40" />}>
        {(e) => <ExemplarsList data={e} traceHref={(id) => `${base}/traces/${id}`} />}
      </QueryGate>
    </div>
  );
}
