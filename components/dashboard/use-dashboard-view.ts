'use client';

import { useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dashboardKeys, type ReadScope } from './queries';
import { type DashboardView, parseView, type ResolvedRange, refreshMs, resolveRange, viewToParams } from './time-range';

export interface DashboardViewState {
  view: DashboardView;
  range: ResolvedRange;
  /** The scope of every query on the page (range + environment + release filters). */
  scope: ReadScope;
  refetchMs: number;
  /** Pushes a history entry, so back/forward walk through views. */
  setView(patch: Partial<DashboardView>): void;
  /** Moves a preset range to now and refetches everything on the page. */
  refresh(): void;
  /** Current URL parameters of the view, for links to other dashboard pages. */
  query: string;
}

const MINUTE = 60_000;

/** The view kept in the URL: time range, environment, release, auto-refresh. */
export function useDashboardView(projectId: number): DashboardViewState {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const queryClient = useQueryClient();
  const view = useMemo(() => parseView(params), [params]);
  const [nowMs, setNowMs] = useState(() => Date.now());
  const refetchMs = refreshMs(view.refresh);

  // With auto-refresh on, a preset range slides with the clock (once a minute: the API's finest step);
  // in-between refreshes refetch the same range, whose last minute is still filling.
  useEffect(() => {
    if (refetchMs === 0 || view.range === 'custom') return;
    const timer = setInterval(() => setNowMs(Date.now()), Math.max(refetchMs, MINUTE));
    return () => clearInterval(timer);
  }, [refetchMs, view.range]);

  const range = useMemo(() => resolveRange(view, nowMs), [view, nowMs]);
  const scope = useMemo<ReadScope>(
    () => ({ ...range, environment: view.environment || undefined, release: view.release || undefined }),
    [range, view.environment, view.release],
  );

  const setView = useCallback(
    (patch: Partial<DashboardView>) => {
      const next = viewToParams({ ...view, ...patch }, new URLSearchParams(params.toString()));
      const qs = next.toString();
      router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
    },
    [view, params, router, pathname],
  );

  const refresh = useCallback(() => {
    setNowMs(Date.now());
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.project(projectId) });
  }, [queryClient, projectId]);

  const query = viewToParams(view).toString();
  return { view, range, scope, refetchMs, setView, refresh, query };
}

/** `href` plus the view's parameters (and extra ones). */
export function withView(href: string, query: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(query);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const qs = params.toString();
  return qs ? `${href}?${qs}` : href;
}
