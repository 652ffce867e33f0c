'use client';

import { formatLocal, formatMs, utcTitle } from '@/components/dashboard/format';
import { tableClass } from './chart-frame';
import { timeTick } from './time-axis';

export interface HeatmapData {
  step: number; // seconds
  bounds: (number | null)[];
  columns: { t: string; counts: number[] }[];
}

export function boundLabel(bounds: (number | null)[], i: number): string {
  const upper = bounds[i];
  const lower = i > 0 ? bounds[i - 1] : 0;
  if (upper === null) return `> ${formatMs(lower)}`;
  return `≤ ${formatMs(upper)}`;
}

/**
 * Time × latency bucket; darker = more requests (log scale). Cells in a stretched SVG, labels in HTML so
 * text never stretches with it.
 */
export function HeatmapChart({ data, fromMs, toMs }: { data: HeatmapData; fromMs: number; toMs: number }) {
  const W = 1000;
  const H = 200;
  const rows = data.bounds.length;
  const max = Math.max(1, ...data.columns.flatMap((c) => c.counts));
  const stepMs = data.step * 1000;
  const x = (ms: number) => ((ms - fromMs) / (toMs - fromMs)) * W;
  const cellH = H / rows;
  const tick = timeTick(toMs - fromMs);
  const every = Math.ceil(rows / 6);
  return (
    <div className="grid h-full grid-cols-[64px_1fr] grid-rows-[1fr_20px] text-[11px]">
      <div className="relative">
        {data.bounds.map((b, i) =>
          i % every === 0 ? (
            <span
              key={String(b)}
              className="absolute right-1.5 -translate-y-1/2 whitespace-nowrap"
              style={{ top: `${100 - ((i + 0.5) / rows) * 100}%` }}
            >
              {boundLabel(data.bounds, i)}
            </span>
          ) : null,
        )}
      </div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="h-full w-full"
        role="img"
        aria-label="Latency heatmap (the table view lists every cell)"
      >
        {data.columns.flatMap((c) => {
          const t = Date.parse(c.t);
          const x0 = Math.max(0, x(t));
          const w = Math.max(1, Math.min(W, x(t + stepMs)) - x0);
          return c.counts.map((n, i) =>
            n > 0 ? (
              <rect
                key={`${c.t}-${String(data.bounds[i])}`}
                x={x0}
                y={H - (i + 1) * cellH}
                width={w}
                height={cellH}
                fill="#6366f1"
                fillOpacity={0.15 + 0.85 * (Math.log1p(n) / Math.log1p(max))}
              >
                <title>{`${formatLocal(t)} (${utcTitle(t)}): ${n.toLocaleString('en-US')} requests ${boundLabel(data.bounds, i)}`}</title>
              </rect>
            ) : null,
          );
        })}
      </svg>
      <div />
      <div className="relative">
        {[0, 0.25, 0.5, 0.75, 1].map((f) => (
          <span
            key={f}
            className="absolute top-1 whitespace-nowrap"
            style={
              f === 1 ? { right: 0 } : { left: `${f * 100}%`, transform: f === 0 ? undefined : 'translateX(-50%)' }
            }
          >
            {tick(fromMs + f * (toMs - fromMs))}
          </span>
        ))}
      </div>
    </div>
  );
}

export function HeatmapTable({ data }: { data: HeatmapData }) {
  return (
    <table className={tableClass}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          {data.bounds.map((b, i) => (
            <th key={String(b)} scope="col" className="text-right">
              {boundLabel(data.bounds, i)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.columns.map((c) => (
          <tr key={c.t}>
            <td title={utcTitle(c.t)}>{formatLocal(c.t)}</td>
            {c.counts.map((n, i) => (
              <td key={String(data.bounds[i])} className="text-right">
                {n}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
