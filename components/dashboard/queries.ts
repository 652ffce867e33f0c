'use client';

import { keepPreviousData, queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { projectUrl, requestJson, type Serialized } from '@/components/alerts/api-client';
import type { Exemplars } from '@/lib/analytics/get-exemplars';
import type { MetricSeries } from '@/lib/analytics/get-metric-series';
import type { SeriesPoint } from '@/lib/analytics/get-series';
import type { TraceSpan } from '@/lib/analytics/get-trace';
import type { LatencySummary } from '@/lib/analytics/latency-summary';
import type { ReleaseSummary } from '@/lib/analytics/list-releases';
import type { RouteSummary } from '@/lib/analytics/list-routes';
import type { ServiceSummary } from '@/lib/analytics/list-services';
import type { ReleaseVerdict } from '@/lib/analytics/release-verdict';
import type { FeedbackSummary } from '@/lib/feedback/reports/feedback-summary';
import { type ReadScope, readUrls, scopeParams } from './read-urls';

export type { ReadScope } from './read-urls';

// One hook per read endpoint, keys from one factory. Every hook keeps the previous data while a new
// range or refresh loads (no flicker) and refetches on the interval the toolbar picked.

export interface Ranged {
  from: string;
  to: string;
}

export const dashboardKeys = {
  all: ['dashboard'] as const,
  project: (projectId: number) => [...dashboardKeys.all, projectId] as const,
  stats: (p: number, s: ReadScope) => [...dashboardKeys.project(p), 'stats', s] as const,
  series: (p: number, s: ReadScope, step: number) => [...dashboardKeys.project(p), 'series', s, step] as const,
  services: (p: number, s: ReadScope) => [...dashboardKeys.project(p), 'services', s] as const,
  routes: (p: number, s: ReadScope) => [...dashboardKeys.project(p), 'routes', s] as const,
  releases: (p: number, s: ReadScope) => [...dashboardKeys.project(p), 'releases', s] as const,
  verdict: (p: number, s: ReadScope, release: string, baseline: string) =>
    [...dashboardKeys.project(p), 'verdict', s, release, baseline] as const,
  metricSeries: (p: number, s: ReadScope, name: string, step: number) =>
    [...dashboardKeys.project(p), 'metric-series', s, name, step] as const,
  heatmap: (p: number, s: ReadScope, step: number) => [...dashboardKeys.project(p), 'heatmap', s, step] as const,
  exemplars: (p: number, s: ReadScope) => [...dashboardKeys.project(p), 'exemplars', s] as const,
  trace: (p: number, traceId: string) => [...dashboardKeys.project(p), 'trace', traceId] as const,
  perceived: (p: number, s: ReadScope, byService = '') =>
    [...dashboardKeys.project(p), 'perceived', s, byService] as const,
};

const get = <T>(path: string, projectId: number, params: Record<string, string | undefined>) =>
  requestJson<T>(projectUrl(path, projectId, params));
const fetchUrl = <T>(url: string) => requestJson<T>(url);

/** Shared options: previous data while loading, the toolbar's refresh interval, no retry storms. */
function live(refetchMs: number) {
  return {
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs > 0 ? refetchMs : (false as const),
    retry: 1,
  };
}

export type StatsResponse = Ranged & LatencySummary;
export function useStatsQuery(p: number, s: ReadScope, refetchMs = 0) {
  return useQuery({
    queryKey: dashboardKeys.stats(p, s),
    queryFn: () => fetchUrl<StatsResponse>(readUrls.stats(p, s)),
    ...live(refetchMs),
  });
}

export type SeriesResponse = Ranged & { step: number; points: SeriesPoint[] };
function seriesOptions(p: number, s: ReadScope, step: number, refetchMs: number) {
  return queryOptions({
    queryKey: dashboardKeys.series(p, s, step),
    queryFn: () => fetchUrl<SeriesResponse>(readUrls.series(p, s, step)),
    ...live(refetchMs),
  });
}
export function useSeriesQuery(p: number, s: ReadScope, step: number, refetchMs = 0) {
  return useQuery(seriesOptions(p, s, step, refetchMs));
}
export function useSeriesQueries(p: number, scopes: ReadScope[], step: number, refetchMs = 0) {
  return useQueries({ queries: scopes.map((s) => seriesOptions(p, s, step, refetchMs)) });
}

export type ServicesResponse = Ranged & { services: ServiceSummary[] };
export function useServicesQuery(p: number, s: ReadScope, refetchMs = 0) {
  return useQuery({
    queryKey: dashboardKeys.services(p, s),
    queryFn: () => fetchUrl<ServicesResponse>(readUrls.services(p, s)),
    ...live(refetchMs),
  });
}

export type RoutesResponse = Ranged & { routes: RouteSummary[] };
export function useRoutesQuery(p: number, s: ReadScope, refetchMs = 0) {
  return useQuery({
    queryKey: dashboardKeys.routes(p, s),
    queryFn: () => fetchUrl<RoutesResponse>(readUrls.routes(p, s)),
    ...live(refetchMs),
  });
}

export type ReleasesResponse = Ranged & { releases: ReleaseSummary[] };
export function useReleasesQuery(p: number, s: ReadScope, refetchMs = 0, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.releases(p, s),
    queryFn: () => fetchUrl<ReleasesResponse>(readUrls.releases(p, s)),
    enabled,
    ...live(refetchMs),
  });
}

function verdictOptions(p: number, s: ReadScope, release: string, baseline: string, refetchMs: number) {
  return queryOptions({
    queryKey: dashboardKeys.verdict(p, s, release, baseline),
    queryFn: () =>
      get<ReleaseVerdict>('/api/v1/releases/verdict', p, {
        ...scopeParams({ ...s, release: undefined, route: undefined }),
        release,
        baseline: baseline || undefined,
      }),
    enabled: Boolean(s.service && release),
    ...live(refetchMs),
  });
}
/** `release` vs `baseline` ('' = the release before it) for `s.service`; disabled until both are known. */
export function useVerdictQuery(p: number, s: ReadScope, release: string, baseline: string, refetchMs = 0) {
  return useQuery(verdictOptions(p, s, release, baseline, refetchMs));
}
/** The newest release of each service against the one before it (the overview's regression flags). */
export function useVerdictQueries(p: number, items: { scope: ReadScope; release: string }[], refetchMs = 0) {
  return useQueries({ queries: items.map((i) => verdictOptions(p, i.scope, i.release, '', refetchMs)) });
}

export type MetricSeriesResponse = Ranged & { name: string; step: number; series: MetricSeries[] };
export function useMetricSeriesQuery(p: number, s: ReadScope, name: string, step: number, refetchMs = 0) {
  return useQuery({
    queryKey: dashboardKeys.metricSeries(p, s, name, step),
    queryFn: () => fetchUrl<MetricSeriesResponse>(readUrls.metricSeries(p, s, name, step)),
    ...live(refetchMs),
  });
}

export interface HeatmapResponse extends Ranged {
  step: number;
  bounds: (number | null)[];
  columns: { t: string; counts: number[] }[];
}
function heatmapOptions(p: number, s: ReadScope, step: number, refetchMs: number) {
  return queryOptions({
    queryKey: dashboardKeys.heatmap(p, s, step),
    queryFn: () => fetchUrl<HeatmapResponse>(readUrls.heatmap(p, s, step)),
    ...live(refetchMs),
  });
}
export function useHeatmapQuery(p: number, s: ReadScope, step: number, refetchMs = 0) {
  return useQuery(heatmapOptions(p, s, step, refetchMs));
}
/** One heatmap per scope (e.g. per service on the overview). */
export function useHeatmapQueries(p: number, scopes: ReadScope[], step: number, refetchMs = 0) {
  return useQueries({ queries: scopes.map((s) => heatmapOptions(p, s, step, refetchMs)) });
}

export type ExemplarsResponse = Ranged & Exemplars;
export function useExemplarsQuery(p: number, s: ReadScope, refetchMs = 0) {
  return useQuery({
    queryKey: dashboardKeys.exemplars(p, s),
    queryFn: () => fetchUrl<ExemplarsResponse>(readUrls.exemplars(p, s)),
    ...live(refetchMs),
  });
}

export interface TraceResponse {
  traceId: string;
  spans: TraceSpan[];
}
export function useTraceQuery(p: number, traceId: string) {
  return useQuery({
    queryKey: dashboardKeys.trace(p, traceId),
    queryFn: () => get<TraceResponse>(`/api/v1/traces/${encodeURIComponent(traceId)}`, p, {}),
    retry: false,
  });
}

/**
 * Perceived-performance scores (poll answers) per release and route; absent figures when no feedback. Answers
 * carry a route and a release, not a service: with `byService`, only answers whose linked trace entered through
 * that service count (the scope's own service filter is not applied otherwise).
 */
export function usePerceivedQuery(p: number, s: ReadScope, refetchMs = 0, byService?: string) {
  return useQuery({
    queryKey: dashboardKeys.perceived(p, s, byService),
    queryFn: () =>
      get<Serialized<FeedbackSummary>>('/api/v1/feedback/summary', p, {
        from: new Date(s.fromMs).toISOString(),
        to: new Date(s.toMs).toISOString(),
        release: s.release || undefined,
        route: s.route || undefined,
        service: byService || undefined,
      }),
    ...live(refetchMs),
    // The score is an extra: a failure (or no feedback module) must not break the latency pages.
    retry: false,
  });
}
