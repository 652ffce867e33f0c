'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { useReleasesQuery } from './queries';
import { RANGE_PRESETS, REFRESH_OPTIONS, type RefreshKey } from './time-range';
import type { DashboardViewState } from './use-dashboard-view';

/** The look of the toolbar's inputs and selects. */
const field =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500';

/**
 * A filter by one of `names` ('' = all). A value from the URL that the list lacks (nothing of it in this range)
 * stays selectable, so the select shows what filters the page.
 */
export function NameFilter({
  label,
  value,
  names,
  onChange,
}: {
  label: string;
  value: string;
  names: readonly string[];
  onChange: (name: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
      {label}
      <select className={field} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">all</option>
        {value && !names.includes(value) ? <option value={value}>{value}</option> : null}
        {names.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Time range, environment and release filters, auto-refresh: all written to the URL. */
export function Toolbar({
  projectId,
  state,
  service,
}: {
  projectId: number;
  state: DashboardViewState;
  service?: string;
}) {
  const { view, setView, range } = state;
  const releases = useReleasesQuery(projectId, { fromMs: range.fromMs, toMs: range.toMs, service });
  const releaseNames = [...new Set((releases.data?.releases ?? []).map((r) => r.release))];
  const [env, setEnv] = useState(view.environment);
  useEffect(() => setEnv(view.environment), [view.environment]);

  return (
    <div className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-500">Time range</legend>
        <div className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
          {RANGE_PRESETS.map((p) => (
            <button
              key={p.key}
              type="button"
              aria-pressed={view.range === p.key}
              onClick={() => setView({ range: p.key, from: '', to: '' })}
              className="px-2.5 py-1 text-sm aria-pressed:bg-indigo-600 aria-pressed:text-white hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 dark:aria-pressed:bg-indigo-500"
            >
              {p.label}
            </button>
          ))}
          <CustomRange state={state} />
        </div>
      </fieldset>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        Environment
        <input
          className={field}
          value={env}
          placeholder="all"
          onChange={(e) => setEnv(e.target.value)}
          onBlur={() => env !== view.environment && setView({ environment: env.trim() })}
          onKeyDown={(e) => e.key === 'Enter' && setView({ environment: env.trim() })}
        />
      </label>
      <NameFilter
        label="Release"
        value={view.release}
        names={releaseNames}
        onChange={(release) => setView({ release })}
      />
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
        Auto-refresh
        <select
          className={field}
          value={view.refresh}
          onChange={(e) => setView({ refresh: e.target.value as RefreshKey })}
        >
          {REFRESH_OPTIONS.map((r) => (
            <option key={r.key} value={r.key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={state.refresh}
        className={`${field} font-medium hover:bg-slate-100 dark:hover:bg-slate-800`}
      >
        Refresh
      </button>
      <TraceSearch projectId={projectId} />
    </div>
  );
}

function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

function CustomRange({ state }: { state: DashboardViewState }) {
  const { view, setView, range } = state;
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const start = () => {
    setFrom(toLocalInput(range.fromMs));
    setTo(toLocalInput(range.toMs));
    setOpen(!open);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const f = new Date(from);
    const t = new Date(to);
    if (Number.isNaN(f.getTime()) || Number.isNaN(t.getTime()) || f >= t) return;
    setOpen(false);
    setView({ range: 'custom', from: f.toISOString(), to: t.toISOString() });
  };
  return (
    <>
      <button
        type="button"
        aria-pressed={view.range === 'custom'}
        aria-expanded={open}
        onClick={start}
        className="px-2.5 py-1 text-sm aria-pressed:bg-indigo-600 aria-pressed:text-white hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
      >
        Custom
      </button>
      {open ? (
        <form onSubmit={apply} className="flex items-center gap-1 border-l border-slate-300 px-2 dark:border-slate-700">
          <label className="sr-only" htmlFor="range-from">
            From
          </label>
          <input
            id="range-from"
            type="datetime-local"
            className={field}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
          <span aria-hidden="true">–</span>
          <label className="sr-only" htmlFor="range-to">
            To
          </label>
          <input
            id="range-to"
            type="datetime-local"
            className={field}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
          <button type="submit" className={field}>
            Apply
          </button>
        </form>
      ) : null}
    </>
  );
}

/** Jump to a trace by id (32 hex characters). */
export function TraceSearch({ projectId }: { projectId: number }) {
  const router = useRouter();
  const [id, setId] = useState('');
  const valid = /^[0-9a-f]{32}$/i.test(id.trim());
  return (
    <search className="ml-auto">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) router.push(`/projects/${projectId}/traces/${id.trim().toLowerCase()}`);
        }}
      >
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-500">
          Trace id
          <input
            className={`${field} w-72 font-mono`}
            value={id}
            placeholder="32 hex characters"
            aria-invalid={id !== '' && !valid}
            onChange={(e) => setId(e.target.value)}
          />
        </label>
        <button type="submit" disabled={!valid} className={`${field} font-medium disabled:opacity-50`}>
          Open trace
        </button>
      </form>
    </search>
  );
}
