'use client';

import { Suspense } from 'react';
import { ExemplarsList } from './exemplars-list';
import { PageHeader } from './page-header';
import { useExemplarsQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { QueryGate, Skeleton } from './states';
import { Toolbar } from './toolbar';
import { useDashboardView, withView } from './use-dashboard-view';

/**
 * /projects/:id/traces: the slowest and the most recent failed requests of every service in the range (the
 * exemplars the rollups keep), each opening its trace; any trace opens by its id from the toolbar.
 */
export function TraceSearchPage({ projectId }: { projectId: number }) {
  return (
    <QueryClientGuard>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Traces projectId={projectId} />
      </Suspense>
    </QueryClientGuard>
  );
}

function Traces({ projectId }: { projectId: number }) {
  const state = useDashboardView(projectId);
  const exemplars = useExemplarsQuery(projectId, state.scope, state.refetchMs);
  const base = `/projects/${projectId}`;
  return (
    <div className="flex flex-col gap-4" data-page="trace-search">
      <PageHeader
        title="Traces"
        crumbs={[{ label: 'Overview', href: withView(base, state.query) }, { label: 'Traces' }]}
      />
      <Toolbar projectId={projectId} state={state} />
      <p className="text-xs text-slate-500">
        The slowest and the latest failed requests of all services in the range. Open any other trace by its
        32-hex-character W3C trace id (the <code>traceparent</code> header&apos;s second field).
      </p>
      <QueryGate query={exemplars} skeleton={<Skeleton className="h-40" />}>
        {(e) => <ExemplarsList data={e} traceHref={(id) => `${base}/traces/${id}`} showSeries />}
      </QueryGate>
    </div>
  );
}
