import { config } from '../config';
import type { Queryable } from '../webhooks/outbox-db';
import { METRIC_INFO } from './alert-metrics';
import { feedbackWindowValue } from './feedback-values';
import { gaugeWindowValue } from './gauge-values';
import { loadFeedbackRows } from './queries/load-feedback-rows';
import { loadGaugeRows } from './queries/load-gauge-rows';
import { loadRequestRows } from './queries/load-request-rows';
import { releaseSeriesValues } from './release-series';
import { requestWindowValue } from './request-values';
import type { GroupDimension, RuleCondition } from './rule-schema';
import { type SeriesLabels, seriesKey } from './series-key';
import { groupRows, MINUTE_MS, type SeriesValues, valuesOverTimes, windowRange } from './window';

export interface SeriesSource {
  db: Queryable;
  /** Gauge names read as queue depth; default TAILWATCH_QUEUE_GAUGES. */
  queueGauges?: readonly string[];
}

// A series seen in the hour before the window still counts (as 0 requests) for throughput, so "traffic
// dropped to nothing" is an observation rather than a series that silently vanished.
const THROUGHPUT_LOOKBACK_MS = 60 * MINUTE_MS;

const labelsOf =
  (groupBy: readonly GroupDimension[]) =>
  (row: Partial<Record<GroupDimension, string>>): SeriesLabels => {
    const labels: SeriesLabels = {};
    for (const dim of groupBy) labels[dim] = row[dim] ?? '';
    return labels;
  };

/**
 * The rule's metric for every series at each of `times` (ascending epoch ms), one query per source.
 * A rule without group-by always has its single series (key ''), with null where there is no data.
 */
export async function computeSeriesValues(
  source: SeriesSource,
  projectId: number,
  condition: RuleCondition,
  times: readonly number[],
): Promise<Map<string, SeriesValues>> {
  const { metric, filters, groupBy, windowSeconds, minRequests } = condition;
  const from = windowRange(times[0], windowSeconds).fromMs;
  const to = windowRange(times[times.length - 1], windowSeconds).toMs;
  let out: Map<string, SeriesValues>;
  switch (METRIC_INFO[metric].source) {
    case 'requests': {
      const lookback = metric === 'throughput' ? THROUGHPUT_LOOKBACK_MS : 0;
      const rows = await loadRequestRows(source.db, projectId, filters, groupBy, from - lookback, to);
      const series = groupRows(rows, labelsOf(groupBy), seriesKey);
      if (groupBy.length === 0 && !series.has('')) series.set('', { labels: {}, rows: [] });
      out = valuesOverTimes(series, times, windowSeconds, (inWindow) =>
        requestWindowValue(metric, inWindow, windowSeconds, minRequests),
      );
      break;
    }
    case 'gauge': {
      const names = source.queueGauges ?? queueGaugesFromConfig();
      const rows = await loadGaugeRows(source.db, projectId, names, filters, groupBy, from, to);
      out = valuesOverTimes(groupRows(rows, labelsOf(groupBy), seriesKey), times, windowSeconds, gaugeWindowValue);
      break;
    }
    case 'release':
      out = await releaseSeriesValues(source.db, projectId, condition, times);
      break;
    case 'feedback': {
      const rows = await loadFeedbackRows(source.db, projectId, filters, groupBy, from, to);
      out = valuesOverTimes(groupRows(rows, labelsOf(groupBy), seriesKey), times, windowSeconds, (inWindow) =>
        feedbackWindowValue(inWindow, minRequests),
      );
      break;
    }
  }
  if (groupBy.length === 0 && !out.has('')) out.set('', { labels: {}, values: times.map(() => null) });
  return out;
}

function queueGaugesFromConfig(): string[] {
  return config()
    .TAILWATCH_QUEUE_GAUGES.split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
