'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';

// Loading, error and empty states shared by every dashboard page.

export function Skeleton({ className = 'h-64' }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={`animate-pulse rounded-lg bg-slate-200/70 dark:bg-slate-800/70 ${className}`}
      data-testid="skeleton"
    />
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const message = error instanceof Error ? error.message : 'The request failed.';
  return (
    <div
      role="alert"
      data-testid="error-state"
      className="flex items-center justify-between gap-4 rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-200"
    >
      <span>
        <strong className="font-semibold">Could not load this data.</strong> {message}
      </span>
      <button
        type="button"
        onClick={onRetry}
        className="rounded-md border border-red-400 px-3 py-1 font-medium hover:bg-red-100 focus-visible:outline-2 focus-visible:outline-red-600 dark:hover:bg-red-900"
      >
        Retry
      </button>
    </div>
  );
}

/** No requests in the range: show exactly how to send some (OpenTelemetry SDK environment variables). */
export function EmptyState({ projectId, what = 'requests' }: { projectId: number; what?: string }) {
  const [origin, setOrigin] = useState('https://tailwatch.example.com');
  useEffect(() => setOrigin(window.location.origin), []);
  const snippet = [
    `OTEL_EXPORTER_OTLP_ENDPOINT=${origin}`,
    // The spec's header list is URL-encoded: the space after Bearer is %20.
    'OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20<your tw_ingest_ key>"',
    'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
    'OTEL_SERVICE_NAME=checkout-api',
    'OTEL_RESOURCE_ATTRIBUTES="service.version=1.4.2,deployment.environment.name=production"',
  ].join('\n');
  return (
    <section
      data-testid="empty-state"
      className="rounded-lg border border-dashed border-slate-300 bg-white p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-base font-semibold">No {what} in this range yet</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Point any OpenTelemetry SDK or Collector at this Tailwatch (traces go to <code>{origin}/v1/traces</code>,
        metrics to <code>{origin}/v1/metrics</code>) with these environment variables, then widen the time range.
      </p>
      <pre className="mt-3 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs leading-5 text-slate-100">
        <code>{snippet}</code>
      </pre>
      <p className="mt-3 text-sm">
        <Link
          className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300"
          href={`/projects/${projectId}/settings`}
        >
          Create an ingest key in the project settings
        </Link>{' '}
        and paste it in place of <code>&lt;your tw_ingest_ key&gt;</code>.
      </p>
    </section>
  );
}

/** A query's state in one place: skeleton first, error with retry, else the content. */
export function QueryGate<T>({
  query,
  skeleton,
  children,
}: {
  query: { data: T | undefined; error: unknown; isError: boolean; refetch: () => unknown };
  skeleton?: React.ReactNode;
  children: (data: T) => React.ReactNode;
}) {
  if (query.isError && query.data === undefined)
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data === undefined) return <>{skeleton ?? <Skeleton />}</>;
  return (
    <>
      {query.isError ? <ErrorState error={query.error} onRetry={() => void query.refetch()} /> : null}
      {children(query.data)}
    </>
  );
}
