import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadFilters } from '../../lib/analytics/filters';
import { getExemplars } from '../../lib/analytics/get-exemplars';
import { getHeatmap } from '../../lib/analytics/get-heatmap';
import { getSeries } from '../../lib/analytics/get-series';
import { getStats } from '../../lib/analytics/get-stats';
import { getTrace } from '../../lib/analytics/get-trace';
import { listReleases } from '../../lib/analytics/list-releases';
import { listRoutes } from '../../lib/analytics/list-routes';
import { listServices } from '../../lib/analytics/list-services';
import '../../lib/db/pool';
import type { SpanRow } from '../../lib/ingest/rows';
import { summarizeTraceIndex } from '../../lib/ingest/trace-index';
import { lognormal, seededRandom } from '../../lib/sketch/test-samples';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { DAY, type Exact, exact, HOUR, MINUTE, matching, relErr, span, store } from './analytics-support';

// Every read query against figures computed from the very rows stored through the ingest writer:
// counts, errors, min and max exact; percentiles within the sketch's 1%; ranges cut across all tiers.

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
let otherProjectId: number;
const rows: SpanRow[] = [];
const base = Math.floor(Date.now() / DAY) * DAY - 3 * DAY; // a UTC midnight, data around it and after
const dataFrom = base - 5 * HOUR;
const dataTo = base + 2 * DAY + 5 * HOUR;

function expectClose(actual: Exact, truth: Exact) {
  expect(actual.count).toBe(truth.count);
  expect(actual.errorCount).toBe(truth.errorCount);
  expect(actual.min).toBe(truth.min);
  expect(actual.max).toBe(truth.max);
  if (truth.mean === null) expect(actual.mean).toBeNull();
  else expect(relErr(actual.mean, truth.mean)).toBeLessThan(1e-9);
  for (const q of ['p50', 'p95', 'p99'] as const) expect(relErr(actual[q], truth[q]), q).toBeLessThanOrEqual(0.01);
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  projectId = (await createTenant(database.url)).projectId;
  otherProjectId = (await createTenant(database.url)).projectId;
  const random = seededRandom(11);
  const services = ['api', 'web'];
  const routes = ['/a', '/b', '/c'];
  for (let i = 0; i < 6000; i++) {
    const startMs = dataFrom + Math.floor(random() * (dataTo - dataFrom));
    rows.push(
      span({
        startMs,
        durationMs: lognormal(40 + 30 * (i % 3), 0.7)(random),
        service: services[i % 2],
        route: routes[Math.floor(random() * 3)],
        release: startMs < base + DAY ? 'v1' : 'v2',
        environment: random() < 0.8 ? 'production' : 'staging',
        method: random() < 0.7 ? 'GET' : 'POST',
        error: random() < 0.03,
      }),
    );
  }
  await store(pool, projectId, rows);
  // Another tenant's data must never show up.
  await store(
    pool,
    otherProjectId,
    rows.slice(0, 500).map((r) => ({ ...r, spanId: r.spanId.replace(/^./, 'f') })),
  );
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const ranges: [string, number, number][] = [
  ['everything', dataFrom - HOUR, dataTo + HOUR],
  [
    'ragged edges across day, hour and minute tiers',
    base - 5 * HOUR + 17 * MINUTE + 2_500,
    base + 2 * DAY + 3 * HOUR + 7 * MINUTE,
  ],
  ['inside one hour', base + 30 * HOUR + 5 * MINUTE, base + 30 * HOUR + 50 * MINUTE],
  ['exactly one day', base + DAY, base + 2 * DAY],
];

describe('stats', () => {
  for (const [name, fromMs, toMs] of ranges) {
    it(`matches the raw rows: ${name}`, async () => {
      const f: ReadFilters = { projectId, fromMs, toMs };
      expectClose(await getStats(pool, f), exact(matching(rows, f)));
    });
  }

  it('applies every filter', async () => {
    const [, fromMs, toMs] = ranges[1];
    const filters: Partial<ReadFilters>[] = [
      { service: 'web' },
      { route: '/b', method: 'POST' },
      { release: 'v2', environment: 'staging' },
      { service: 'api', route: '/c', release: 'v1', environment: 'production', method: 'GET' },
      { service: 'nope' },
    ];
    for (const extra of filters) {
      const f: ReadFilters = { projectId, fromMs, toMs, ...extra };
      expectClose(await getStats(pool, f), exact(matching(rows, f)));
    }
  });
});

describe('series', () => {
  for (const stepMs of [5 * MINUTE, HOUR, DAY]) {
    it(`every step matches the raw rows (step ${stepMs / 1000} s)`, async () => {
      const f: ReadFilters = { projectId, fromMs: ranges[1][1], toMs: ranges[1][2], service: 'api' };
      const series = await getSeries(pool, f, stepMs);
      expect(series.fromMs % stepMs).toBe(0);
      expect(series.points).toHaveLength((series.toMs - series.fromMs) / stepMs);
      let total = 0;
      for (const p of series.points) {
        const t = Date.parse(p.t);
        const { t: _, ...figures } = p;
        expectClose(figures, exact(matching(rows, { ...f, fromMs: t, toMs: t + stepMs })));
        total += p.count;
      }
      expect(total).toBe(matching(rows, { ...f, fromMs: series.fromMs, toMs: series.toMs }).length);
    });
  }
});

describe('lists', () => {
  const f = (): ReadFilters => ({ projectId, fromMs: ranges[1][1], toMs: ranges[1][2] });

  it('services', async () => {
    const services = await listServices(pool, f());
    expect(services.map((s) => s.service).sort()).toEqual(['api', 'web']);
    for (const s of services) {
      const { service, ...figures } = s;
      expectClose(figures, exact(matching(rows, { ...f(), service })));
    }
  });

  it('routes of a service', async () => {
    const routes = await listRoutes(pool, { ...f(), service: 'web' });
    expect(routes).toHaveLength(6); // 3 routes x 2 methods
    for (const r of routes) {
      const { service, route, method, totalMs, ...figures } = r;
      const truth = exact(matching(rows, { ...f(), service, route, method }));
      expectClose(figures, truth);
      expect(relErr(totalMs, (truth.mean ?? 0) * truth.count)).toBeLessThan(1e-9);
    }
  });

  it('releases with first and last seen', async () => {
    const releases = await listReleases(pool, { ...f(), service: 'api' });
    expect(releases.map((r) => r.release)).toEqual(['v2', 'v1']); // newest first
    for (const r of releases) {
      const { service, release, firstSeen, lastSeen, ...figures } = r;
      expectClose(figures, exact(matching(rows, { ...f(), service, release })));
      const starts = rows.filter((x) => x.service === service && x.release === release).map((x) => x.startMs);
      expect(Date.parse(firstSeen)).toBe(Math.floor(Math.min(...starts) / MINUTE) * MINUTE);
      expect(Date.parse(lastSeen)).toBe(Math.floor(Math.max(...starts) / MINUTE) * MINUTE + MINUTE);
    }
  });
});

describe('traces, exemplars, heatmap', () => {
  it('returns the spans of a trace, and nothing to another project', async () => {
    const traceId = 'ab'.repeat(16);
    const start = base + 10 * HOUR;
    const trace = [
      span({ traceId, startMs: start, durationMs: 120, route: '/t' }),
      { ...span({ traceId, startMs: start + 5, durationMs: 30 }), kind: 3, isRequest: false, name: 'SELECT' },
    ];
    trace[1].parentSpanId = trace[0].spanId;
    await store(pool, projectId, trace);
    const spans = await getTrace(pool, projectId, traceId.toUpperCase());
    expect(spans.map((s) => [s.spanId, s.parentSpanId, s.durationMs])).toEqual([
      [trace[0].spanId, null, 120],
      [trace[1].spanId, trace[0].spanId, 30],
    ]);
    expect(await getTrace(pool, otherProjectId, traceId)).toEqual([]);
  });

  it('finds traces through the bloom index before and after its ranges are summarized', async () => {
    const sample = rows.filter((_, i) => i % 97 === 0);
    const found = async () => {
      for (const r of sample) {
        const spans = await getTrace(pool, projectId, r.traceId);
        expect(spans.map((s) => s.spanId)).toContain(r.spanId);
      }
    };
    await found(); // nothing summarized yet (unless autovacuum got there first: it summarizes BRIN ranges too)
    expect(await summarizeTraceIndex(pool)).toBeGreaterThanOrEqual(0); // ~6 ranges, minus autovacuum's share
    expect(await summarizeTraceIndex(pool)).toBe(0); // every range is summarized now
    await found();
    // Spans stored after the summary land in a summarized range or a new one: found either way.
    const late = Array.from({ length: 300 }, (_, i) => span({ startMs: base + DAY + i * 1000, durationMs: 10 }));
    await store(pool, projectId, late);
    for (const r of [late[0], late[299]]) {
      expect((await getTrace(pool, projectId, r.traceId)).map((s) => s.spanId)).toEqual([r.spanId]);
    }
    expect(await summarizeTraceIndex(pool)).toBeGreaterThanOrEqual(0);
    expect((await getTrace(pool, projectId, late[150].traceId)).map((s) => s.spanId)).toEqual([late[150].spanId]);
  });

  it('exemplars: the slowest request of the range leads, failed ones are failed', async () => {
    const f: ReadFilters = { projectId, fromMs: ranges[1][1], toMs: ranges[1][2], service: 'web' };
    const inRange = matching(rows, f);
    const ex = await getExemplars(pool, f, 5);
    const slowest = inRange.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    expect(ex.slowest[0]).toMatchObject({
      traceId: slowest.traceId,
      durationMs: slowest.durationMs,
      service: slowest.service,
      route: slowest.route,
      method: slowest.method,
    });
    const failed = new Set(inRange.filter((r) => r.isError).map((r) => r.traceId));
    expect(ex.failed.length).toBeGreaterThan(0);
    for (const e of ex.failed) expect(failed.has(e.traceId)).toBe(true);
    const failedRow = inRange.find((r) => r.traceId === ex.failed[0].traceId);
    expect(ex.failed[0]).toMatchObject({
      service: failedRow?.service,
      route: failedRow?.route,
      method: failedRow?.method,
    });
  });

  it('exemplars: a trace kept by two rows is named by the row of its slowest (or, failed, its latest) request', async () => {
    // One trace through two services in the same minute, both failing: web /entry GET 700 ms, api /deep POST 900 ms.
    const at = base + 4 * DAY; // a day of its own: nothing else in range
    const outer = span({ startMs: at, durationMs: 700, service: 'web', route: '/entry', method: 'GET', error: true });
    const inner = {
      ...span({ startMs: at + 5, durationMs: 900, service: 'api', route: '/deep', method: 'POST', error: true }),
      traceId: outer.traceId,
    };
    await store(pool, projectId, [outer, inner]);
    const ex = await getExemplars(pool, { projectId, fromMs: at - HOUR, toMs: at + HOUR }, 5);
    const named = (e: { service: string; route: string; method: string }) => [e.service, e.route, e.method];
    expect(ex.slowest.map((e) => [e.traceId, e.durationMs, ...named(e)])).toEqual([
      [outer.traceId, 900, 'api', '/deep', 'POST'],
    ]);
    // Both rows have the same minute: the tie goes to the first service by name, every field from that row.
    expect(ex.failed.map((e) => [e.traceId, e.at, ...named(e)])).toEqual([
      [outer.traceId, new Date(Math.floor(at / MINUTE) * MINUTE).toISOString(), 'api', '/deep', 'POST'],
    ]);
  });

  it('heatmap columns add up to the series counts', async () => {
    const f: ReadFilters = { projectId, fromMs: ranges[1][1], toMs: ranges[1][2] };
    const [heatmap, series] = await Promise.all([getHeatmap(pool, f, HOUR), getSeries(pool, f, HOUR)]);
    expect(heatmap.columns.map((c) => c.counts.reduce((a, b) => a + b, 0))).toEqual(series.points.map((p) => p.count));
    expect(heatmap.bounds.length).toBe(heatmap.columns[0].counts.length);
  });
});
