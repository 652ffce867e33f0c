'use client';

import { ChartFrame } from '@/components/charts/chart-frame';
import { HeatmapChart, HeatmapTable } from '@/components/charts/heatmap-chart';
import { HistogramChart, HistogramTable, histogramBins } from '@/components/charts/histogram-chart';
import type { ReleaseMarker } from '@/components/charts/time-axis';
import { type LineSpec, type TimeRow, TimeSeriesChart, TimeSeriesTable } from '@/components/charts/time-series-chart';
import { exactMs, formatMs, formatRate } from './format';
import { type ReadScope, type SeriesResponse, useHeatmapQuery, useMetricSeriesQuery, useSeriesQuery } from './queries';
import { QUEUE_METRIC } from './read-urls';
import { QueryGate, Skeleton } from './states';

export { QUEUE_METRIC };

const PERCENTILES: LineSpec[] = [
  { key: 'p50', name: 'p50', color: '#0ea5e9' },
  { key: 'p95', name: 'p95', color: '#8b5cf6' },
  { key: 'p99', name: 'p99', color: '#f43f5e' },
];
const THROUGHPUT: LineSpec[] = [{ key: 'rps', name: 'Throughput', color: '#10b981' }];
const ERRORS: LineSpec[] = [{ key: 'errorPct', name: 'Error rate', color: '#ef4444' }];

export function seriesRows(s: SeriesResponse): TimeRow[] {
  return s.points.map((p) => ({
    t: Date.parse(p.t),
    count: p.count,
    p50: p.p50,
    p95: p.p95,
    p99: p.p99,
    rps: p.count / s.step,
    errorPct: p.count > 0 ? (p.errorCount / p.count) * 100 : null,
  }));
}

const pct = (v: number) => `${v.toFixed(2)}%`;

export interface PanelProps {
  projectId: number;
  scope: ReadScope;
  step: number;
  refetchMs: number;
  releases: ReleaseMarker[];
}

/** p50/p95/p99, throughput and error rate over time, from one /api/v1/series query. */
export function LatencyTimeCharts({ projectId, scope, step, refetchMs, releases }: PanelProps) {
  const series = useSeriesQuery(projectId, scope, step, refetchMs);
  const skeleton = (
    <div className="grid gap-4 lg:grid-cols-2">
      <Skeleton className="h-72 lg:col-span-2" />
      <Skeleton className="h-72" />
      <Skeleton className="h-72" />
    </div>
  );
  return (
    <QueryGate query={series} skeleton={skeleton}>
      {(s) => {
        const rows = seriesRows(s);
        const hasData = rows.some((r) => (r.count ?? 0) > 0);
        const common = { rows, fromMs: scope.fromMs, toMs: scope.toMs, releases };
        return (
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="lg:col-span-2">
              <ChartFrame
                name="latency"
                title="Latency percentiles"
                subtitle={`p50 / p95 / p99 per ${step >= 3600 ? `${step / 3600} h` : `${step / 60} min`} step; dashed lines: first seen of a release`}
                hasData={hasData}
                chart={<TimeSeriesChart {...common} lines={PERCENTILES} format={formatMs} exact={exactMs} />}
                table={<TimeSeriesTable rows={rows} lines={PERCENTILES} format={exactMs} />}
              />
            </div>
            <ChartFrame
              name="throughput"
              title="Throughput"
              subtitle="requests per second, averaged over each step"
              hasData={hasData}
              chart={<TimeSeriesChart {...common} lines={THROUGHPUT} format={formatRate} />}
              table={<TimeSeriesTable rows={rows} lines={THROUGHPUT} format={formatRate} />}
            />
            <ChartFrame
              name="error-rate"
              title="Error rate"
              subtitle="failed requests / requests"
              hasData={hasData}
              chart={<TimeSeriesChart {...common} lines={ERRORS} format={pct} exact={(v) => `${v.toFixed(3)}%`} />}
              table={<TimeSeriesTable rows={rows} lines={ERRORS} format={pct} />}
            />
          </div>
        );
      }}
    </QueryGate>
  );
}

/** Time × latency heatmap, and optionally the latency histogram of the same sketches. */
export function LatencyDistribution({
  projectId,
  scope,
  step,
  refetchMs,
  histogram,
}: PanelProps & { histogram: boolean }) {
  const heatmap = useHeatmapQuery(projectId, scope, step, refetchMs);
  return (
    <QueryGate query={heatmap} skeleton={<Skeleton className="h-72" />}>
      {(h) => {
        const hasData = h.columns.some((c) => c.counts.some((n) => n > 0));
        const bins = histogramBins(h);
        return (
          <div className={histogram ? 'grid gap-4 lg:grid-cols-2' : ''}>
            <ChartFrame
              name="heatmap"
              title="Latency heatmap"
              subtitle="requests per time step and latency bucket (from the sketches, bucket edges within 1%)"
              hasData={hasData}
              chart={<HeatmapChart data={h} fromMs={scope.fromMs} toMs={scope.toMs} />}
              table={<HeatmapTable data={h} />}
            />
            {histogram ? (
              <ChartFrame
                name="histogram"
                title="Latency distribution"
                subtitle="requests per latency bucket over the range"
                hasData={hasData}
                chart={<HistogramChart bins={bins} />}
                table={<HistogramTable bins={bins} />}
              />
            ) : null}
          </div>
        );
      }}
    </QueryGate>
  );
}

/** Queue-depth gauges of the service (metric `queue.depth`), one line per series. */
export function QueueDepthChart({ projectId, scope, step, refetchMs, releases }: PanelProps) {
  const metric = useMetricSeriesQuery(projectId, scope, QUEUE_METRIC, step, refetchMs);
  return (
    <QueryGate query={metric} skeleton={<Skeleton className="h-72" />}>
      {(m) => {
        const lines: LineSpec[] = m.series.map((s, i) => ({
          key: `s${i}`,
          name: Object.values(s.attributes).join(' ') || s.seriesKey || QUEUE_METRIC,
          color: ['#0ea5e9', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444'][i % 5],
        }));
        const byT = new Map<number, TimeRow>();
        m.series.forEach((s, i) => {
          for (const p of s.points) {
            const t = Date.parse(p.t);
            const row = byT.get(t) ?? ({ t } as TimeRow);
            row[`s${i}`] = p.value;
            byT.set(t, row);
          }
        });
        const rows = [...byT.values()].sort((a, b) => a.t - b.t);
        // UCUM annotations such as {message} are names, not units: leave them to the subtitle.
        const rawUnit = m.series[0]?.unit ?? '';
        const unit = /^\{.*\}$/.test(rawUnit) ? '' : rawUnit;
        const fmt = (v: number) => `${Number(v.toFixed(2)).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
        return (
          <ChartFrame
            name="queue-depth"
            title="Queue depth"
            subtitle={`gauge ${QUEUE_METRIC}${rawUnit ? ` (${rawUnit.replace(/[{}]/g, '')})` : ''}: last value per step`}
            hasData={rows.length > 0}
            empty={`No ${QUEUE_METRIC} gauge reported by this service in the range.`}
            chart={
              <TimeSeriesChart
                rows={rows}
                lines={lines}
                format={fmt}
                fromMs={scope.fromMs}
                toMs={scope.toMs}
                releases={releases}
              />
            }
            table={<TimeSeriesTable rows={rows} lines={lines} format={fmt} />}
          />
        );
      }}
    </QueryGate>
  );
}
