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

/** Time × latency bucket; darker = more requests (log scale). Plain SVG: one rect per non-empty cell. */
export function HeatmapChart({ data, fromMs, toMs }: { data: HeatmapData; fromMs: number; toMs: number }) {
  const W = 1000;
  const H = 220;
  const left = 64;
  const bottom = 18;
  const rows = data.bounds.length;
  const max = Math.max(1, ...data.columns.flatMap((c) => c.counts));
  const stepMs = data.step * 1000;
  const x = (ms: number) => left + ((ms - fromMs) / (toMs - fromMs)) * (W - left);
  const cellH = (H - bottom) / rows;
  const tick = timeTick(toMs - fromMs);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => fromMs + f * (toMs - fromMs));
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      className="h-full w-full"
      role="img"
      aria-label="Latency heatmap"
    >
      {data.bounds.map((_, i) =>
        i % Math.ceil(rows / 6) === 0 ? (
          <text
            key={`y${String(data.bounds[i])}`}
            x={left - 4}
            y={H - bottom - i * cellH - cellH / 2}
            textAnchor="end"
            dominantBaseline="middle"
            fontSize={10}
            fill="currentColor"
          >
            {boundLabel(data.bounds, i)}
          </text>
        ) : null,
      )}
      {data.columns.flatMap((c) => {
        const t = Date.parse(c.t);
        const x0 = Math.max(left, x(t));
        const w = Math.max(1, Math.min(W, x(t + stepMs)) - x0);
        return c.counts.map((n, i) =>
          n > 0 ? (
            <rect
              key={`${c.t}-${String(data.bounds[i])}`}
              x={x0}
              y={H - bottom - (i + 1) * cellH}
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
      {ticks.map((t) => (
        <text key={t} x={x(t)} y={H - 4} fontSize={10} textAnchor="middle" fill="currentColor">
          {tick(t)}
        </text>
      ))}
    </svg>
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
