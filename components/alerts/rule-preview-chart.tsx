'use client';

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { RulePreview } from '@/lib/alerts/preview';
import type { Serialized } from './api-client';
import { seriesLabel } from './describe-rule';

const COLORS = ['#2563eb', '#9333ea', '#0d9488', '#ea580c', '#db2777', '#65a30d', '#0891b2', '#a16207'];
const time = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** Rows keyed s0..sN (series keys contain quotes and commas, unfit as Recharts data keys). */
function toRows(preview: Serialized<RulePreview>) {
  const rows = new Map<number, Record<string, number | null>>();
  preview.series.forEach((series, i) => {
    for (const point of series.points) {
      const row = rows.get(point.t) ?? { t: point.t };
      row[`s${i}`] = point.value;
      rows.set(point.t, row);
    }
  });
  return [...rows.values()].sort((a, b) => (a.t ?? 0) - (b.t ?? 0));
}

export function RulePreviewChart({
  preview,
  threshold,
}: {
  preview: Serialized<RulePreview>;
  threshold: number | null;
}) {
  const rows = toRows(preview);
  const fires = preview.series.flatMap((s) => s.fires.map((f) => ({ from: f.fromMs, to: f.toMs ?? preview.toMs })));
  return (
    <div className="h-72 w-full" data-testid="rule-preview-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.3} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[preview.fromMs, preview.toMs]}
            tickFormatter={time}
            fontSize={12}
          />
          <YAxis fontSize={12} width={56} />
          <Tooltip
            labelFormatter={(t) => new Date(Number(t)).toLocaleString()}
            formatter={(value) => (value === null || value === undefined ? 'no data' : `${value} ${preview.unit}`)}
          />
          {fires.map((f) => (
            <ReferenceArea key={`${f.from}-${f.to}`} x1={f.from} x2={f.to} fill="#ef4444" fillOpacity={0.15} />
          ))}
          {threshold !== null && <ReferenceLine y={threshold} stroke="#ef4444" strokeDasharray="6 3" />}
          {preview.series.map((series, i) => (
            <Line
              key={series.key}
              dataKey={`s${i}`}
              name={seriesLabel(series.labels)}
              stroke={COLORS[i % COLORS.length]}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          {preview.series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
