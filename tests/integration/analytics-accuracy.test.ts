import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadFilters } from '../../lib/analytics/filters';
import { getSeries } from '../../lib/analytics/get-series';
import { getStats } from '../../lib/analytics/get-stats';
import '../../lib/db/pool';
import type { SpanRow } from '../../lib/ingest/rows';
import { bimodal, type Distribution, lognormal, seededRandom } from '../../lib/sketch/test-samples';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { DAY, exact, HOUR, MINUTE, matching, relErr, span, store } from './analytics-support';

// The accuracy promise of the read API: for any range and filter, p50/p95/p99 within 1% relative error
// of the exact nearest-rank percentile of the stored durations. Random ranges (ragged, spanning the
// minute, hour and day tiers) and random filters over lognormal and bimodal latencies.

let database: TestDatabase;
let pool: pg.Pool;
const base = Math.floor(Date.now() / DAY) * DAY - 4 * DAY;
const dataFrom = base - 3 * HOUR;
const dataTo = base + 3 * DAY + 2 * HOUR;
const datasets: { name: string; dist: Distribution; projectId: number; rows: SpanRow[] }[] = [
  { name: 'lognormal', dist: lognormal(80, 0.9), projectId: 0, rows: [] },
  { name: 'bimodal', dist: bimodal, projectId: 0, rows: [] },
];
const SERVICES = ['checkout', 'search'];
const ROUTES = ['/cart', '/pay', '/q', '/item/:id'];
const RELEASES = ['1.0', '1.1', '2.0'];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  for (const [i, d] of datasets.entries()) {
    d.projectId = (await createTenant(database.url)).projectId;
    const random = seededRandom(100 + i);
    for (let n = 0; n < 20_000; n++) {
      const startMs = dataFrom + Math.floor(random() * (dataTo - dataFrom));
      d.rows.push(
        span({
          startMs,
          durationMs: d.dist(random),
          service: SERVICES[Math.floor(random() * SERVICES.length)],
          route: ROUTES[Math.floor(random() * ROUTES.length)],
          release: RELEASES[Math.min(2, Math.floor(((startMs - dataFrom) / (dataTo - dataFrom)) * 3))],
          error: random() < 0.02,
        }),
      );
    }
    await store(pool, d.projectId, d.rows, 5000);
  }
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe.each(datasets)('percentiles within 1% of the exact nearest rank: $name', (d) => {
  it('over random ranges and filters (stats)', async () => {
    const random = seededRandom(7);
    const pick = <T>(xs: T[]) => (random() < 0.5 ? undefined : xs[Math.floor(random() * xs.length)]);
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const a = dataFrom + random() * (dataTo - dataFrom);
      const b = a + random() * (dataTo - a) + MINUTE;
      const f: ReadFilters = {
        projectId: d.projectId,
        fromMs: Math.round(a),
        toMs: Math.round(b),
        service: pick(SERVICES),
        route: pick(ROUTES),
        release: pick(RELEASES),
      };
      const truth = exact(matching(d.rows, f));
      const got = await getStats(pool, f);
      expect(got.count).toBe(truth.count);
      for (const q of ['p50', 'p95', 'p99'] as const) {
        expect(relErr(got[q], truth[q]), `${q} ${JSON.stringify(f)}`).toBeLessThanOrEqual(0.01);
      }
      if (truth.count > 0) checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('in every step of a series (5 min and 1 h steps)', async () => {
    for (const stepMs of [5 * MINUTE, HOUR]) {
      const f: ReadFilters = {
        projectId: d.projectId,
        fromMs: base + 7 * HOUR + 3 * MINUTE,
        toMs: base + 2 * DAY + 1 * HOUR,
        service: 'search',
      };
      const series = await getSeries(pool, f, stepMs);
      for (const p of series.points) {
        const t = Date.parse(p.t);
        const truth = exact(matching(d.rows, { ...f, fromMs: t, toMs: t + stepMs }));
        expect(p.count).toBe(truth.count);
        for (const q of ['p50', 'p95', 'p99'] as const) expect(relErr(p[q], truth[q])).toBeLessThanOrEqual(0.01);
      }
    }
  });
});
