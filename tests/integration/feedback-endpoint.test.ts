import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfigForTests } from '../../lib/config';
import { closePool, initPool } from '../../lib/db/pool';
import { type AppServer, startAppServer } from '../../lib/server/app-server';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { answer, BROWSER_UA, createWidgetProject, postFeedback, type WidgetProject } from './feedback-support';

// POST /api/v1/feedback over real HTTP on the in-process fast path, against a real PostgreSQL:
// CORS per project, preflight, rate limits, robots, size and field caps, and the stored row.

const SHOP = 'https://shop.example';
let database: TestDatabase;
let pool: pg.Pool;
let app: AppServer; // generous key budget, 3 answers per IP (per X-Forwarded-For address)
let tightKeyApp: AppServer; // 2 answers per key
let shop: WidgetProject;
let other: WidgetProject;
let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

async function startWith(env: Record<string, string>): Promise<AppServer> {
  Object.assign(process.env, env);
  resetConfigForTests();
  return startAppServer({ port: 0, host: '127.0.0.1' });
}

async function rows(projectId: number) {
  const result = await pool.query(
    `SELECT rating, scale, score01, trigger, release, route, path, comment, encode(trace_id, 'hex') AS trace_id,
            user_segment, ttfb_ms, dcl_ms, load_ms, lcp_ms, inp_ms, interaction_ms, origin, received_at
     FROM telemetry.feedback WHERE project_id = $1 ORDER BY id`,
    [projectId],
  );
  return result.rows;
}

beforeAll(async () => {
  database = await createTestDatabase();
  initPool(database.url, 10);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  shop = await createWidgetProject(pool, [SHOP, 'http://localhost:8080']);
  other = await createWidgetProject(pool, ['https://other.example'], 'Other');
  app = await startWith({
    TAILWATCH_TRUSTED_PROXY_HOPS: '1',
    TAILWATCH_FEEDBACK_PER_IP_BURST: '3',
    TAILWATCH_FEEDBACK_PER_IP_PER_MINUTE: '3',
    TAILWATCH_FEEDBACK_PER_KEY_BURST: '1000',
    TAILWATCH_FEEDBACK_PER_KEY_PER_MINUTE: '1000',
  });
  tightKeyApp = await startWith({
    TAILWATCH_FEEDBACK_PER_IP_BURST: '1000',
    TAILWATCH_FEEDBACK_PER_KEY_BURST: '2',
    TAILWATCH_FEEDBACK_PER_KEY_PER_MINUTE: '2',
  });
});

afterAll(async () => {
  await app?.close();
  await tightKeyApp?.close();
  await pool?.end();
  await closePool();
  await database?.drop();
});

describe('POST /api/v1/feedback', () => {
  it('stores an answer from an allowed origin and grants exactly that origin', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = answer(shop.publicKey, {
      rating: 2,
      trigger: 'slow',
      comment: '<img src=x onerror=alert(1)> so slow',
      traceId,
      userSegment: 'beta',
      timings: { ttfb: 81.4, domContentLoaded: 400, load: 1200, lcp: 950, inp: 180, interaction: 2300 },
    });
    const before = Date.now();
    const res = await postFeedback(app.url, body, { ip: freshIp() });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(res.headers.get('vary')).toMatch(/Origin/);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('ratelimit-limit')).toBe('1000');
    // 204 came after the commit: a fresh connection sees the row at once.
    const stored = await rows(shop.projectId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      rating: 2,
      scale: 5,
      score01: 0.25,
      trigger: 'slow',
      release: '1.4.2',
      route: '/checkout',
      path: '/checkout',
      comment: '<img src=x onerror=alert(1)> so slow',
      trace_id: traceId,
      user_segment: 'beta',
      ttfb_ms: 81,
      dcl_ms: 400,
      load_ms: 1200,
      lcp_ms: 950,
      inp_ms: 180,
      interaction_ms: 2300,
      origin: SHOP,
    });
    expect((stored[0].received_at as Date).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('accepts application/json senders too', async () => {
    const res = await postFeedback(app.url, answer(shop.publicKey), {
      ip: freshIp(),
      contentType: 'application/json',
      origin: 'http://localhost:8080',
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
  });

  it('refuses an origin the project does not list, with no CORS grant and nothing stored', async () => {
    const before = (await rows(shop.projectId)).length;
    for (const origin of ['https://evil.example', 'https://other.example', null]) {
      const res = await postFeedback(app.url, answer(shop.publicKey, { comment: 'from elsewhere' }), {
        ip: freshIp(),
        origin,
      });
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await res.json()).error.code).toBe('origin_not_allowed');
    }
    expect(await rows(shop.projectId)).toHaveLength(before);
  });

  it('refuses an unknown key with 401', async () => {
    const res = await postFeedback(app.url, answer('tw_pub_nope'), { ip: freshIp() });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_key');
  });

  it('answers preflights for listed origins with a day of Max-Age, and refuses others', async () => {
    const preflight = (origin: string, path = '/api/v1/feedback') =>
      fetch(`${app.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ok = await preflight(SHOP);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(ok.headers.get('access-control-allow-methods')).toBe('POST');
    expect(ok.headers.get('access-control-allow-headers')?.toLowerCase()).toBe('content-type');
    expect(ok.headers.get('access-control-max-age')).toBe('86400');
    expect(ok.headers.get('vary')).toMatch(/Origin/);

    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    // With the key in the query string the project's own list decides: other.example is listed, but not for shop.
    const wrongProject = await preflight('https://other.example', `/api/v1/feedback?key=${shop.publicKey}`);
    expect(wrongProject.status).toBe(403);
  });

  it('limits answers per IP with 429, Retry-After and RateLimit headers', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) expect((await postFeedback(app.url, answer(shop.publicKey), { ip })).status).toBe(204);
    const limited = await postFeedback(app.url, answer(shop.publicKey), { ip });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-limit')).toBe('3');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // Another address still has its budget.
    expect((await postFeedback(app.url, answer(shop.publicKey), { ip: freshIp() })).status).toBe(204);
  });

  it('limits answers per key, independently of other keys', async () => {
    const body = answer(other.publicKey);
    const from = { origin: 'https://other.example' };
    expect((await postFeedback(tightKeyApp.url, body, from)).status).toBe(204);
    expect((await postFeedback(tightKeyApp.url, body, from)).status).toBe(204);
    const limited = await postFeedback(tightKeyApp.url, body, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
    expect(limited.headers.get('ratelimit-limit')).toBe('2');
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    // The CORS grant stays, so the page's script can read Retry-After.
    expect(limited.headers.get('access-control-allow-origin')).toBe('https://other.example');
    expect(limited.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect((await postFeedback(tightKeyApp.url, answer(shop.publicKey))).status).toBe(204);
  });

  it('accepts robots with 202 and stores nothing', async () => {
    const before = (await rows(shop.projectId)).length;
    for (const userAgent of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'curl/8.5.0',
      '',
    ]) {
      const res = await postFeedback(app.url, answer(shop.publicKey, { comment: 'robot' }), {
        ip: freshIp(),
        userAgent,
      });
      expect(res.status).toBe(202);
    }
    expect(await rows(shop.projectId)).toHaveLength(before);
  });

  it('refuses bodies over 16 KiB with 413', async () => {
    const body = JSON.stringify(answer(shop.publicKey, { comment: 'x'.repeat(17 * 1024) }));
    const res = await postFeedback(app.url, null, { ip: freshIp(), body });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('names the offending field in a 400', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ comment: 'y'.repeat(1001) }, 'comment'],
      [{ rating: 9 }, 'rating'],
      [{ path: '/search?q=secret' }, 'path'],
      [{ timings: { lcp: 'fast' } }, 'timings.lcp'],
      [{ traceId: 'not-a-trace' }, 'traceId'],
    ];
    for (const [patch, field] of cases) {
      const res = await postFeedback(app.url, answer(shop.publicKey, patch), { ip: freshIp() });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error.code).toBe('invalid_field');
      expect(Object.keys(body.error.fields)).toEqual([field]);
      expect(body.error.message).toContain(field);
      expect(res.headers.get('access-control-allow-origin')).toBe(SHOP);
    }
    const broken = await postFeedback(app.url, null, { ip: freshIp(), body: '{"v":1,' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.code).toBe('invalid_json');
  });

  it('leaves GET on the path to the dashboard API (not served by the public fast path)', async () => {
    const res = await fetch(`${app.url}/api/v1/feedback?project=${shop.projectId}`, {
      headers: { authorization: `Bearer ${shop.publicKey}`, origin: SHOP, 'user-agent': BROWSER_UA },
    });
    // Without Next in this server the request has nowhere to go; in the app it is the list API (see feedback-read-api).
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).not.toContain('comment');
  });
});
