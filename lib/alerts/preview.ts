import { METRIC_INFO } from './alert-metrics';
import { type FireInterval, fireIntervals } from './fire-intervals';
import type { RuleCondition } from './rule-schema';
import type { SeriesLabels } from './series-key';
import { computeSeriesValues, type SeriesSource } from './series-values';
import { previewTimes } from './window';

export const PREVIEW_SPAN_MS = 24 * 3600_000;
export const PREVIEW_MAX_SERIES = 20;

export interface PreviewSeries {
  key: string;
  labels: SeriesLabels;
  points: { t: number; value: number | null }[];
  fires: FireInterval[];
}

export interface RulePreview {
  fromMs: number;
  toMs: number;
  valueName: string;
  unit: string;
  series: PreviewSeries[];
  /** Series left out to keep the answer small (the ones shown fired, or had the largest values). */
  omittedSeries: number;
}

/** The rule's evaluated series over the last 24 h and where it would have fired. */
export async function previewRule(
  source: SeriesSource,
  projectId: number,
  condition: RuleCondition,
  nowMs: number,
): Promise<RulePreview> {
  const times = previewTimes(nowMs, PREVIEW_SPAN_MS, condition.windowSeconds);
  const values = await computeSeriesValues(source, projectId, condition, times);
  const all: PreviewSeries[] = [...values].map(([key, series]) => ({
    key,
    labels: series.labels,
    points: times.map((t, i) => ({ t, value: roundValue(series.values[i]) })),
    fires: fireIntervals(times, series.values, condition),
  }));
  const peak = (s: PreviewSeries) => Math.max(-Infinity, ...s.points.map((p) => Math.abs(p.value ?? -Infinity)));
  all.sort((a, b) => b.fires.length - a.fires.length || peak(b) - peak(a) || a.key.localeCompare(b.key));
  const info = METRIC_INFO[condition.metric];
  return {
    fromMs: times[0],
    toMs: nowMs,
    valueName: info.valueName,
    unit: info.unit,
    series: all.slice(0, PREVIEW_MAX_SERIES),
    omittedSeries: Math.max(0, all.length - PREVIEW_MAX_SERIES),
  };
}

// Sketch quantiles carry ~1% error: more digits would only be noise on the wire.
function roundValue(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}
