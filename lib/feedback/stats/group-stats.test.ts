import { describe, expect, it } from 'vitest';
import { feltSlower } from './felt-slower';
import { groupStats, statsBy } from './group-stats';
import { isSatisfied, type RatedPoint } from './rating';

const point = (rating: number, extra: Partial<RatedPoint> = {}): RatedPoint => ({
  release: 'v1',
  route: '/a',
  rating,
  scale: 5,
  latencyMs: null,
  ...extra,
});

describe('isSatisfied', () => {
  it('is ">= 4 of 5" scaled to other scales', () => {
    expect([1, 2, 3, 4, 5].map((r) => isSatisfied(r, 5))).toEqual([false, false, false, true, true]);
    expect([7, 8].map((r) => isSatisfied(r, 10))).toEqual([false, true]);
    expect([1, 2].map((r) => isSatisfied(r, 2))).toEqual([false, true]);
    expect([2, 3].map((r) => isSatisfied(r, 3))).toEqual([false, true]);
  });
});

describe('groupStats', () => {
  it('computes count, mean rating, share satisfied and the 0-100 score with Wilson intervals', () => {
    // scores01: 0, .25, .5, .75, 1, 1 -> mean 3.5/6; satisfied 3 of 6
    const s = groupStats([1, 2, 3, 4, 5, 5].map((r) => point(r)));
    expect(s.count).toBe(6);
    expect(s.meanRating).toBeCloseTo(20 / 6, 12);
    expect(s.scale).toBe(5);
    expect(s.shareSatisfied).toBeCloseTo(0.5, 12);
    expect(s.score).toBeCloseTo((3.5 / 6) * 100, 12);
    // Wilson for p = 0.5, n = 6 (z = 1.96): 0.18761 .. 0.81239
    expect(s.shareSatisfiedCi?.low).toBeCloseTo(0.18761, 4);
    expect(s.shareSatisfiedCi?.high).toBeCloseTo(0.81239, 4);
    expect(s.scoreCi?.low).toBeLessThan(s.score as number);
    expect(s.scoreCi?.high).toBeGreaterThan(s.score as number);
  });

  it('reports no mean rating for mixed scales but still scores them together', () => {
    const s = groupStats([point(5, { scale: 5 }), point(10, { scale: 10 })]);
    expect(s.meanRating).toBeNull();
    expect(s.scale).toBeNull();
    expect(s.score).toBeCloseTo(100, 12);
  });

  it('correlates latency with rating over the answers that have a latency', () => {
    const pts = [
      point(5, { latencyMs: 100 }),
      point(4, { latencyMs: 300 }),
      point(2, { latencyMs: 900 }),
      point(1, { latencyMs: 2000 }),
      point(3),
    ];
    expect(groupStats(pts).latencyRating).toEqual({ rho: -1, n: 4 });
  });

  it('groups by a key, largest group first', () => {
    const groups = statsBy([point(5, { route: '/b' }), point(4), point(3)], (p) => p.route);
    expect(groups.map((g) => [g.key, g.stats.count])).toEqual([
      ['/a', 2],
      ['/b', 1],
    ]);
  });
});

describe('feltSlower', () => {
  it('orders routes by drop and flags only drops beyond their noise', () => {
    const many = (n: number, rating: number, release: string, route: string) =>
      Array.from({ length: n }, () => point(rating, { release, route }));
    const pts = [
      ...many(60, 5, 'v1', '/checkout'),
      ...many(60, 2, 'v2', '/checkout'),
      ...many(1, 5, 'v1', '/rare'),
      ...many(1, 1, 'v2', '/rare'),
      ...many(30, 4, 'v1', '/steady'),
      ...many(30, 4, 'v2', '/steady'),
      ...many(5, 4, 'v1', '/gone'),
    ];
    const rows = feltSlower(pts, 'v1', 'v2');
    expect(rows.map((r) => r.route)).toEqual(['/rare', '/checkout', '/steady']);
    const [rare, checkout, steady] = rows;
    expect(rare.drop).toBeCloseTo(100, 9);
    expect(rare.flagged).toBe(false); // one answer each cannot support even a 100-point drop
    expect(checkout.drop).toBeCloseTo(75, 9);
    expect(checkout.flagged).toBe(true);
    expect(steady.drop).toBeCloseTo(0, 9);
    expect(steady.flagged).toBe(false);
  });
});
