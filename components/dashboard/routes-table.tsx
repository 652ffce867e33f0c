'use client';

import Link from 'next/link';
import type { RouteSummary } from '@/lib/analytics/list-routes';
import { errorRate, formatCount, formatMs, formatPercent, formatRate } from './format';
import { PercentileValue } from './percentile-value';
import { type Column, SortableTable } from './sortable-table';

export interface RouteRow extends RouteSummary {
  rps: number;
  perceived: number | null;
}

/** Routes of a service, sortable by p99, error rate, traffic and time spent (count × mean). */
export function RoutesTable({ rows, routeHref }: { rows: RouteRow[]; routeHref: (r: RouteSummary) => string }) {
  const totalTime = rows.reduce((a, r) => a + r.totalMs, 0) || 1;
  const columns: Column<RouteRow>[] = [
    {
      key: 'route',
      header: 'Route',
      sort: (r) => r.route,
      cell: (r) => (
        <Link className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" href={routeHref(r)}>
          <span className="mr-1 rounded bg-slate-100 px-1 font-mono text-[11px] text-slate-700 dark:bg-slate-800 dark:text-slate-300">
            {r.method || '—'}
          </span>
          {r.route || '(no route)'}
        </Link>
      ),
    },
    {
      key: 'traffic',
      header: 'Traffic',
      align: 'right',
      sort: (r) => r.count,
      cell: (r) => (
        <span className="inline-flex flex-col items-end leading-tight">
          <span>{formatCount(r.count)}</span>
          <span className="text-[11px] text-slate-500">{formatRate(r.rps)}</span>
        </span>
      ),
    },
    {
      key: 'errorRate',
      header: 'Error rate',
      align: 'right',
      sort: (r) => errorRate(r),
      cell: (r) => <span title={`${r.errorCount} of ${r.count}`}>{formatPercent(errorRate(r))}</span>,
    },
    ...(['p50', 'p95', 'p99'] as const).map(
      (p): Column<RouteRow> => ({
        key: p,
        header: p,
        align: 'right',
        sort: (r) => r[p],
        cell: (r) => <PercentileValue name={p} value={r[p]} count={r.count} />,
      }),
    ),
    {
      key: 'time',
      header: 'Time spent',
      align: 'right',
      sort: (r) => r.totalMs,
      cell: (r) => (
        <span title={`${r.totalMs.toFixed(0)} ms in total`}>
          {formatMs(r.totalMs)}{' '}
          <span className="text-[11px] text-slate-500">({formatPercent(r.totalMs / totalTime, 1)})</span>
        </span>
      ),
    },
    {
      key: 'perceived',
      header: 'Perceived',
      align: 'right',
      sort: (r) => r.perceived,
      cell: (r) => (r.perceived === null ? <span className="text-slate-400">–</span> : r.perceived.toFixed(0)),
    },
  ];
  return (
    <SortableTable
      caption="Routes"
      testId="routes-table"
      rows={rows}
      columns={columns}
      rowKey={(r) => `${r.method} ${r.route}`}
      initialSort={{ key: 'time', desc: true }}
    />
  );
}
