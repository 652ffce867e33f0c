'use client';

import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { StoredPollSettings } from '@/lib/feedback/poll-config/get-poll-settings';
import type { WidgetEmbed } from '@/lib/feedback/queries/get-widget-embed';
import type { FeedbackFacet } from '@/lib/feedback/queries/list-feedback-facets';
import type { FeedbackPage } from '@/lib/feedback/queries/list-feedback';
import type { ApdexReport } from '@/lib/feedback/reports/apdex-report';
import type { ScatterPoint } from '@/lib/feedback/reports/feedback-scatter';
import type { FeedbackSummary } from '@/lib/feedback/reports/feedback-summary';
import type { FeltSlowerReport } from '@/lib/feedback/reports/felt-slower-report';
import { projectUrl, requestJson, type Serialized } from '../alerts/api-client';

/** What the feedback page filters on; '' = all. `days` is the range ending now. */
export interface FeedbackView {
  release: string;
  route: string;
  days: number;
}

export const feedbackKeys = {
  all: ['feedback'] as const,
  project: (projectId: number) => [...feedbackKeys.all, projectId] as const,
  list: (projectId: number, view: FeedbackView, commentsOnly: boolean) =>
    [...feedbackKeys.project(projectId), 'list', view, commentsOnly] as const,
  summary: (projectId: number, view: FeedbackView) => [...feedbackKeys.project(projectId), 'summary', view] as const,
  scatter: (projectId: number, view: FeedbackView) => [...feedbackKeys.project(projectId), 'scatter', view] as const,
  facets: (projectId: number, days: number) => [...feedbackKeys.project(projectId), 'facets', days] as const,
  feltSlower: (projectId: number, days: number, base: string, target: string) =>
    [...feedbackKeys.project(projectId), 'felt-slower', days, base, target] as const,
  apdex: (projectId: number, view: FeedbackView) => [...feedbackKeys.project(projectId), 'apdex', view] as const,
  pollConfig: (projectId: number) => ['poll-config', projectId] as const,
};

// New answers trickle in; a minute is fresh enough for statistics.
const LIVE_MS = 60_000;

function params(view: FeedbackView): Record<string, string | undefined> {
  return {
    from: String(Date.now() - view.days * 86_400_000),
    release: view.release || undefined,
    route: view.route || undefined,
  };
}

/** Pages of answers, newest first; `fetchNextPage()` loads older ones. */
export function useFeedbackListQuery(projectId: number, view: FeedbackView, commentsOnly: boolean) {
  return useInfiniteQuery({
    queryKey: feedbackKeys.list(projectId, view, commentsOnly),
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      requestJson<Serialized<FeedbackPage>>(
        projectUrl('/api/v1/feedback', projectId, {
          ...params(view),
          comments: commentsOnly ? '1' : undefined,
          before: pageParam || undefined,
          limit: '50',
        }),
      ),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    refetchInterval: LIVE_MS,
  });
}

export function useFeedbackSummaryQuery(projectId: number, view: FeedbackView) {
  return useQuery({
    queryKey: feedbackKeys.summary(projectId, view),
    queryFn: () =>
      requestJson<Serialized<FeedbackSummary>>(projectUrl('/api/v1/feedback/summary', projectId, params(view))),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useFeedbackScatterQuery(projectId: number, view: FeedbackView) {
  return useQuery({
    queryKey: feedbackKeys.scatter(projectId, view),
    queryFn: () =>
      requestJson<{ points: ScatterPoint[]; rho: number | null; n: number; truncated: boolean }>(
        projectUrl('/api/v1/feedback/scatter', projectId, params(view)),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useFeedbackFacetsQuery(projectId: number, days: number) {
  return useQuery({
    queryKey: feedbackKeys.facets(projectId, days),
    queryFn: () =>
      requestJson<{ releases: Serialized<FeedbackFacet>[]; routes: Serialized<FeedbackFacet>[] }>(
        projectUrl('/api/v1/feedback/facets', projectId, { from: String(Date.now() - days * 86_400_000) }),
      ),
    staleTime: LIVE_MS,
  });
}

export function useFeltSlowerQuery(projectId: number, days: number, base: string, target: string) {
  return useQuery({
    queryKey: feedbackKeys.feltSlower(projectId, days, base, target),
    queryFn: () =>
      requestJson<FeltSlowerReport>(
        projectUrl('/api/v1/feedback/felt-slower', projectId, {
          from: String(Date.now() - days * 86_400_000),
          base: base || undefined,
          target: target || undefined,
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useApdexQuery(projectId: number, view: FeedbackView) {
  return useQuery({
    queryKey: feedbackKeys.apdex(projectId, view),
    queryFn: () =>
      requestJson<ApdexReport>(projectUrl('/api/v1/feedback/apdex', projectId, { ...params(view), route: undefined })),
    placeholderData: keepPreviousData,
    staleTime: LIVE_MS,
  });
}

export function usePollConfigQuery(projectId: number) {
  return useQuery({
    queryKey: feedbackKeys.pollConfig(projectId),
    queryFn: () =>
      requestJson<Serialized<StoredPollSettings> & WidgetEmbed>(projectUrl('/api/v1/poll-config', projectId)),
  });
}
