'use client';

import { type ReactNode, useState } from 'react';

export interface Column<R> {
  key: string;
  header: string;
  /** Sort value; absent = not sortable. Nulls sort last. */
  sort?: (r: R) => number | string | null;
  cell: (r: R) => ReactNode;
  align?: 'left' | 'right';
}

/** A table sortable by clicking (or pressing Enter/Space on) its headers; aria-sort tells screen readers. */
export function SortableTable<R>({
  rows,
  columns,
  rowKey,
  initialSort,
  rowClass,
  testId,
  caption,
}: {
  rows: R[];
  columns: Column<R>[];
  rowKey: (r: R) => string;
  initialSort: { key: string; desc: boolean };
  rowClass?: (r: R) => string;
  testId?: string;
  caption: string;
}) {
  const [sort, setSort] = useState(initialSort);
  const col = columns.find((c) => c.key === sort.key);
  const sorted = col?.sort ? [...rows].sort((a, b) => compare(col.sort!(a), col.sort!(b), sort.desc)) : rows;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            {columns.map((c) => {
              const active = sort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}
                  className={`px-3 py-2 font-medium ${c.align === 'right' ? 'text-right' : 'text-left'}`}
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 rounded hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-white"
                      onClick={() => setSort({ key: c.key, desc: active ? !sort.desc : true })}
                    >
                      {c.header}
                      <span aria-hidden="true">{active ? (sort.desc ? '▼' : '▲') : '↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr
              key={rowKey(r)}
              data-key={rowKey(r)}
              className={`border-t border-slate-100 dark:border-slate-800 ${rowClass?.(r) ?? ''}`}
            >
              {columns.map((c) => (
                <td
                  key={c.key}
                  data-col={c.key}
                  className={`px-3 py-2 align-top ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}
                >
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function compare(a: number | string | null, b: number | string | null, desc: boolean): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  return desc ? -c : c;
}
