'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { ExemplarsList } from './exemplars-list';
import { PageHeader } from './page-header';
import { useExemplarsQuery, useServicesQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { QueryGate, Skeleton } from './states';
import { NameFilter, Toolbar } from './toolbar';
import { useDashboardView, withView } from './use-dashboard-view';

/**
 * /projects/:id/traces: the slowest and the most recent failed requests in the range (the exemplars the rollups
 * keep), of every service or of the one in `?service=`, each opening its trace; any trace opens by its id from
 * the toolbar.
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
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const service = params.get('service') ?? '';
  const services = useServicesQuery(projectId, state.scope, state.refetchMs);
  const names = (services.data?.services ?? []).map((s) => s.service);
  const exemplars = useExemplarsQuery(projectId, { ...state.scope, service: service || undefined }, state.refetchMs);
  const setService = (next: string) => {
    const q = new URLSearchParams(params.toString());
    if (next) q.set('service', next);
    else q.delete('service');
    router.push(`${pathname}?${q}`, { scroll: false });
  };
  const base = `/projects/${projectId}`;
  return (
    <div className="flex flex-col gap-4" data-page="trace-search">
      <PageHeader
        title="Traces"
        crumbs={[{ label: 'Overview', href: withView(base, state.query) }, { label: 'Traces' }]}
      />
      <Toolbar projectId={projectId} state={state} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <p className="text-xs text-slate-500">
          The slowest and the latest failed requests in the range. Open any other trace by its 32-hex-character W3C
          trace id (the <code>traceparent</code> header&apos;s second field).
        </p>
        <NameFilter label="Service" value={service} names={names} onChange={setService} />
      </div>
      <QueryGate query={exemplars} skeleton={<Skeleton className="h-40" />}>
        {(e) => <ExemplarsList data={e} traceHref={(id) => `${base}/traces/${id}`} showSeries />}
      </QueryGate>
    </div>
  );
}
