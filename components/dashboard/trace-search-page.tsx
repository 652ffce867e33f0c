'use client';

import { PageHeader } from './page-header';
import { TraceSearch } from './toolbar';

/** /projects/:id/traces: open a trace by id (exemplar lists link straight to a trace). */
export function TraceSearchPage({ projectId }: { projectId: number }) {
  return (
    <div className="flex flex-col gap-4" data-page="trace-search">
      <PageHeader
        title="Find a trace"
        crumbs={[{ label: 'Overview', href: `/projects/${projectId}` }, { label: 'Traces' }]}
      />
      <div className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <TraceSearch projectId={projectId} />
        <p className="mt-2 text-xs text-slate-500">
          The id is the 32-hex-character W3C trace id (the <code>traceparent</code> header&apos;s second field).
        </p>
      </div>
    </div>
  );
}
