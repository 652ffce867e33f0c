import type { GaugeRow } from './queries/load-gauge-rows';

/**
 * Queue depth over one window: the latest value of each gauge series in the window, summed across the
 * series of the group (several queues or instances of one service add up to its backlog).
 */
export function gaugeWindowValue(rows: readonly GaugeRow[]): number | null {
  const latest = new Map<string, GaugeRow>();
  for (const row of rows) {
    const seen = latest.get(row.metricSeries);
    if (!seen || row.timeMs > seen.timeMs) latest.set(row.metricSeries, row);
  }
  if (latest.size === 0) return null;
  let sum = 0;
  for (const row of latest.values()) sum += row.value;
  return sum;
}
