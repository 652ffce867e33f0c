'use client';

import { type ReactNode, useEffect, useId, useState } from 'react';

/**
 * A chart card: title, a "view as table" toggle, and a fixed-height body. `data-chart` names the chart
 * and `data-ready="true"` is set once it has drawn data (the UI benchmark and browser tests wait on it).
 */
export function ChartFrame({
  name,
  title,
  subtitle,
  hasData,
  height = 240,
  chart,
  table,
  empty = 'No requests in this range.',
}: {
  name: string;
  title: string;
  subtitle?: ReactNode;
  hasData: boolean;
  height?: number;
  chart: ReactNode;
  table: ReactNode;
  empty?: string;
}) {
  const [asTable, setAsTable] = useState(false);
  const [drawn, setDrawn] = useState(false);
  const headingId = useId();
  // After commit: the SVG is in the document.
  useEffect(() => setDrawn(hasData), [hasData]);
  return (
    <section
      aria-labelledby={headingId}
      data-chart={name}
      data-ready={drawn ? 'true' : 'false'}
      data-empty={hasData ? 'false' : 'true'}
      className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="mb-2 flex items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-sm font-semibold">
            {title}
          </h3>
          {subtitle ? <p className="text-xs text-slate-500 dark:text-slate-400">{subtitle}</p> : null}
        </div>
        <button
          type="button"
          aria-pressed={asTable}
          onClick={() => setAsTable(!asTable)}
          className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800"
        >
          {asTable ? 'View as chart' : 'View as table'}
        </button>
      </header>
      {!hasData ? (
        <p className="flex items-center justify-center text-sm text-slate-500" style={{ height }}>
          {empty}
        </p>
      ) : asTable ? (
        <div className="overflow-auto" style={{ maxHeight: height + 120 }}>
          {table}
        </div>
      ) : (
        <div className="text-slate-500 dark:text-slate-400" style={{ height }}>
          {chart}
        </div>
      )}
    </section>
  );
}

export const tableClass =
  'w-full text-left text-xs tabular-nums [&_td]:border-t [&_td]:border-slate-100 [&_td]:px-2 [&_td]:py-1 [&_th]:px-2 [&_th]:py-1 [&_th]:font-medium dark:[&_td]:border-slate-800';
