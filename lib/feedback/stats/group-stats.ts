import type { Interval } from './interval';
import { isSatisfied, type RatedPoint, score01 } from './rating';
import { type RankCorrelation, spearman } from './spearman';
import { wilsonInterval } from './wilson';

export interface GroupStats {
  count: number;
  /** Mean of the raw ratings; read it with `scale` (null when the group mixes scales). */
  meanRating: number | null;
  scale: number | null;
  shareSatisfied: number | null;
  shareSatisfiedCi: Interval | null;
  /** Perceived-performance score: 100 x mean of (rating - 1) / (scale - 1), with a 95% Wilson interval. */
  score: number | null;
  scoreCi: Interval | null;
  /** Latency vs rating over the answers that have a latency; negative = slower feels worse. */
  latencyRating: RankCorrelation;
}

const percent = (i: Interval): Interval => ({ low: i.low * 100, high: i.high * 100 });

/** The summary statistics of one group of answers (a release, a route, or everything). */
export function groupStats(points: readonly RatedPoint[]): GroupStats {
  const n = points.length;
  const scales = new Set(points.map((p) => p.scale));
  let ratingSum = 0;
  let scoreSum = 0;
  let satisfied = 0;
  const latencies: number[] = [];
  const ratings: number[] = [];
  for (const p of points) {
    ratingSum += p.rating;
    scoreSum += score01(p.rating, p.scale);
    if (isSatisfied(p.rating, p.scale)) satisfied++;
    if (p.latencyMs !== null) {
      latencies.push(p.latencyMs);
      ratings.push(score01(p.rating, p.scale));
    }
  }
  const meanScore = n > 0 ? scoreSum / n : null;
  const share = n > 0 ? satisfied / n : null;
  return {
    count: n,
    meanRating: n > 0 && scales.size === 1 ? ratingSum / n : null,
    scale: scales.size === 1 ? [...scales][0] : null,
    shareSatisfied: share,
    shareSatisfiedCi: share === null ? null : wilsonInterval(share, n),
    score: meanScore === null ? null : meanScore * 100,
    scoreCi: meanScore === null ? null : percent(wilsonInterval(meanScore, n)),
    latencyRating: spearman(latencies, ratings),
  };
}

/** Groups answers by a key (release, route) and summarises each group, largest first. */
export function statsBy(
  points: readonly RatedPoint[],
  key: (p: RatedPoint) => string,
): { key: string; stats: GroupStats }[] {
  const groups = new Map<string, RatedPoint[]>();
  for (const p of points) {
    const k = key(p);
    let list = groups.get(k);
    if (!list) {
      list = [];
      groups.set(k, list);
    }
    list.push(p);
  }
  return [...groups]
    .map(([k, list]) => ({ key: k, stats: groupStats(list) }))
    .sort((a, b) => b.stats.count - a.stats.count || a.key.localeCompare(b.key));
}
