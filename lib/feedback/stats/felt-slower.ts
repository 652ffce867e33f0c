import type { Interval } from './interval';
import { type RatedPoint, score01 } from './rating';
import { differenceInterval, wilsonInterval } from './wilson';

export interface ReleaseSide {
  count: number;
  score: number; // 0-100
  scoreCi: Interval;
}

export interface FeltSlowerRoute {
  route: string;
  base: ReleaseSide;
  target: ReleaseSide;
  /** base score - target score, in points (positive = the target release feels slower). */
  drop: number;
  dropCi: Interval;
  /** The drop exceeds its noise: the whole 95% interval of the drop is above zero. */
  flagged: boolean;
}

function side(points: readonly RatedPoint[]): { n: number; mean: number } {
  let sum = 0;
  for (const p of points) sum += score01(p.rating, p.scale);
  return { n: points.length, mean: sum / points.length };
}

function byRoute(points: readonly RatedPoint[], release: string): Map<string, RatedPoint[]> {
  const map = new Map<string, RatedPoint[]>();
  for (const p of points) {
    if (p.release !== release) continue;
    let list = map.get(p.route);
    if (!list) {
      list = [];
      map.set(p.route, list);
    }
    list.push(p);
  }
  return map;
}

/**
 * Routes answered in both releases, ordered by how much their perceived score dropped from `base`
 * to `target`. The noise is Newcombe's interval for a difference of two Wilson-scored means, so a
 * route with three answers is listed but not flagged for a drop its sample cannot support.
 */
export function feltSlower(points: readonly RatedPoint[], base: string, target: string): FeltSlowerRoute[] {
  const before = byRoute(points, base);
  const after = byRoute(points, target);
  const rows: FeltSlowerRoute[] = [];
  for (const [route, basePoints] of before) {
    const targetPoints = after.get(route);
    if (!targetPoints) continue;
    const b = side(basePoints);
    const t = side(targetPoints);
    const diff = differenceInterval(b.mean, b.n, t.mean, t.n);
    const toSide = (s: { n: number; mean: number }): ReleaseSide => {
      const ci = wilsonInterval(s.mean, s.n);
      return { count: s.n, score: s.mean * 100, scoreCi: { low: ci.low * 100, high: ci.high * 100 } };
    };
    rows.push({
      route,
      base: toSide(b),
      target: toSide(t),
      drop: (b.mean - t.mean) * 100,
      dropCi: { low: diff.low * 100, high: diff.high * 100 },
      flagged: diff.low > 0,
    });
  }
  return rows.sort((x, y) => y.drop - x.drop || x.route.localeCompare(y.route));
}
