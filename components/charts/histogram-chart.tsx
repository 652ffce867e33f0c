'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { tableClass } from './chart-frame';
import { boundLabel, type HeatmapData } from './heatmap-chart';

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

export function HistogramChart({ bins }: { bins: HistogramBin[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height: 240 }}>
      <BarChart data={bins} margin={{ top: 10, right: 12, bottom: 0, left: 4 }} accessibilityLayer>
        <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: 'currentColor', fontSize: 10 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          interval="preserveStartEnd"
        />
        <YAxis
          tick={{ fill: 'currentColor', fontSize: 11 }}
          stroke="currentColor"
          strokeOpacity={0.3}
          width={56}
          allowDecimals={false}
        />
        <Tooltip
          isAnimationActive={false}
          formatter={(v) => [`${Number(v).toLocaleString('en-US')} requests`, 'Count']}
          contentStyle={{ fontSize: 12 }}
        />
        <Bar dataKey="count" name="Requests" fill="#6366f1" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
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
