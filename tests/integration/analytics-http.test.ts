import { readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exemplars } from '../../app/api/v1/exemplars/route';
import { GET as heatmap } from '../../app/api/v1/heatmap/route';
import { GET as metricSeries } from '../../app/api/v1/metrics/series/route';
import { GET as openapi } from '../../app/api/v1/openapi.json/route';
import { GET as releases } from '../../app/api/v1/releases/route';
import { GET as verdict } from '../../app/api/v1/releases/verdict/route';
import { GET as routes } from '../../app/api/v1/routes/route';
import { GET as series } from '../../app/api/v1/series/route';
import { GET as services } from '../../app/api/v1/services/route';
import { GET as stats } from '../../app/api/v1/stats/route';
import { GET as trace } from '../../app/api/v1/traces/[traceId]/route';
import { closePool, initPool } from '../../lib/db/pool';
import type { SpanRow } from '../../lib/ingest/rows';
import { storeMetricPoints } from '../../lib/ingest/writer';
import { lognormal, seededRandom } from '../../lib/sketch/test-samples';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { DAY, exact, HOUR, MINUTE, matching, span, store } from './analytics-support';
import { pointRow } from './ingest-support';

// The read endpoints over HTTP: a node:http server hands each request to the route handler exactly as
// Next does (a Web Request in, a Response out). Parameters, tenant isolation, conditional GETs, shapes.

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const TABLE: [RegExp, Handler, string[]][] = [
  [/^\/api\/v1\/stats$/, stats as Handler, []],
  [/^\/api\/v1\/series$/, series as Handler, []],
  [/^\/api\/v1\/services$/, services as Handler, []],
  [/^\/api\/v1\/routes$/, routes as Handler, []],
  [/^\/api\/v1\/releases$/, releases as Handler, []],
  [/^\/api\/v1\/releases\/verdict$/, verdict as Handler, []],
  [/^\/api\/v1\/traces\/([^/]+)$/, trace as Handler, ['traceId']],
  [/^\/api\/v1\/metrics\/series$/, metricSeries as Handler, []],
  [/^\/api\/v1\/exemplars$/, exemplars as Handler, []],
  [/^\/api\/v1\/heatmap$/, heatmap as Handler, []],
  [/^\/api\/v1\/openapi\.json$/, openapi as Handler, []],
];

let database: TestDatabase;
let pool: pg.Pool;
let server: http.Server;
let baseUrl: string;
let tenant: Awaited<ReturnType<typeof createTenant>>;
let other: Awaited<ReturnType<typeof createTenant>>;
const rows: SpanRow[] = [];
const dayStart = Math.floor(Date.now() / DAY) * DAY - DAY;
const range = { from: new Date(dayStart - 2 * HOUR).toISOString(), to: new Date(dayStart + 20 * HOUR).toISOString() };

async function get(pathAndQuery: string, token: string | null = tenant.apiToken, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${pathAndQuery}`, {
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

const q = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  initPool(database.url, 4);
  tenant = await createTenant(database.url);
  other = await createTenant(database.url);
  const random = seededRandom(5);
  for (let i = 0; i < 3000; i++) {
    const startMs = dayStart - 3 * HOUR + Math.floor(random() * 24 * HOUR);
    rows.push(
      span({
        startMs,
        durationMs: lognormal(60, 0.6)(random),
        service: i % 3 === 0 ? 'web' : 'api',
        route: i % 2 ? '/orders' : '/users',
        release: startMs < dayStart + 9 * HOUR ? 'r1' : 'r2',
        error: random() < 0.05,
        traceId: i === 0 ? 'cd'.repeat(16) : undefined,
      }),
    );
  }
  await store(pool, tenant.projectId, rows);
  // Gauge points (queue depth), stored through the ingest writer.
  await storeMetricPoints(
    pool,
    tenant.projectId,
    Array.from({ length: 120 }, (_, g) =>
      pointRow({
        unit: '{messages}',
        release: 'r1',
        environment: 'production',
        attributesJson: '{"queue":"jobs"}',
        seriesKey: 'q1',
        timeMs: dayStart + g * MINUTE,
        value: g % 7,
      }),
    ),
  );
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const hit = TABLE.map(([re, handler, names]) => ({ m: re.exec(url.pathname), handler, names })).find((x) => x.m);
    if (!hit?.m) {
      res.writeHead(404).end();
      return;
    }
    const params = Object.fromEntries(
      hit.names.map((n, i) => [n, decodeURIComponent((hit.m as RegExpExecArray)[i + 1])]),
    );
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const response = await hit.handler(new Request(url, { method: req.method, headers }), {
      params: Promise.resolve(params),
    });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await closePool();
  await pool?.end();
  await database?.drop();
});

describe('read API over HTTP', () => {
  it('stats: the figures of the raw rows, with ETag and a 304 on revalidation', async () => {
    const r = await get(`/api/v1/stats?${q({ project: tenant.projectId, service: 'api', ...range })}`);
    expect(r.status).toBe(200);
    const truth = exact(
      matching(rows, {
        projectId: tenant.projectId,
        service: 'api',
        fromMs: Date.parse(range.from),
        toMs: Date.parse(range.to),
      }),
    );
    expect(r.body).toMatchObject({
      count: truth.count,
      errorCount: truth.errorCount,
      min: truth.min,
      max: truth.max,
      from: range.from,
    });
    expect(Object.keys(r.body).sort()).toEqual([
      'count',
      'errorCount',
      'from',
      'max',
      'mean',
      'min',
      'p50',
      'p95',
      'p99',
      'to',
    ]);
    expect(r.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
    const etag = r.headers.get('etag') as string;
    expect(etag).toBeTruthy();
    const again = await get(
      `/api/v1/stats?${q({ project: tenant.projectId, service: 'api', ...range })}`,
      tenant.apiToken,
      { 'if-none-match': etag },
    );
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
  });

  it('every read endpoint answers 200 with its documented shape', async () => {
    const p = { project: tenant.projectId, ...range };
    const s = await get(`/api/v1/series?${q({ ...p, step: 3600 })}`);
    expect(s.body.points).toHaveLength(22);
    expect(s.body.points.reduce((a: number, x: { count: number }) => a + x.count, 0)).toBe(
      matching(rows, { projectId: tenant.projectId, fromMs: Date.parse(range.from), toMs: Date.parse(range.to) })
        .length,
    );
    expect((await get(`/api/v1/services?${q(p)}`)).body.services.map((x: { service: string }) => x.service)).toEqual([
      'api',
      'web',
    ]);
    expect((await get(`/api/v1/routes?${q({ ...p, service: 'web' })}`)).body.routes).toHaveLength(2);
    const rel = await get(`/api/v1/releases?${q({ ...p, service: 'api' })}`);
    expect(rel.body.releases.map((x: { release: string }) => x.release)).toEqual(['r2', 'r1']);
    const v = await get(`/api/v1/releases/verdict?${q({ ...p, service: 'api', release: 'r2' })}`);
    expect(v.status).toBe(200);
    expect(v.body.baseline.release).toBe('r1');
    expect(v.body.metrics.map((m: { metric: string }) => m.metric)).toEqual([
      'p50',
      'p95',
      'p99',
      'errorRate',
      'throughput',
    ]);
    const t = await get(`/api/v1/traces/${'cd'.repeat(16)}?${q({ project: tenant.projectId })}`);
    expect(t.body.spans).toHaveLength(1);
    expect((await get(`/api/v1/exemplars?${q({ ...p, limit: 3 })}`)).body).toHaveProperty('slowest');
    const h = await get(`/api/v1/heatmap?${q({ ...p, step: 7200 })}`);
    expect(h.body.columns).toHaveLength(11);
    const m = await get(`/api/v1/metrics/series?${q({ ...p, name: 'queue.depth', step: 600 })}`);
    expect(m.body.series).toHaveLength(1);
    expect(m.body.series[0].latest).toEqual({ t: new Date(dayStart + 119 * MINUTE).toISOString(), value: 119 % 7 });
    expect(m.body.series[0].points).toHaveLength(12);
  });

  it('400 names the bad parameter', async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ service: 'api' }, 'project'],
      [{ project: 'abc' }, 'project'],
      [{ project: tenant.projectId, from: 'yesterday' }, 'from'],
      [{ project: tenant.projectId, from: range.to, to: range.from }, 'from'],
      [{ project: tenant.projectId, service: '' }, 'service'],
    ];
    for (const [params, field] of cases) {
      const r = await get(`/api/v1/stats?${q(params)}`);
      expect(r.status, JSON.stringify(params)).toBe(400);
      expect(Object.keys(r.body.error.fields)).toContain(field);
    }
    const step = await get(`/api/v1/series?${q({ project: tenant.projectId, step: 90 })}`);
    expect(step.status).toBe(400);
    expect(step.body.error.fields).toHaveProperty('step');
    const badTrace = await get(`/api/v1/traces/xyz?${q({ project: tenant.projectId })}`);
    expect(badTrace.status).toBe(400);
    const noName = await get(`/api/v1/metrics/series?${q({ project: tenant.projectId })}`);
    expect(noName.body.error.fields).toHaveProperty('name');
  });

  it('401 without credentials, 404 for another project or an unknown trace/release', async () => {
    expect((await get(`/api/v1/stats?${q({ project: tenant.projectId })}`, null)).status).toBe(401);
    expect((await get(`/api/v1/stats?${q({ project: tenant.projectId })}`, 'tw_api_not-a-token')).status).toBe(401);
    for (const p of ['stats', 'series', 'services', 'routes', 'releases', 'exemplars', 'heatmap']) {
      expect((await get(`/api/v1/${p}?${q({ project: other.projectId })}`)).status, p).toBe(404);
    }
    expect((await get(`/api/v1/traces/${'cd'.repeat(16)}?${q({ project: other.projectId })}`)).status).toBe(404);
    expect(
      (await get(`/api/v1/traces/${'cd'.repeat(16)}?${q({ project: other.projectId })}`, other.apiToken)).status,
    ).toBe(404);
    expect((await get(`/api/v1/traces/${'ee'.repeat(16)}?${q({ project: tenant.projectId })}`)).status).toBe(404);
    expect(
      (await get(`/api/v1/releases/verdict?${q({ project: tenant.projectId, service: 'api', release: 'zz' })}`)).status,
    ).toBe(404);
    // The other tenant's own token sees an empty project, not this one's data.
    expect((await get(`/api/v1/stats?${q({ project: other.projectId, ...range })}`, other.apiToken)).body.count).toBe(
      0,
    );
  });

  it('openapi.json is OpenAPI 3.1 and lists every route under app/api/v1', async () => {
    const r = await get('/api/v1/openapi.json', null);
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const root = path.resolve('app/api/v1');
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === 'route.ts') found.push(`/api/v1/${path.relative(root, dir)}`.replace(/\[(\w+)\]/g, '{$1}'));
      }
    };
    walk(root);
    for (const p of found) if (p !== '/api/v1/openapi.json') expect(Object.keys(r.body.paths), p).toContain(p);
  });
});
