import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackFilterSchema } from '../../lib/feedback/feedback-filter';
import { listFeedback } from '../../lib/feedback/queries/list-feedback';
import { listRouteApdex } from '../../lib/feedback/queries/list-route-apdex';
import { adoptApdexThreshold } from '../../lib/feedback/reports/adopt-apdex';
import { apdexReport } from '../../lib/feedback/reports/apdex-report';
import { feedbackScatter } from '../../lib/feedback/reports/feedback-scatter';
import { feedbackSummary } from '../../lib/feedback/reports/feedback-summary';
import { feltSlowerReport } from '../../lib/feedback/reports/felt-slower-report';
import { seededRandom } from '../../lib/feedback/stats/random';
import { checkFeedbackTraces } from '../../lib/feedback/trace-resolver';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createWidgetProject } from './feedback-support';

// The dashboard's feedback queries on a real PostgreSQL: latency from the linked trace (else the
// client timing), per-release/route statistics, felt-slower between releases, the calibrated Apdex.

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
const now = Date.now();
const range = { from: new Date(now - 86_400_000), to: new Date(now + 60_000) };

interface Row {
  release: string;
  route: string;
  rating: number;
  scale?: number;
  traceId?: string;
  interaction?: number;
  inp?: number;
  comment?: string;
  at?: Date;
}

async function insertFeedback(r: Row) {
  await pool.query(
    `INSERT INTO telemetry.feedback (project_id, received_at, rating, scale, trigger, release, route, path, comment,
       trace_id, interaction_ms, inp_ms, origin)
     VALUES ($1, $2, $3, $4, 'manual', $5, $6, $6, $7, decode($8, 'hex'), $9, $10, 'https://shop.example')`,
    [
      projectId,
      r.at ?? new Date(now - 60_000),
      r.rating,
      r.scale ?? 5,
      r.release,
      r.route,
      r.comment ?? null,
      r.traceId ?? null,
      r.interaction ?? null,
      r.inp ?? null,
    ],
  );
}

async function insertSpan(traceId: string, spanId: string, startMs: number, durationMs: number, service = 'api') {
  const start = new Date(startMs);
  await pool.query(`SELECT telemetry.ensure_day_partition('spans', $1::date)`, [start.toISOString().slice(0, 10)]);
  await pool.query(
    `INSERT INTO telemetry.spans (project_id, trace_id, span_id, start_time, duration_ms, name, kind, status_code, service,
       release, environment, route, method, http_status, is_request, is_error, payload_id)
     VALUES ($1, decode($2, 'hex'), decode($3, 'hex'), $4, $5, 'GET /checkout', 2, 0, $6, '1.0', 'prod', '/checkout', 'GET', 200,
       true, false, 0)`,
    [projectId, traceId, spanId, start, durationMs, service],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  projectId = (await createWidgetProject(pool, ['https://shop.example'])).projectId;
});

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('feedback reports', () => {
  it('takes latency from the linked trace entry span, else the interaction, else INP', async () => {
    const traced = 'aa'.repeat(16);
    const t0 = now - 3 * 3_600_000; // r0 is the oldest release of the project
    await insertSpan(traced, '01'.repeat(8), t0 - 10_000, 2400, 'checkout-api'); // entry span
    await insertSpan(traced, '02'.repeat(8), t0 - 9_990, 300, 'db'); // child, starts later
    const at = new Date(t0);
    await insertFeedback({
      release: 'r0',
      route: '/latency',
      rating: 1,
      traceId: traced,
      interaction: 999,
      comment: 'traced',
      at,
    });
    await insertFeedback({ release: 'r0', route: '/latency', rating: 3, interaction: 700, comment: 'interaction', at });
    await insertFeedback({ release: 'r0', route: '/latency', rating: 5, inp: 90, comment: 'inp', at });
    await insertFeedback({
      release: 'r0',
      route: '/latency',
      rating: 4,
      traceId: 'bb'.repeat(16),
      comment: 'missing trace',
      at,
    });
    // The resolver looks each answer's trace up (three hours old: settled at once); reads never do.
    expect(await checkFeedbackTraces(pool)).toBe(2);

    const page = await listFeedback(pool, projectId, { ...range, route: '/latency' }, { limit: 10 });
    expect(page.items).toHaveLength(4);
    const byComment = Object.fromEntries(page.items.map((i) => [i.comment, i]));
    expect(byComment.traced).toMatchObject({
      latencyMs: 2400,
      latencySource: 'trace',
      traceFound: true,
      traceId: traced,
    });
    expect(byComment.interaction).toMatchObject({ latencyMs: 700, latencySource: 'interaction', traceFound: false });
    expect(byComment.inp).toMatchObject({ latencyMs: 90, latencySource: 'inp' });
    expect(byComment['missing trace']).toMatchObject({ latencyMs: null, latencySource: null, traceFound: false });

    const scatter = await feedbackScatter(pool, projectId, { ...range, route: '/latency' });
    expect(scatter.points.map((p) => p.latencyMs).sort((a, b) => a - b)).toEqual([90, 700, 2400]);
    expect(scatter.rho).toBeCloseTo(-1, 9); // slower, worse: perfectly monotone here
  });

  it("checks an answer's trace at once and again while it may change, and keeps its latency after the spans are gone", async () => {
    const recent = 'cc'.repeat(16);
    await insertSpan(recent, '03'.repeat(8), now - 30_000, 150, 'db'); // a child span, exported first
    await insertFeedback({ release: 'r0', route: '/settle', rating: 4, traceId: recent, comment: 'recent' });
    expect(await checkFeedbackTraces(pool)).toBe(1);
    expect(await checkFeedbackTraces(pool)).toBe(0); // the next check waits (at least 30 s)
    // The entry span arrives later (it ends last); the next check takes it.
    await insertSpan(recent, '04'.repeat(8), now - 31_000, 900, 'checkout-api');
    await pool.query(
      `UPDATE telemetry.feedback SET trace_checked_at = now() - interval '2 minutes' WHERE project_id = $1 AND comment = 'recent'`,
      [projectId],
    );
    expect(await checkFeedbackTraces(pool)).toBe(1);
    const { rows } = await pool.query(
      `SELECT comment, trace_ms, trace_service, trace_settled FROM telemetry.feedback
       WHERE project_id = $1 AND trace_id IS NOT NULL ORDER BY comment`,
      [projectId],
    );
    expect(rows).toEqual([
      { comment: 'missing trace', trace_ms: null, trace_service: null, trace_settled: true },
      { comment: 'recent', trace_ms: 900, trace_service: 'checkout-api', trace_settled: false },
      { comment: 'traced', trace_ms: 2400, trace_service: 'checkout-api', trace_settled: true },
    ]);

    // Raw spans expire (retention); the answers keep their trace latency.
    await pool.query(`DELETE FROM telemetry.spans WHERE project_id = $1`, [projectId]);
    const latency = await listFeedback(pool, projectId, { ...range, route: '/latency' }, { limit: 10 });
    expect(latency.items.find((i) => i.comment === 'traced')).toMatchObject({
      latencyMs: 2400,
      latencySource: 'trace',
      traceFound: true,
    });
    const settle = await listFeedback(pool, projectId, { ...range, route: '/settle' }, { limit: 10 });
    expect(settle.items[0]).toMatchObject({ latencyMs: 900, latencySource: 'trace', traceFound: true });
  });

  it('pages the list newest first and filters comments', async () => {
    const first = await listFeedback(pool, projectId, { ...range, route: '/latency' }, { limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextBefore).not.toBeNull();
    const second = await listFeedback(
      pool,
      projectId,
      { ...range, route: '/latency' },
      { limit: 3, before: first.nextBefore ?? undefined },
    );
    expect(second.items).toHaveLength(1);
    expect(second.nextBefore).toBeNull();
    const ids = [...first.items, ...second.items].map((i) => Number(i.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('summarises per release and route, and finds the route that felt slower', async () => {
    // /pay: 1.0 loved (5s), 2.0 disliked (2s): a 75-point drop on 30 answers each. /home: unchanged.
    for (let i = 0; i < 30; i++) {
      await insertFeedback({ release: '1.0', route: '/pay', rating: 5, at: new Date(now - 7_200_000) });
      await insertFeedback({ release: '2.0', route: '/pay', rating: 2 });
      await insertFeedback({ release: '1.0', route: '/home', rating: 4, at: new Date(now - 7_200_000) });
      await insertFeedback({ release: '2.0', route: '/home', rating: 4 });
    }
    const summary = await feedbackSummary(pool, projectId, { ...range, release: '2.0' });
    expect(summary.overall.count).toBe(60);
    const pay = summary.byRoute.find((r) => r.route === '/pay')?.stats;
    expect(pay).toMatchObject({ count: 30, meanRating: 2, scale: 5, shareSatisfied: 0 });
    expect(pay?.score).toBeCloseTo(25, 9);
    expect(summary.byRelease.map((r) => r.release)).toEqual(['2.0']);

    // By default the newest release (by first answer) against the one before it.
    const felt = await feltSlowerReport(pool, projectId, range, {});
    expect(felt).toMatchObject({ base: '1.0', target: '2.0', releases: ['r0', '1.0', '2.0'] });
    expect(felt.routes.map((r) => [r.route, Math.round(r.drop), r.flagged])).toEqual([
      ['/pay', 75, true],
      ['/home', 0, false],
    ]);
  });

  it('fits the Apdex T per route and adopts it', async () => {
    // Synthetic users on /search stop answering "fast" around 600 ms.
    const random = seededRandom(3);
    for (let i = 0; i < 300; i++) {
      const latency = Math.round(Math.exp(Math.log(60) + random() * Math.log(100)));
      const fast = random() < 1 / (1 + (latency / 600) ** 3);
      await insertFeedback({ release: '2.0', route: '/search', rating: fast ? 5 : 2, interaction: latency });
    }
    const report = await apdexReport(pool, projectId, range);
    expect(report?.projectDefaultMs).toBe(300);
    const search = report?.routes.find((r) => r.route === '/search');
    expect(search?.fit.status).toBe('ok');
    const t = search?.fit.thresholdMs as number;
    expect(t).toBeGreaterThan(450);
    expect(t).toBeLessThan(800);
    expect(search?.fit.ci?.low).toBeLessThan(t);
    expect(search?.adoptedMs).toBeNull();

    await adoptApdexThreshold(pool, { project: projectId, route: '/search', service: '', thresholdMs: t });
    expect(await listRouteApdex(pool, projectId)).toMatchObject([
      { route: '/search', service: '', thresholdMs: Math.round(t) },
    ]);
    const after = await apdexReport(pool, projectId, range);
    expect(after?.routes.find((r) => r.route === '/search')?.adoptedMs).toBe(Math.round(t));
  });
  it("filters by the service of an answer's linked trace: summary, scatter and list", async () => {
    // Two answers through checkout-api, one through search-api (its entry span; a db child span does not
    // count), one without a trace: that one belongs to no service.
    const traces = { a: 'a1'.repeat(16), b: 'b1'.repeat(16), c: 'c1'.repeat(16) };
    await insertSpan(traces.a, '11'.repeat(8), now - 50_000, 300, 'checkout-api');
    await insertSpan(traces.b, '12'.repeat(8), now - 50_000, 500, 'checkout-api');
    await insertSpan(traces.c, '13'.repeat(8), now - 50_000, 200, 'search-api');
    await insertSpan(traces.c, '14'.repeat(8), now - 49_990, 20, 'db');
    await insertFeedback({ release: 'svc', route: '/pay', rating: 5, traceId: traces.a });
    await insertFeedback({ release: 'svc', route: '/pay', rating: 3, traceId: traces.b });
    await insertFeedback({ release: 'svc', route: '/find', rating: 4, traceId: traces.c });
    await insertFeedback({ release: 'svc', route: '/find', rating: 1, interaction: 80 });
    expect(await checkFeedbackTraces(pool)).toBeGreaterThanOrEqual(3);

    const count = async (service?: string) =>
      (await feedbackSummary(pool, projectId, { ...range, release: 'svc', service })).overall.count;
    expect([await count(), await count('checkout-api'), await count('search-api'), await count('db')]).toEqual([
      4, 2, 1, 0,
    ]);
    const checkout = await feedbackSummary(pool, projectId, { ...range, release: 'svc', service: 'checkout-api' });
    expect(checkout.byRoute.map((r) => [r.route, r.stats.meanRating])).toEqual([['/pay', 4]]);
    const scatter = await feedbackScatter(pool, projectId, { ...range, release: 'svc', service: 'search-api' });
    expect(scatter.points.map((p) => p.latencyMs)).toEqual([200]);
    const list = await listFeedback(
      pool,
      projectId,
      { ...range, release: 'svc', service: 'checkout-api' },
      { limit: 10 },
    );
    expect(list.items.map((i) => i.rating).sort()).toEqual([3, 5]);
    // The API takes it from the query string; '' means all services.
    const params = (q: string) => feedbackFilterSchema.parse(Object.fromEntries(new URLSearchParams(q))).filter;
    expect(params('project=1&service=checkout-api').service).toBe('checkout-api');
    expect(params('project=1&service=').service).toBeUndefined();
  });
});
