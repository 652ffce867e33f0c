'use client';

import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatLocal, utcTitle } from '@/components/dashboard/format';
import { tableClass } from './chart-frame';
import { type ReleaseMarker, timeTick, tooltipTime } from './time-axis';

export interface LineSpec {
  key: string;
  name: string;
  color: string;
}

export type TimeRow = { t: number } & Record<string, number | null>;

/** Lines over time with release markers; values formatted by `format` (units included). */
export function TimeSeriesChart({
  rows,
  lines,
  format,
  exact,
  fromMs,
  toMs,
  releases = [],
}: {
  rows: TimeRow[];
  lines: LineSpec[];
  format: (v: number) => string;
  exact?: (v: number) => string;
  fromMs: number;
  toMs: number;
  releases?: ReleaseMarker[];
}) {
  const tick = timeTick(toMs - fromMs);
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <LineChart data={rows} margin={{ top: 14, right: 12, bottom: 0, left: 4 }} accessibilityLayer>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={[fromMs, toMs]}
          tickFormatter={tick}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          minTickGap={40}
        />
        <YAxis
          tickFormatter={format}
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={64}
        />
        <Tooltip
          content={(p) => (
            <TimeTooltip {...(p as TooltipContentProps<number, string>)} lines={lines} format={exact ?? format} />
          )}
          isAnimationActive={false}
        />
        {releases
          .filter((r) => r.atMs >= fromMs && r.atMs <= toMs)
          .map((r) => (
            <ReferenceLine
              key={r.release}
              x={r.atMs}
              stroke="#f59e0b"
              strokeDasharray="4 3"
              label={{ value: r.release, position: 'insideTopLeft', fill: '#d97706', fontSize: 10 }}
            />
          ))}
        {lines.map((l) => (
          <Line
            key={l.key}
            dataKey={l.key}
            name={l.name}
            stroke={l.color}
            dot={false}
            strokeWidth={1.75}
            isAnimationActive={false}
            connectNulls={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

function TimeTooltip({
  active,
  payload,
  label,
  lines,
  format,
}: TooltipContentProps<number, string> & { lines: LineSpec[]; format: (v: number) => string }) {
  if (!active || !payload?.length) return null;
  const row = payload[0].payload as TimeRow;
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md dark:border-slate-700 dark:bg-slate-900">
      <div className="mb-1 font-medium">{tooltipTime(Number(label))}</div>
      {lines.map((l) => (
        <div key={l.key} className="flex justify-between gap-4">
          <span style={{ color: l.color }}>{l.name}</span>
          <span className="tabular-nums">
            {row[l.key] === null || row[l.key] === undefined ? '–' : format(row[l.key] as number)}
          </span>
        </div>
      ))}
      {typeof row.count === 'number' ? (
        <div className="mt-1 text-slate-500">n = {row.count.toLocaleString('en-US')}</div>
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
