import type { Queryable } from '../webhooks/outbox-db';
import { type BaselineRequest, loadReleaseBaselines } from './queries/load-release-baselines';
import { loadReleaseFirstSeen } from './queries/load-release-first-seen';
import { loadRequestRows, type RequestRow } from './queries/load-request-rows';
import {
  BASELINE_MS,
  pickReleases,
  type ReleaseOrder,
  type ReleasePick,
  regressionValue,
  sortReleaseOrder,
} from './release-values';
import type { RuleCondition } from './rule-schema';
import { type SeriesLabels, seriesKey } from './series-key';
import { groupRows, type SeriesValues, valuesOverTimes, windowRange } from './window';

const labelsOf =
  (groupBy: RuleCondition['groupBy']) => (row: { service: string; route: string; environment: string }) => {
    const labels: SeriesLabels = {};
    for (const dim of groupBy) if (dim !== 'release') labels[dim] = row[dim];
    return labels;
  };

/** Release-regression values of each group at each time; annotations name the releases compared last. */
export async function releaseSeriesValues(
  db: Queryable,
  projectId: number,
  condition: RuleCondition,
  times: readonly number[],
): Promise<Map<string, SeriesValues>> {
  const { filters, groupBy, windowSeconds, minRequests, metric } = condition;
  const dims = groupBy.filter((d) => d !== 'release');
  const from = windowRange(times[0], windowSeconds).fromMs;
  const to = windowRange(times[times.length - 1], windowSeconds).toMs;
  const [rows, firstSeen] = await Promise.all([
    loadRequestRows(db, projectId, filters, [...dims, 'release'], from, to),
    loadReleaseFirstSeen(db, projectId, filters, dims, times[times.length - 1]),
  ]);
  const toLabels = labelsOf(dims);
  const series = groupRows(
    rows.filter((r) => r.release !== ''),
    toLabels,
    seriesKey,
  );
  const orders = new Map<string, ReleaseOrder[]>();
  for (const r of firstSeen) {
    const key = seriesKey(toLabels(r));
    const list = orders.get(key) ?? [];
    list.push({ release: r.release, firstSeenMs: r.firstSeenMs });
    orders.set(key, list);
  }
  for (const list of orders.values()) sortReleaseOrder(list);

  // Pass 1: which pair each window compares; pass 2 (after one baseline query) computes the values.
  const picks = new Map<string, (ReleasePick | null)[]>();
  const windows = new Map<string, RequestRow[][]>();
  const baselineIndex = new Map<string, number>();
  const requests: BaselineRequest[] = [];
  valuesOverTimes(series, times, windowSeconds, (inWindow, key) => {
    const pick = pickReleases(inWindow, orders.get(key) ?? [], minRequests);
    if (!picks.has(key)) picks.set(key, []);
    if (!windows.has(key)) windows.set(key, []);
    picks.get(key)?.push(pick);
    windows.get(key)?.push(inWindow);
    const baselineKey = JSON.stringify([key, pick?.previous]);
    if (pick && !baselineIndex.has(baselineKey)) {
      const labels = series.get(key)?.labels ?? {};
      baselineIndex.set(baselineKey, requests.length);
      requests.push({
        service: labels.service ?? '',
        route: labels.route ?? '',
        environment: labels.environment ?? '',
        release: pick.previous,
        fromMs: pick.currentFirstSeenMs - BASELINE_MS,
        toMs: pick.currentFirstSeenMs,
      });
    }
    return null;
  });
  const baselines = await loadReleaseBaselines(db, projectId, filters, dims, requests);

  const out = new Map<string, SeriesValues>();
  for (const [key, { labels }] of series) {
    const keyPicks = picks.get(key) ?? [];
    const keyWindows = windows.get(key) ?? [];
    const values = keyPicks.map((pick, i) => {
      if (!pick) return null;
      const baseline = baselines[baselineIndex.get(JSON.stringify([key, pick.previous])) ?? -1] ?? [];
      const current = keyWindows[i].filter((r) => r.release === pick.current);
      return regressionValue(metric, current, baseline, minRequests);
    });
    const last = keyPicks[keyPicks.length - 1];
    const annotations = last ? { release: last.current, previous_release: last.previous } : undefined;
    out.set(key, { labels, values, annotations });
  }
  return out;
}
