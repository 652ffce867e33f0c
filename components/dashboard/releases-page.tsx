'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import type { ReleaseSummary } from '@/lib/analytics/list-releases';
import { errorRate, formatCount, formatLocal, formatPercent, utcTitle } from './format';
import { PageHeader } from './page-header';
import { PercentileValue } from './percentile-value';
import { usePerceivedQuery, useReleasesQuery, useServicesQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { ReleaseCompare } from './release-compare';
import { type Column, SortableTable } from './sortable-table';
import { EmptyState, QueryGate, Skeleton } from './states';
import { Toolbar } from './toolbar';
import { useDashboardView, withView } from './use-dashboard-view';

export function ReleasesPage({ projectId }: { projectId: number }) {
  return (
    <QueryClientGuard>
      <Suspense fallback={<Skeleton className="h-96" />}>
        <Releases projectId={projectId} />
      </Suspense>
    </QueryClientGuard>
  );
}

type Row = ReleaseSummary & { perceived: number | null };

function Releases({ projectId }: { projectId: number }) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = useDashboardView(projectId);
  const { refetchMs, query } = state;
  const services = useServicesQuery(projectId, { ...state.scope, release: undefined }, refetchMs);
  const service = params.get('service') || services.data?.services[0]?.service || '';
  const candidate = params.get('candidate') ?? '';
  const baseline = params.get('baseline') ?? '';
  // The table lists every release of the service: the release filter does not apply here.
  const scope = { ...state.scope, release: undefined, service };
  const releases = useReleasesQuery(projectId, scope, refetchMs, service !== '');
  const perceived = usePerceivedQuery(projectId, { ...state.scope, release: undefined }, refetchMs);
  const setParam = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) v ? next.set(k, v) : next.delete(k);
    router.push(`${pathname}?${next}`, { scroll: false });
  };
  const byRelease = new Map((perceived.data?.byRelease ?? []).map((g) => [g.release, g.stats.score]));
  const pick = (name: 'candidate' | 'baseline', r: Row) => (
    <input
      type="radio"
      name={name}
      aria-label={`${name} ${r.release}`}
      checked={(name === 'candidate' ? candidate : baseline) === r.release}
      onChange={() => setParam({ [name]: r.release })}
      className="h-4 w-4 accent-indigo-600"
    />
  );
  const columns: Column<Row>[] = [
    { key: 'candidate', header: 'Candidate', cell: (r) => pick('candidate', r) },
    { key: 'baseline', header: 'Baseline', cell: (r) => pick('baseline', r) },
    {
      key: 'release',
      header: 'Release',
      sort: (r) => r.release,
      cell: (r) => <span className="font-medium">{r.release || '(none)'}</span>,
    },
    {
      key: 'first',
      header: 'First seen',
      sort: (r) => r.firstSeen,
      cell: (r) => <span title={utcTitle(r.firstSeen)}>{formatLocal(r.firstSeen)}</span>,
    },
    {
      key: 'last',
      header: 'Last seen',
      sort: (r) => r.lastSeen,
      cell: (r) => <span title={utcTitle(r.lastSeen)}>{formatLocal(r.lastSeen)}</span>,
    },
    { key: 'count', header: 'Requests', align: 'right', sort: (r) => r.count, cell: (r) => formatCount(r.count) },
    {
      key: 'errorRate',
      header: 'Error rate',
      align: 'right',
      sort: (r) => errorRate(r),
      cell: (r) => formatPercent(errorRate(r)),
    },
    ...(['p50', 'p95', 'p99'] as const).map(
      (p): Column<Row> => ({
        key: p,
        header: p,
        align: 'right',
        sort: (r) => r[p],
        cell: (r) => <PercentileValue name={p} value={r[p]} count={r.count} />,
      }),
    ),
    {
      key: 'perceived',
      header: 'Perceived',
      align: 'right',
      sort: (r) => r.perceived,
      cell: (r) => (r.perceived === null ? '–' : r.perceived.toFixed(0)),
    },
  ];
  return (
    <div className="flex flex-col gap-4" data-page="releases">
      <PageHeader
        title="Releases"
        crumbs={[{ label: 'Overview', href: withView(`/projects/${projectId}`, query) }, { label: 'Releases' }]}
      >
        <label className="flex items-center gap-2 text-sm">
          Service
          <select
            className="rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
            value={service}
            onChange={(e) => setParam({ service: e.target.value, candidate: '', baseline: '' })}
          >
            {(services.data?.services ?? []).map((s) => (
              <option key={s.service} value={s.service}>
                {s.service}
              </option>
            ))}
          </select>
        </label>
      </PageHeader>
      <Toolbar projectId={projectId} state={state} service={service || undefined} />
      {services.data && services.data.services.length === 0 ? <EmptyState projectId={projectId} /> : null}
      {service ? (
        <QueryGate query={releases} skeleton={<Skeleton className="h-48" />}>
          {(r) => (
            <SortableTable
              caption={`Releases of ${service}`}
              testId="releases-table"
              rows={r.releases.map((x) => ({ ...x, perceived: byRelease.get(x.release) ?? null }))}
              columns={columns}
              rowKey={(x) => x.release}
              initialSort={{ key: 'first', desc: true }}
            />
          )}
        </QueryGate>
      ) : null}
      {candidate && service ? (
        <ReleaseCompare
          projectId={projectId}
          scope={scope}
          candidate={candidate}
          baseline={baseline}
          refetchMs={refetchMs}
          perceived={
            perceived.data
              ? new Map(
                  perceived.data.byRelease.map((g) => [
                    g.release,
                    { score: g.stats.score, scoreCi: g.stats.scoreCi, count: g.stats.count },
                  ]),
                )
              : undefined
          }
        />
      ) : (
        <p className="text-sm text-slate-500">
          Pick a candidate release (and optionally a baseline; default: the release before it) to compare.
        </p>
      )}
    </div>
  );
}
