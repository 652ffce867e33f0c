'use client';

import Link from 'next/link';
import { formatLocal, formatMs, utcTitle } from './format';
import type { ExemplarsResponse } from './queries';

type Item = { id: string; at: string; extra: string; series: string | null };

/** `service · METHOD route` of an exemplar. */
const seriesLabel = (e: { service: string; route: string; method: string }) =>
  `${e.service} · ${e.method ? `${e.method} ` : ''}${e.route || '(no route)'}`;

/**
 * The slowest and the most recent failed requests of the scope, each opening its trace; with `showSeries`
 * (a scope wider than one route), each names the service and route it came through.
 */
export function ExemplarsList({
  data,
  traceHref,
  showSeries = false,
}: {
  data: ExemplarsResponse;
  traceHref: (id: string) => string;
  showSeries?: boolean;
}) {
  const series = (e: { service: string; route: string; method: string }) => (showSeries ? seriesLabel(e) : null);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <List
        title="Slowest requests"
        testId="exemplars-slowest"
        items={data.slowest.map((e) => ({ id: e.traceId, at: e.at, extra: formatMs(e.durationMs), series: series(e) }))}
        traceHref={traceHref}
      />
      <List
        title="Failed requests"
        testId="exemplars-failed"
        items={data.failed.map((e) => ({ id: e.traceId, at: e.at, extra: 'error', series: series(e) }))}
        traceHref={traceHref}
      />
    </div>
  );
}

function List({
  title,
  items,
  traceHref,
  testId,
}: {
  title: string;
  items: Item[];
  traceHref: (id: string) => string;
  testId: string;
}) {
  return (
    <section
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      data-testid={testId}
    >
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">None in this range.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {items.map((e) => (
            <li key={e.id} className="flex items-center justify-between gap-2 py-1.5">
              <span className="flex min-w-0 flex-col">
                <Link
                  className="font-mono text-xs text-indigo-700 hover:underline dark:text-indigo-300"
                  href={traceHref(e.id)}
                >
                  {e.id}
                </Link>
                {e.series && (
                  <span className="truncate text-xs text-slate-500" title={e.series}>
                    {e.series}
                  </span>
                )}
              </span>
              <span className="flex gap-3 text-xs text-slate-500">
                <span title={utcTitle(e.at)}>{formatLocal(e.at)}</span>
                <span className="w-16 text-right font-medium tabular-nums text-slate-700 dark:text-slate-200">
                  {e.extra}
                </span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
