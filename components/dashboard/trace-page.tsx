'use client';

import { Fragment, useState } from 'react';
import { ApiRequestError } from '@/components/alerts/api-client';
import { exactMs, formatMs, utcTitle } from './format';
import { PageHeader } from './page-header';
import { useTraceQuery } from './queries';
import { QueryClientGuard } from './query-client-guard';
import { ErrorState, Skeleton } from './states';
import { TraceSearch } from './toolbar';
import { serviceColor, waterfallOrder } from './waterfall-order';

export function TracePage({ projectId, traceId }: { projectId: number; traceId: string }) {
  return (
    <QueryClientGuard>
      <Trace projectId={projectId} traceId={traceId} />
    </QueryClientGuard>
  );
}

function Trace({ projectId, traceId }: { projectId: number; traceId: string }) {
  const trace = useTraceQuery(projectId, traceId);
  const [open, setOpen] = useState<string | null>(null);
  const notFound = trace.error instanceof ApiRequestError && (trace.error.status === 404 || trace.error.status === 400);
  return (
    <div className="flex flex-col gap-4" data-page="trace">
      <PageHeader
        title={`Trace ${traceId}`}
        crumbs={[{ label: 'Overview', href: `/projects/${projectId}` }, { label: 'Trace' }]}
      >
        <TraceSearch projectId={projectId} />
      </PageHeader>
      {trace.isPending ? <Skeleton className="h-80" /> : null}
      {notFound ? (
        <p
          data-testid="trace-not-found"
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
        >
          No span of trace <code>{traceId}</code> is stored in this project (it may be older than the retention, or not
          sent yet).
        </p>
      ) : trace.isError ? (
        <ErrorState error={trace.error} onRetry={() => void trace.refetch()} />
      ) : null}
      {trace.data ? <Waterfall spans={trace.data.spans} open={open} setOpen={setOpen} /> : null}
    </div>
  );
}

function Waterfall({
  spans,
  open,
  setOpen,
}: {
  spans: import('@/lib/analytics/get-trace').TraceSpan[];
  open: string | null;
  setOpen: (id: string | null) => void;
}) {
  const rows = waterfallOrder(spans);
  const start = Math.min(...spans.map((s) => s.startMs));
  const end = Math.max(...spans.map((s) => s.startMs + s.durationMs));
  const total = Math.max(end - start, 0.001);
  const services = [...new Set(spans.map((s) => s.service))];
  const errors = spans.filter((s) => s.isError || s.statusCode === 2).length;
  return (
    <section
      data-chart="waterfall"
      data-ready="true"
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-3 flex flex-wrap items-center gap-4 text-sm">
        <span title={utcTitle(start)}>
          {new Date(start).toLocaleString()} · <strong data-testid="trace-duration">{formatMs(total)}</strong> ·{' '}
          {spans.length === 1 ? '1 span' : `${spans.length} spans`}
          {errors > 0 ? (
            <span className="ml-2 font-medium text-red-600 dark:text-red-400">{errors} with errors</span>
          ) : null}
        </span>
        <span className="flex flex-wrap gap-3" title="Services">
          {services.map((s) => (
            <span key={s} className="inline-flex items-center gap-1 text-xs">
              <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ background: serviceColor(s) }} />
              {s}
            </span>
          ))}
        </span>
      </div>
      <table className="w-full table-fixed text-xs" data-testid="waterfall">
        <caption className="sr-only">Spans of the trace in start order, indented by parent</caption>
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="w-2/5 pb-1 font-medium">
              Span
            </th>
            <th scope="col" className="w-20 pb-1 text-right font-medium">
              Duration
            </th>
            <th scope="col" className="pb-1 pl-3 font-medium">
              Timeline (0 – {formatMs(total)})
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ span: s, depth }) => {
            const failed = s.isError || s.statusCode === 2;
            const left = ((s.startMs - start) / total) * 100;
            const width = Math.max((s.durationMs / total) * 100, 0.3);
            const expanded = open === s.spanId;
            return (
              <Fragment key={s.spanId}>
                <tr
                  className={`border-t border-slate-100 dark:border-slate-800 ${failed ? 'bg-red-50/60 dark:bg-red-950/30' : ''}`}
                >
                  <td className="py-1 pr-2">
                    <button
                      type="button"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : s.spanId)}
                      className="flex w-full items-center gap-1.5 truncate rounded text-left focus-visible:outline-2 focus-visible:outline-indigo-500"
                      style={{ paddingLeft: depth * 14 }}
                      title={`${s.service}: ${s.name}`}
                    >
                      <span
                        className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm"
                        style={{ background: serviceColor(s.service) }}
                      />
                      <span className="truncate">
                        <span className="text-slate-500">{s.service}</span> {s.name}
                      </span>
                      {failed ? (
                        <span className="shrink-0 rounded bg-red-600 px-1 text-[10px] font-medium text-white">
                          error
                        </span>
                      ) : null}
                    </button>
                  </td>
                  <td className="py-1 text-right tabular-nums" title={exactMs(s.durationMs)}>
                    {formatMs(s.durationMs)}
                  </td>
                  <td className="py-1 pl-3">
                    <div className="relative h-3 rounded bg-slate-100 dark:bg-slate-800">
                      <div
                        className="absolute top-0 h-3 rounded"
                        style={{
                          left: `${left}%`,
                          width: `${width}%`,
                          background: failed ? '#dc2626' : serviceColor(s.service),
                        }}
                        title={`starts at +${exactMs(s.startMs - start)}, lasts ${exactMs(s.durationMs)}`}
                      />
                    </div>
                  </td>
                </tr>
                {expanded ? (
                  <tr>
                    <td colSpan={3} className="bg-slate-50 p-3 dark:bg-slate-800/50">
                      <SpanDetails span={s} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function SpanDetails({ span: s }: { span: import('@/lib/analytics/get-trace').TraceSpan }) {
  const fields: [string, string][] = [
    ['span id', s.spanId],
    ['start', `${new Date(s.startMs).toLocaleString()} (${utcTitle(s.startMs)})`],
    ['duration', exactMs(s.durationMs)],
    [
      'status',
      `${['unset', 'ok', 'error'][s.statusCode] ?? s.statusCode}${s.statusMessage ? `: ${s.statusMessage}` : ''}`,
    ],
    ['release', s.release],
    ['environment', s.environment],
    ['route', `${s.method} ${s.route}`.trim()],
    ['http status', s.httpStatus ? String(s.httpStatus) : ''],
  ];
  const attrs = Object.entries({ ...s.resource, ...s.attributes });
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 font-mono text-[11px]" data-testid="span-details">
      {[
        ...fields.filter(([, v]) => v),
        ...attrs.map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]),
      ].map(([k, v]) => (
        <Fragment key={k}>
          <dt className="text-slate-500">{k}</dt>
          <dd className="break-all">{v}</dd>
        </Fragment>
      ))}
      {s.events.length > 0 ? (
        <>
          <dt className="text-slate-500">events</dt>
          <dd className="break-all">{JSON.stringify(s.events)}</dd>
        </>
      ) : null}
    </dl>
  );
}
