'use client';

import { type KeyboardEvent, useState } from 'react';
import { formatLocal, utcTitle } from '@/components/dashboard/format';
import { tableClass } from './chart-frame';
import { type ReleaseMarker, timeTick, tooltipTime } from './time-axis';
import { niceScale, useWidth } from './use-width';

// Lines over time in plain SVG (a charting library would double the dashboard's JavaScript): axes,
// release markers, a crosshair tooltip with exact values that follows the mouse or the arrow keys.

export interface LineSpec {
  key: string;
  name: string;
  color: string;
}

export type TimeRow = { t: number } & Record<string, number | null>;

const M = { top: 14, right: 12, bottom: 22, left: 64 };

export function TimeSeriesChart({
  rows,
  lines,
  format,
  exact,
  fromMs,
  toMs,
  releases = [],
  height = 240,
}: {
  rows: TimeRow[];
  lines: LineSpec[];
  format: (v: number) => string;
  exact?: (v: number) => string;
  fromMs: number;
  toMs: number;
  releases?: ReleaseMarker[];
  height?: number;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const w = Math.max(width - M.left - M.right, 10);
  const h = height - M.top - M.bottom;
  let top = 0;
  for (const r of rows) for (const l of lines) if ((r[l.key] ?? 0) > top) top = r[l.key] as number;
  const { max, step } = niceScale(top);
  const x = (t: number) => M.left + ((t - fromMs) / (toMs - fromMs)) * w;
  const y = (v: number) => M.top + h - (v / max) * h;
  const tick = timeTick(toMs - fromMs);
  const xTicks = Math.max(2, Math.floor(w / 110));
  const yTicks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);

  const path = (key: string) => {
    let d = '';
    let pen = false;
    for (const r of rows) {
      const v = r[key];
      if (v === null || v === undefined || r.t < fromMs || r.t > toMs) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${x(r.t).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    }
    return d;
  };

  const pick = (clientX: number, rect: DOMRect) => {
    if (rows.length === 0) return;
    const t = fromMs + ((clientX - rect.left - M.left) / w) * (toMs - fromMs);
    let best = 0;
    for (let i = 1; i < rows.length; i++) if (Math.abs(rows[i].t - t) < Math.abs(rows[best].t - t)) best = i;
    setActive(best);
  };
  const onKey = (e: KeyboardEvent) => {
    if (rows.length === 0) return;
    if (e.key === 'ArrowRight') setActive((a) => Math.min(rows.length - 1, (a ?? -1) + 1));
    else if (e.key === 'ArrowLeft') setActive((a) => Math.max(0, (a ?? rows.length) - 1));
    else if (e.key === 'Escape') setActive(null);
    else return;
    e.preventDefault();
  };
  const row = active === null ? null : rows[active];
  const fmt = exact ?? format;

  return (
    <div ref={ref} className="relative h-full w-full">
      <svg
        width={width}
        height={height}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the arrow keys walk the points (the table view has them all)
        tabIndex={0}
        role="img"
        aria-label={`${lines.map((l) => l.name).join(', ')} over time; arrow keys step through the points`}
        className="block focus-visible:outline-2 focus-visible:outline-indigo-500"
        onMouseMove={(e) => pick(e.clientX, e.currentTarget.getBoundingClientRect())}
        onMouseLeave={() => setActive(null)}
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
      >
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={M.left + w} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="currentColor">
              {format(v)}
            </text>
          </g>
        ))}
        {Array.from({ length: xTicks + 1 }, (_, i) => fromMs + (i / xTicks) * (toMs - fromMs)).map((t, i) => (
          <text
            key={t}
            x={x(t)}
            y={height - 6}
            fontSize={11}
            fill="currentColor"
            textAnchor={i === 0 ? 'start' : i === xTicks ? 'end' : 'middle'}
          >
            {tick(t)}
          </text>
        ))}
        {releases
          .filter((r) => r.atMs >= fromMs && r.atMs <= toMs)
          .map((r, i) => (
            <g key={r.release}>
              <line x1={x(r.atMs)} x2={x(r.atMs)} y1={M.top} y2={M.top + h} stroke="#f59e0b" strokeDasharray="4 3" />
              {/* Staggered: releases deployed close together must not print over each other. */}
              <text x={x(r.atMs) + 3} y={M.top + 8 + (i % 3) * 11} fontSize={10} fill="#d97706">
                {r.release}
              </text>
            </g>
          ))}
        {lines.map((l) => (
          <path
            key={l.key}
            d={path(l.key)}
            fill="none"
            stroke={l.color}
            strokeWidth={1.75}
            strokeLinejoin="round"
            data-line={l.key}
          />
        ))}
        {row ? (
          <g>
            <line x1={x(row.t)} x2={x(row.t)} y1={M.top} y2={M.top + h} stroke="currentColor" strokeOpacity={0.4} />
            {lines.map((l) =>
              row[l.key] === null || row[l.key] === undefined ? null : (
                <circle key={l.key} cx={x(row.t)} cy={y(row[l.key] as number)} r={3} fill={l.color} />
              ),
            )}
          </g>
        ) : null}
      </svg>
      {row ? (
        <div
          role="status"
          className="pointer-events-none absolute top-2 z-10 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          style={x(row.t) > width / 2 ? { right: width - x(row.t) + 8 } : { left: x(row.t) + 8 }}
        >
          <div className="mb-1 font-medium whitespace-nowrap">{tooltipTime(row.t)}</div>
          {lines.map((l) => (
            <div key={l.key} className="flex justify-between gap-4">
              <span style={{ color: l.color }}>{l.name}</span>
              <span className="tabular-nums">
                {row[l.key] === null || row[l.key] === undefined ? '–' : fmt(row[l.key] as number)}
              </span>
            </div>
          ))}
          {typeof row.count === 'number' ? (
            <div className="mt-1 text-slate-500">n = {row.count.toLocaleString('en-US')}</div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The same rows as a table (the "view as table" of a time chart). */
export function TimeSeriesTable({
  rows,
  lines,
  format,
}: {
  rows: TimeRow[];
  lines: LineSpec[];
  format: (v: number) => string;
}) {
  return (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          {lines.map((l) => (
            <th key={l.key} scope="col" className="text-right">
              {l.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.t}>
            <td title={utcTitle(r.t)}>{formatLocal(r.t)}</td>
            {lines.map((l) => (
              <td key={l.key} className="text-right">
                {r[l.key] === null || r[l.key] === undefined ? '–' : format(r[l.key] as number)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
