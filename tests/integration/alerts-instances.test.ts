import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyEvaluation } from '../../lib/alerts/apply-evaluation';
import { evaluateAllRules } from '../../lib/alerts/evaluator';
import { createRule } from '../../lib/alerts/rules/save-rule';
import { parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import { inTransaction } from '../../lib/webhooks/outbox-db';
import { runDelivery } from '../../lib/webhooks/outbox-dispatcher';
import type { TailwatchAlertPayload } from '../../lib/webhooks/tailwatch-payload';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createProject, insertRollup, messages, minuteOf, verifySigned } from './webhooks-support';

// Two app instances = two connection pools on one database, running the evaluator and the delivery
// worker at the same moments. Whatever the interleaving, each state change is notified exactly once.
const allowHosts = parseAllowHosts('127.0.0.1');
const MIN = 60_000;

let database: TestDatabase;
let instances: pg.Pool[];
let hook: TestReceiver;

beforeAll(async () => {
  database = await createTestDatabase();
  instances = [0, 1].map(() => new pg.Pool({ connectionString: database.url, max: 6 }));
  hook = await startReceiver(() => ({ status: 200 }));
});
afterAll(async () => {
  await hook?.close();
  await Promise.all(instances?.map((p) => p.end()) ?? []);
  await database?.drop();
});

describe('several instances', () => {
  it('notify each firing and resolve exactly once', async () => {
    const [a] = instances;
    const projectId = await createProject(a);
    const T = minuteOf(Date.now() - 3600_000).getTime();
    for (let m = 0; m < 20; m++) {
      const ms = m >= 5 && m < 10 ? 900 : 100;
      await insertRollup(a, { projectId, bucket: new Date(T + m * MIN), latencies: [ms, ms + 1, ms + 2] });
    }
    const rules = await Promise.all(
      ['p95 one', 'p95 two', 'p95 three'].map((name) =>
        createRule(a, projectId, {
          name,
          metric: 'latency_p95',
          comparator: '>',
          threshold: 500,
          windowSeconds: 60,
          forSeconds: 30,
        }),
      ),
    );
    const { secret } = await createEndpoint(a, projectId, { name: 'oncall', url: hook.url }, allowHosts);

    // Every 30 s of virtual time both instances evaluate and deliver at once; some rounds the second
    // evaluator finds the lock taken, others it runs right after the first and finds the states fresh.
    for (let step = 0; step < 30; step++) {
      const now = new Date(T + step * 30_000 + 15_000);
      await Promise.all(
        instances.map(async (pool) => {
          await evaluateAllRules({ pool, externalUrl: 'http://tailwatch.test', now });
          await runDelivery({ pool, allowHosts, pollMs: 20 });
        }),
      );
    }
    await Promise.all(instances.map((pool) => runDelivery({ pool, allowHosts })));

    const outbox = await messages(a);
    expect(outbox.filter((m) => m.event_type === 'alert.firing')).toHaveLength(rules.length);
    expect(outbox.filter((m) => m.event_type === 'alert.resolved')).toHaveLength(rules.length);
    expect(outbox.every((m) => m.status === 'delivered')).toBe(true);
    const received = hook.requests.map((r) => verifySigned(r, secret) as TailwatchAlertPayload);
    const perRule = new Map<string, string[]>();
    for (const p of received) perRule.set(p.data.rule.name, [...(perRule.get(p.data.rule.name) ?? []), p.type]);
    expect(Object.fromEntries(perRule)).toEqual({
      'p95 one': ['alert.firing', 'alert.resolved'],
      'p95 two': ['alert.firing', 'alert.resolved'],
      'p95 three': ['alert.firing', 'alert.resolved'],
    });
    const ids = hook.requests.map((r) => r.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('notify once even when two evaluations of the same moment race past the evaluator lock', async () => {
    const [a] = instances;
    const projectId = await createProject(a, 'Race');
    await createEndpoint(a, projectId, { name: 'oncall', url: hook.url }, allowHosts);
    const rule = await createRule(a, projectId, {
      name: 'race',
      metric: 'error_rate',
      groupBy: ['service'],
      comparator: '>',
      threshold: 1,
      forSeconds: 0,
    });
    // Each round flips the condition, so each round is a state change with a notification per series.
    const rounds = 6;
    for (let round = 0; round < rounds; round++) {
      const value = round % 2 === 0 ? 50 : 0;
      const observed = ['api', 'web', 'jobs'].map((service) => ({
        key: `service="${service}"`,
        labels: { service },
        value,
      }));
      const ctx = {
        now: new Date(Date.now() + round * 1000),
        projectName: 'Race',
        externalUrl: 'http://tailwatch.test',
      };
      await Promise.all(
        instances.map((pool) => inTransaction(pool, (client) => applyEvaluation(client, rule, observed, ctx))),
      );
    }
    const outbox = await a.query(
      'SELECT count(*)::int AS n FROM webhook_messages m JOIN alert_events e ON e.id = m.alert_event_id WHERE e.rule_id = $1',
      [rule.id],
    );
    expect(outbox.rows[0].n).toBe(rounds * 3);
  });

  it('evaluate once per period between them, whatever their timer phases', async () => {
    const [a, b] = instances;
    const projectId = await createProject(a, 'Phases');
    await createRule(a, projectId, { name: 'any', metric: 'throughput', comparator: '<', threshold: 1 });
    // Clear of the virtual times the other tests evaluated at.
    const at = Date.now() + 3600_000;
    const options = { externalUrl: 'http://tailwatch.test', minIntervalMs: 25_000 };
    expect((await evaluateAllRules({ ...options, pool: a, now: new Date(at) })).ran).toBe(true);
    expect((await evaluateAllRules({ ...options, pool: b, now: new Date(at + 10_000) })).ran).toBe(false);
    expect((await evaluateAllRules({ ...options, pool: b, now: new Date(at + 30_000) })).ran).toBe(true);
  });

  it('deliver a large outbox with no message sent twice', async () => {
    const [a] = instances;
    const projectId = await createProject(a, 'Bulk');
    const bulk = await startReceiver(() => ({ status: 200 }));
    try {
      const endpoints = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          createEndpoint(a, projectId, { name: `e${n}`, url: `${bulk.url}/${n}` }, allowHosts),
        ),
      );
      await a.query(
        `INSERT INTO webhook_messages (id, endpoint_id, webhook_id, event_type, body, status, attempts, next_attempt_at, created_at)
         SELECT gen_random_uuid(), e.id, 'msg_bulk_' || e.id || '_' || n, 'test', '{"n":' || n || '}', 'pending', 0, now(), now()
         FROM unnest($1::uuid[]) AS e(id), generate_series(1, 40) AS n`,
        [endpoints.map((e) => e.endpoint.id)],
      );

      await Promise.all(instances.map((pool) => runDelivery({ pool, allowHosts, concurrency: 4 })));

      const ids = bulk.requests.map((r) => String(r.headers['webhook-id']));
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
      const counts = await a.query(
        `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered, count(*)::int AS total
         FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id WHERE e.project_id = $1`,
        [projectId],
      );
      expect(counts.rows[0]).toEqual({ delivered: 200, total: 200 });
    } finally {
      await bulk.close();
    }
  });
});
