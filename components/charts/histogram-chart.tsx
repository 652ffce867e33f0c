'use client';

import { type KeyboardEvent, useState } from 'react';
import { tableClass } from './chart-frame';
import { boundLabel, type HeatmapData } from './heatmap-chart';
import { niceScale, useWidth } from './use-width';

export interface HistogramBin {
  label: string;
  count: number;
}

/** Latency distribution over the whole range: the heatmap's columns summed per latency bucket. */
export function histogramBins(data: HeatmapData): HistogramBin[] {
  const sums = data.bounds.map(() => 0);
  for (const c of data.columns) {
    c.counts.forEach((n, i) => {
      sums[i] += n;
    });
  }
  return sums.map((count, i) => ({ label: boundLabel(data.bounds, i), count }));
}

const M = { top: 10, right: 8, bottom: 22, left: 56 };

/** Bars per latency bucket; hover or arrow keys show the exact count. */
export function HistogramChart({ bins, height = 240 }: { bins: HistogramBin[]; height?: number }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [active, setActive] = useState<number | null>(null);
  const w = Math.max(width - M.left - M.right, 10);
  const h = height - M.top - M.bottom;
  const { max, step } = niceScale(Math.max(...bins.map((b) => b.count)));
  const bw = w / Math.max(bins.length, 1);
  const y = (v: number) => M.top + h - (v / max) * h;
  const every = Math.ceil(bins.length / Math.max(1, Math.floor(w / 70)));
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowRight') setActive((a) => Math.min(bins.length - 1, (a ?? -1) + 1));
    else if (e.key === 'ArrowLeft') setActive((a) => Math.max(0, (a ?? bins.length) - 1));
    else if (e.key === 'Escape') setActive(null);
    else return;
    e.preventDefault();
  };
  const bin = active === null ? null : bins[active];
  return (
    <div ref={ref} className="relative h-full w-full">
      <svg
        width={width}
        height={height}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the arrow keys walk the bars (the table view has them all)
        tabIndex={0}
        role="img"
        aria-label="Requests per latency bucket; arrow keys step through the buckets"
        className="block focus-visible:outline-2 focus-visible:outline-indigo-500"
        onKeyDown={onKey}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
        onMouseMove={(e) => {
          const i = Math.floor((e.clientX - e.currentTarget.getBoundingClientRect().left - M.left) / bw);
          setActive(i >= 0 && i < bins.length ? i : null);
        }}
      >
        {Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={M.left + w} y1={y(v)} y2={y(v)} stroke="currentColor" strokeOpacity={0.15} />
            <text x={M.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" fontSize={11} fill="currentColor">
              {v.toLocaleString('en-US')}
            </text>
          </g>
        ))}
        {bins.map((b, i) => (
          <g key={b.label}>
            <rect
              x={M.left + i * bw + 1}
              y={y(b.count)}
              width={Math.max(bw - 2, 1)}
              height={M.top + h - y(b.count)}
              fill="#6366f1"
              fillOpacity={active === i ? 1 : 0.8}
            />
            {i % every === 0 ? (
              <text x={M.left + i * bw + bw / 2} y={height - 6} fontSize={10} textAnchor="middle" fill="currentColor">
                {b.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      {bin && active !== null ? (
        <div
          role="status"
          className="pointer-events-none absolute top-2 z-10 rounded-md border border-slate-200 bg-white px-3 py-2 text-xs text-slate-900 shadow-md dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          style={{ left: Math.min(M.left + active * bw, width - 160) }}
        >
          <div className="font-medium">{bin.label}</div>
          <div className="tabular-nums">{bin.count.toLocaleString('en-US')} requests</div>
        </div>
      ) : null}
    </div>
  );
}

export function HistogramTable({ bins }: { bins: HistogramBin[] }) {
  return (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col">Latency</th>
          <th scope="col" className="text-right">
            Requests
          </th>
        </tr>
      </thead>
      <tbody>
        {bins.map((b) => (
          <tr key={b.label}>
            <td>{b.label}</td>
            <td className="text-right">{b.count.toLocaleString('en-US')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
