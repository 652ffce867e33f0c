'use client';

import Link from 'next/link';
import { Sparkline } from '@/components/charts/sparkline';
import type { ServiceSummary } from '@/lib/analytics/list-services';
import type { ReleaseVerdict } from '@/lib/analytics/release-verdict';
import { errorRate, formatPercent, formatRate } from './format';
import { PercentileValue } from './percentile-value';
import { type Column, SortableTable } from './sortable-table';

export interface ServiceRow extends ServiceSummary {
  rps: number;
  errorRate: number | null;
  apdex: number | null;
  /** p95 per step, for the sparkline. */
  trend: (number | null)[];
  queueLatest: number | null;
  queueTrend: (number | null)[];
  verdict: ReleaseVerdict | null;
}

function regressionText(v: ReleaseVerdict): string {
  // Throughput is informational (less traffic is not a regression), so it is not listed here.
  const label: Record<string, string> = { errorRate: 'error rate' };
  const worse = v.metrics
    .filter((m) => m.verdict === 'worse' && m.metric !== 'throughput')
    .map((m) => label[m.metric] ?? m.metric);
  return `${worse.join(', ')} worse in ${v.candidate.release} than ${v.baseline?.release ?? 'before'}`;
}

/** One row per service; rows whose newest release regressed (verdict API) are highlighted. */
export function ServiceTable({
  rows,
  serviceHref,
  apdexMs,
}: {
  rows: ServiceRow[];
  serviceHref: (service: string) => string;
  apdexMs: number;
}) {
  const columns: Column<ServiceRow>[] = [
    {
      key: 'service',
      header: 'Service',
      sort: (r) => r.service,
      cell: (r) => (
        <div className="flex flex-col gap-1">
          <Link
            className="font-medium text-indigo-700 hover:underline dark:text-indigo-300"
            href={serviceHref(r.service)}
          >
            {r.service}
          </Link>
          {r.verdict?.regression ? (
            <span
              className="w-fit rounded bg-red-100 px-1.5 py-0.5 text-[11px] font-medium text-red-800 dark:bg-red-900/60 dark:text-red-200"
              data-testid="regression"
            >
              Regression: {regressionText(r.verdict)}
            </span>
          ) : null}
        </div>
      ),
    },
    {
      key: 'trend',
      header: 'p95 trend',
      cell: (r) => <Sparkline values={r.trend} label={`p95 over time for ${r.service}`} />,
    },
    { key: 'rps', header: 'Throughput', align: 'right', sort: (r) => r.rps, cell: (r) => formatRate(r.rps) },
    {
      key: 'errorRate',
      header: 'Error rate',
      align: 'right',
      sort: (r) => r.errorRate,
      cell: (r) => <span title={`${r.errorCount} of ${r.count}`}>{formatPercent(errorRate(r))}</span>,
    },
    ...(['p50', 'p95', 'p99'] as const).map(
      (p): Column<ServiceRow> => ({
        key: p,
        header: p,
        align: 'right',
        sort: (r) => r[p],
        cell: (r) => <PercentileValue name={p} value={r[p]} count={r.count} />,
      }),
    ),
    {
      key: 'apdex',
      header: `Apdex (T=${apdexMs} ms)`,
      align: 'right',
      sort: (r) => r.apdex,
      cell: (r) => (
        <span title="(satisfied + tolerating/2) / requests, from the latency buckets of the range widened to whole chart steps">
          {r.apdex === null ? '–' : r.apdex.toFixed(2)}
        </span>
      ),
    },
    {
      key: 'queue',
      header: 'Queue depth',
      align: 'right',
      sort: (r) => r.queueLatest,
      cell: (r) =>
        r.queueLatest === null ? (
          <span className="text-slate-400">–</span>
        ) : (
          <span className="inline-flex items-center gap-2">
            <Sparkline
              values={r.queueTrend}
              label={`queue depth over time for ${r.service}`}
              width={56}
              color="#f59e0b"
            />
            {r.queueLatest.toLocaleString('en-US', { maximumFractionDigits: 1 })}
          </span>
        ),
    },
  ];
  return (
    <SortableTable
      caption="Services"
      testId="service-table"
      rows={rows}
      columns={columns}
      rowKey={(r) => r.service}
      initialSort={{ key: 'rps', desc: true }}
      rowClass={(r) => (r.verdict?.regression ? 'bg-red-50/70 dark:bg-red-950/30' : '')}
    />
  );
}
