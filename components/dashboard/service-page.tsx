'use client';

import { Suspense } from 'react';
import type { ReleaseMarker } from '@/components/charts/time-axis';
import { LatencyDistribution, LatencyTimeCharts, QueueDepthChart } from './latency-panels';
import { PageHeader } from './page-header';
import { type ReadScope, usePerceivedQuery, useReleasesQuery, useRoutesQuery, useStatsQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { type RouteRow, RoutesTable } from './routes-table';
import { EmptyState, QueryGate, Skeleton } from './states';
import { rangeSeconds, StatsCards } from './stats-cards';
import { stepFor } from './time-range';
import { Toolbar } from './toolbar';
import { type DashboardViewState, useDashboardView, withView } from './use-dashboard-view';

export function ServicePage({ projectId, service }: { projectId: number; service: string }) {
  return (
    <QueryClientGuard>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Service projectId={projectId} service={service} />
      </Suspense>
    </QueryClientGuard>
  );
}

/** First-seen instants of the service's releases: the dashed markers on every time chart. */
export function useReleaseMarkers(projectId: number, state: DashboardViewState, service: string): ReleaseMarker[] {
  const { scope, refetchMs } = state;
  const releases = useReleasesQuery(
    projectId,
    { fromMs: scope.fromMs, toMs: scope.toMs, service, environment: scope.environment },
    refetchMs,
  );
  return (releases.data?.releases ?? []).map((r) => ({ release: r.release, atMs: Date.parse(r.firstSeen) }));
}

function Service({ projectId, service }: { projectId: number; service: string }) {
  const state = useDashboardView(projectId);
  const { refetchMs, query } = state;
  const scope: ReadScope = { ...state.scope, service };
  const step = stepFor(scope);
  const markers = useReleaseMarkers(projectId, state, service);
  const stats = useStatsQuery(projectId, scope, refetchMs);
  const routes = useRoutesQuery(projectId, scope, refetchMs);
  // Per route: every answer of the route's name. The headline score: answers whose trace entered here.
  const perceived = usePerceivedQuery(projectId, state.scope, refetchMs);
  const servicePerceived = usePerceivedQuery(projectId, state.scope, refetchMs, service);
  const base = `/projects/${projectId}`;
  const panel = { projectId, scope, step, refetchMs, releases: markers };
  return (
    <div className="flex flex-col gap-4" data-page="service">
      <PageHeader title={service} crumbs={[{ label: 'Overview', href: withView(base, query) }, { label: 'Service' }]}>
        <a
          className="text-sm text-indigo-700 hover:underline dark:text-indigo-300"
          href={withView(`${base}/releases`, query, { service })}
        >
          Releases of {service} →
        </a>
      </PageHeader>
      <Toolbar projectId={projectId} state={state} service={service} />
      <QueryGate query={stats} skeleton={<Skeleton className="h-20" />}>
        {(s) =>
          s.count === 0 ? (
            <EmptyState projectId={projectId} />
          ) : (
            <StatsCards stats={s} perceived={servicePerceived.data} />
          )
        }
      </QueryGate>
      <LatencyTimeCharts {...panel} />
      <div className="grid gap-4 lg:grid-cols-2">
        <LatencyDistribution {...panel} histogram={false} />
        <QueueDepthChart {...panel} />
      </div>
      <h2 className="text-base font-semibold">Routes</h2>
      <QueryGate query={routes} skeleton={<Skeleton className="h-48" />}>
        {(r) => {
          const seconds = rangeSeconds(r);
          const byRoute = new Map((perceived.data?.byRoute ?? []).map((g) => [g.route, g.stats.score]));
          const rows: RouteRow[] = r.routes.map((x) => ({
            ...x,
            rps: x.count / seconds,
            perceived: byRoute.get(x.route) ?? null,
          }));
          return rows.length === 0 ? (
            <p className="text-sm text-slate-500">No routes in this range.</p>
          ) : (
            <RoutesTable
              rows={rows}
              routeHref={(x) =>
                withView(`${base}/services/${encodeURIComponent(service)}/routes`, query, {
                  route: x.route,
                  method: x.method,
                })
              }
            />
          );
        }}
      </QueryGate>
    </div>
  );
}
