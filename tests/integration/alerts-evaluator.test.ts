import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAllRules } from '../../lib/alerts/evaluator';
import { previewRule } from '../../lib/alerts/preview';
import { type RuleInput, ruleConditionSchema } from '../../lib/alerts/rule-schema';
import { deleteRule } from '../../lib/alerts/rules/delete-rule';
import { listAlertHistory } from '../../lib/alerts/rules/list-rule-history';
import { listRuleStates } from '../../lib/alerts/rules/list-rule-states';
import { listRules } from '../../lib/alerts/rules/list-rules';
import { createRule, updateRule } from '../../lib/alerts/rules/save-rule';
import type { AlertmanagerPayload } from '../../lib/webhooks/alertmanager-payload';
import { parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import { runDelivery } from '../../lib/webhooks/outbox-dispatcher';
import type { TailwatchAlertPayload } from '../../lib/webhooks/tailwatch-payload';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createProject, insertRollup, messages, minuteOf, verifySigned } from './webhooks-support';

// The evaluator on rollup rows written directly (the same rows ingest writes), with virtual evaluation
// times, real outbox delivery and a real receiver.
const allowHosts = parseAllowHosts('127.0.0.1');
const EXTERNAL_URL = 'http://tailwatch.test';
const MIN = 60_000;

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
let hook: TestReceiver;
let T: number; // a minute boundary 2 h ago: every test writes its own minutes after it

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  projectId = await createProject(pool, 'Shop');
  hook = await startReceiver(() => ({ status: 200 }));
  T = minuteOf(Date.now() - 2 * 3600_000).getTime();
});
afterEach(async () => {
  hook.requests.length = 0;
  await pool.query(
    'DELETE FROM alert_rules; DELETE FROM webhook_endpoints; DELETE FROM telemetry.rollup_minute; DELETE FROM telemetry.feedback',
  );
});
afterAll(async () => {
  await hook?.close();
  await pool?.end();
  await database?.drop();
});

const p95Rule = (extra: Partial<RuleInput> = {}): RuleInput => ({
  name: 'Checkout p95',
  metric: 'latency_p95',
  filters: { service: 'checkout' },
  comparator: '>',
  threshold: 500,
  windowSeconds: 120,
  forSeconds: 60,
  severity: 'critical',
  labels: { team: 'payments' },
  ...extra,
});

/** Minutes [from, to) relative to T, each with 20 requests around `ms`. */
async function traffic(
  fromMinute: number,
  toMinute: number,
  ms: number,
  extra: { errors?: number; service?: string } = {},
) {
  for (let m = fromMinute; m < toMinute; m++) {
    await insertRollup(pool, {
      projectId,
      bucket: new Date(T + m * MIN),
      latencies: Array.from({ length: 20 }, (_, i) => ms + i),
      errors: extra.errors,
      service: extra.service,
    });
  }
}

const evaluateAt = (minute: number, seconds = 30) =>
  evaluateAllRules({ pool, externalUrl: EXTERNAL_URL, now: new Date(T + minute * MIN + seconds * 1000) });

const deliverAll = () => runDelivery({ pool, allowHosts, pollMs: 50 });

describe('alert evaluation', () => {
  it('goes pending, fires after `for`, resolves, and notifies exactly on firing and resolve', async () => {
    const rule = await createRule(pool, projectId, p95Rule());
    const { secret } = await createEndpoint(pool, projectId, { name: 'oncall', url: hook.url }, allowHosts);
    await createEndpoint(pool, projectId, { name: 'am', url: `${hook.url}/am`, format: 'alertmanager' }, allowHosts);
    await traffic(0, 5, 100);
    await traffic(5, 9, 900);
    await traffic(9, 14, 100);

    expect((await evaluateAt(4)).notifications).toBe(0);
    await evaluateAt(5); // breach begins: pending
    expect((await listRuleStates(pool, projectId, rule.id))[0].status).toBe('pending');
    await evaluateAt(6); // held 60 s: firing
    await evaluateAt(7); // still firing, no repeat yet
    await evaluateAt(9); // window 8-9 still slow
    await evaluateAt(10); // window 9-10 fast again: resolved
    await evaluateAt(11);

    const history = await listAlertHistory(pool, projectId, { ruleId: rule.id });
    expect(history.map((h) => [h.fromStatus, h.toStatus, h.notified]).reverse()).toEqual([
      ['ok', 'pending', false],
      ['pending', 'firing', true],
      ['firing', 'resolved', true],
    ]);
    const outbox = await messages(pool);
    expect(outbox.map((m) => m.event_type).sort()).toEqual([
      'alert.firing',
      'alert.firing',
      'alert.resolved',
      'alert.resolved',
    ]);

    await deliverAll();
    const ours = hook.requests.filter((r) => r.url === '/');
    const payloads = ours.map((r) => verifySigned(r, secret) as TailwatchAlertPayload);
    expect(payloads.map((p) => p.type)).toEqual(['alert.firing', 'alert.resolved']);
    const [firing, resolved] = payloads;
    expect(firing.data.values.p95_ms).toBeGreaterThan(900 * 0.99);
    expect(firing.data.labels).toEqual({ team: 'payments' });
    expect(firing.data.startsAt).toBe(new Date(T + 5 * MIN + 30_000).toISOString());
    expect(resolved.data.endsAt).toBe(new Date(T + 10 * MIN + 30_000).toISOString());
    expect(firing.data.links.rule).toBe(`${EXTERNAL_URL}/projects/${projectId}/alerts/${rule.id}`);
    const am = hook.requests.filter((r) => r.url === '/am').map((r) => JSON.parse(r.body) as AlertmanagerPayload);
    expect(am.map((p) => p.status)).toEqual(['firing', 'resolved']);
    // Receivers that deduplicate by fingerprint see one alert across both notifications.
    expect(am[0].alerts[0].fingerprint).toBe(am[1].alerts[0].fingerprint);
  });

  it('repeats a notification while firing once per repeat interval', async () => {
    await createRule(pool, projectId, p95Rule({ forSeconds: 0, repeatIntervalSeconds: 300 }));
    await createEndpoint(pool, projectId, { name: 'oncall', url: hook.url }, allowHosts);
    await traffic(0, 20, 900);
    for (let minute = 1; minute <= 12; minute++) await evaluateAt(minute);
    // Fired at minute 1, repeated at 6 and 11.
    const outbox = await messages(pool);
    expect(outbox).toHaveLength(3);
    expect(outbox.every((m) => m.event_type === 'alert.firing')).toBe(true);
  });

  it('keeps one state per series when grouped, and reads error rate per service', async () => {
    const rule = await createRule(pool, projectId, {
      name: 'Errors',
      metric: 'error_rate',
      groupBy: ['service'],
      comparator: '>=',
      threshold: 10,
      windowSeconds: 300,
      forSeconds: 0,
    });
    await traffic(0, 5, 100, { service: 'checkout', errors: 4 }); // 20 %
    await traffic(0, 5, 100, { service: 'search', errors: 1 }); // 5 %
    await evaluateAt(4);
    const states = await listRuleStates(pool, projectId, rule.id);
    expect(states.map((s) => [s.labels.service, s.status, s.value])).toEqual([
      ['checkout', 'firing', 20],
      ['search', 'ok', 5],
    ]);
    const [summary] = await listRules(pool, projectId);
    expect(summary).toMatchObject({ status: 'firing', firingCount: 1, seriesCount: 2 });
  });

  it('scores perceived performance from poll answers, as no data below the minimum answers', async () => {
    const rule = await createRule(pool, projectId, {
      name: 'Feels slow',
      metric: 'perceived_score',
      groupBy: ['route'],
      comparator: '<',
      threshold: 50,
      forSeconds: 0,
      minRequests: 3,
    });
    const answer = (route: string, rating: number, scale: number) =>
      pool.query(
        `INSERT INTO telemetry.feedback (project_id, received_at, rating, scale, trigger, route, path, origin)
         VALUES ($1, $2, $3, $4, 'manual', $5, '/', 'https://shop.example')`,
        [projectId, new Date(T + 3 * MIN), rating, scale, route],
      );
    // /pay: 1 of 5, 2 of 5, 3 of 10 -> score01 0, 0.25, 0.222 -> 15.7; /search: two answers only.
    await answer('/pay', 1, 5);
    await answer('/pay', 2, 5);
    await answer('/pay', 3, 10);
    await answer('/search', 5, 5);
    await answer('/search', 1, 5);
    await evaluateAt(4);
    const states = await listRuleStates(pool, projectId, rule.id);
    expect(
      states.map((s) => [s.labels.route, s.status, s.value === null ? null : Math.round(s.value * 10) / 10]),
    ).toEqual([
      ['/pay', 'firing', 15.7],
      ['/search', 'ok', null],
    ]);
  });

  it('resolves open alerts when a rule is disabled or deleted, so receivers are not left hanging', async () => {
    const a = await createRule(pool, projectId, p95Rule({ name: 'A', forSeconds: 0 }));
    const b = await createRule(pool, projectId, p95Rule({ name: 'B', forSeconds: 0 }));
    await createEndpoint(pool, projectId, { name: 'oncall', url: hook.url }, allowHosts);
    await traffic(0, 5, 900);
    await evaluateAt(3);
    await updateRule(pool, projectId, a.id, { ...p95Rule({ name: 'A', forSeconds: 0 }), enabled: false });
    await evaluateAt(4);
    await deleteRule(pool, projectId, b.id, { externalUrl: EXTERNAL_URL, now: new Date(T + 4 * MIN + 40_000) });
    const types = (await messages(pool)).map((m) => m.event_type);
    expect(types).toEqual(['alert.firing', 'alert.firing', 'alert.resolved', 'alert.resolved']);
  });

  it('previews where a rule would have fired, with the evaluated series', async () => {
    await traffic(0, 5, 100);
    await traffic(5, 9, 900);
    await traffic(9, 14, 100);
    const preview = await previewRule({ db: pool }, projectId, ruleConditionSchema.parse(p95Rule()), T + 20 * MIN);
    expect(preview.series).toHaveLength(1);
    const [series] = preview.series;
    expect(series.points.at(-1)?.t).toBe(T + 20 * MIN);
    // Steps are minute ends: the breach is seen from the end of minute 5 (t = T+6m) until the window
    // (2 min) no longer holds slow minutes (t = T+11m); `for` 60 s delays firing by one step.
    expect(series.fires).toEqual([{ fromMs: T + 7 * MIN, toMs: T + 11 * MIN }]);
    const slow = series.points.filter((p) => (p.value ?? 0) > 500).map((p) => (p.t - T) / MIN);
    expect(slow).toEqual([6, 7, 8, 9, 10]);
  });
});
