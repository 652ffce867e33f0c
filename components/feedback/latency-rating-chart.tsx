'use client';

import {
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ScatterPoint } from '@/lib/feedback/reports/feedback-scatter';
import { SATISFIED_SCORE } from '@/lib/feedback/stats/rating';
import { formatMs } from './format';
import { logTicks } from '@/components/charts/log-ticks';

// Ratings are integers, so points would sit on a few lines on top of each other: a fixed,
// id-derived jitter spreads them without moving between renders.
function jitter(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return ((h % 1000) / 1000 - 0.5) * 6;
}

interface Dot extends ScatterPoint {
  y: number;
}

function DotTooltip({ active, payload }: { active?: boolean; payload?: { payload: Dot }[] }) {
  const p = active ? payload?.[0]?.payload : undefined;
  if (!p) return null;
  return (
    <div className="rounded border border-slate-200 bg-white px-2 py-1 text-xs shadow dark:border-slate-700 dark:bg-slate-900">
      <div>
        {p.rating}/{p.scale} after {formatMs(p.latencyMs)} ({p.latencySource})
      </div>
      <div className="font-mono">{p.route || '(no route)'}</div>
      {p.release && <div>release {p.release}</div>}
    </div>
  );
}

/** Latency (log axis) vs rating as a 0-100 score; the dashed line is the fitted Apdex T when known. */
export function LatencyRatingChart({ points, thresholdMs }: { points: ScatterPoint[]; thresholdMs?: number | null }) {
  const satisfied: Dot[] = [];
  const others: Dot[] = [];
  for (const p of points) {
    const dot = { ...p, latencyMs: Math.max(1, p.latencyMs), y: p.score + jitter(p.id) };
    (p.score >= SATISFIED_SCORE * 100 - 1e-6 ? satisfied : others).push(dot);
  }
  const latencies = [...satisfied, ...others].map((d) => d.latencyMs);
  if (thresholdMs) latencies.push(thresholdMs);
  const axis = latencies.length > 0 ? logTicks(Math.min(...latencies), Math.max(...latencies)) : logTicks(1, 1000);
  return (
    <div className="h-72 w-full" data-testid="latency-rating-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#94a3b8" strokeOpacity={0.3} />
          <XAxis
            dataKey="latencyMs"
            type="number"
            scale="log"
            domain={axis.domain}
            ticks={axis.ticks}
            allowDataOverflow
            tickFormatter={(v: number) => formatMs(v)}
            fontSize={12}
            name="Latency"
            label={{ value: 'Measured latency', position: 'insideBottom', offset: -8, fontSize: 12 }}
          />
          <YAxis
            dataKey="y"
            type="number"
            domain={[-5, 105]}
            ticks={[0, 25, 50, 75, 100]}
            fontSize={12}
            width={40}
            name="Rating"
            tickFormatter={(v: number) => (v === 0 ? 'slow' : v === 100 ? 'fast' : String(v))}
          />
          <Tooltip content={<DotTooltip />} />
          {thresholdMs ? (
            <ReferenceLine
              x={thresholdMs}
              stroke="#7c3aed"
              strokeDasharray="6 3"
              label={{ value: 'T', fontSize: 12 }}
            />
          ) : null}
          <Scatter name="Satisfied" data={satisfied} fill="#10b981" fillOpacity={0.6} isAnimationActive={false} />
          <Scatter name="Not satisfied" data={others} fill="#ef4444" fillOpacity={0.6} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
