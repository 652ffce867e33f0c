import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAllRules } from '../../lib/alerts/evaluator';
import { listRuleStates } from '../../lib/alerts/rules/list-rule-states';
import { createRule } from '../../lib/alerts/rules/save-rule';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createProject, insertRollup, minuteOf } from './webhooks-support';

// The metrics that read more than one minute tier or table: release regressions (day/hour tiers for
// release order and baseline), queue-depth gauges (raw metric points) and throughput drops.
const MIN = 60_000;
const HOUR = 60 * MIN;

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  projectId = await createProject(pool);
});
afterEach(async () => {
  await pool.query(`DELETE FROM alert_rules; DELETE FROM telemetry.rollup_minute; DELETE FROM telemetry.rollup_hour;
    DELETE FROM telemetry.rollup_day; DELETE FROM telemetry.metric_points`);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const latencies = (base: number) => Array.from({ length: 50 }, (_, i) => base + i);
const hourOf = (ms: number) => new Date(Math.floor(ms / HOUR) * HOUR);
const dayOf = (ms: number) => new Date(Math.floor(ms / (24 * HOUR)) * 24 * HOUR);

async function releaseTraffic(release: string, atMs: number, base: number, errors = 0) {
  for (const tier of ['rollup_minute', 'rollup_hour', 'rollup_day'] as const) {
    const bucket = tier === 'rollup_minute' ? minuteOf(atMs) : tier === 'rollup_hour' ? hourOf(atMs) : dayOf(atMs);
    await pool.query(`DELETE FROM telemetry.${tier} WHERE release = $1 AND bucket = $2`, [release, bucket]);
    await insertRollup(pool, { projectId, bucket, latencies: latencies(base), errors, release, tier });
  }
}

async function stateOf(ruleId: string) {
  return (await listRuleStates(pool, projectId, ruleId)).map((s) => ({
    labels: s.labels,
    status: s.status,
    value: s.value,
  }));
}

describe('alert metrics beyond plain request rollups', () => {
  it('compares the newest release with the one before it', async () => {
    const now = Date.now();
    // 1.0.0 ran for the last two days until 1.1.0 appeared 3 h ago, twice as slow and with more errors.
    await releaseTraffic('0.9.0', now - 5 * 24 * HOUR, 50);
    for (let h = 48; h > 3; h -= 6) await releaseTraffic('1.0.0', now - h * HOUR, 100, 1);
    await releaseTraffic('1.1.0', now - 3 * HOUR, 200, 6);
    await releaseTraffic('1.1.0', now - 2 * MIN, 200, 6);

    const p95 = await createRule(pool, projectId, {
      name: 'p95 regression',
      metric: 'release_p95_regression',
      groupBy: ['service'],
      comparator: '>',
      threshold: 20,
      windowSeconds: 600,
      minRequests: 10,
    });
    const errors = await createRule(pool, projectId, {
      name: 'error regression',
      metric: 'release_error_rate_regression',
      comparator: '>',
      threshold: 5,
      windowSeconds: 600,
      minRequests: 10,
    });
    const run = await evaluateAllRules({ pool, externalUrl: 'http://tailwatch.test', now: new Date(now) });
    expect(run.failedRules).toBe(0);

    const [p95State] = await stateOf(p95.id);
    expect(p95State.labels).toEqual({ service: 'checkout' });
    expect(p95State.status).toBe('firing');
    // Nearest-rank p95 of 200..249 is 247, of 100..149 is 147: +68 %, within the sketches' 1 % either side.
    expect(p95State.value).toBeGreaterThan(65);
    expect(p95State.value).toBeLessThan(71);
    const [errorState] = await stateOf(errors.id);
    expect(errorState.value).toBeCloseTo(10); // 12 % - 2 %
    const events = await pool.query(`SELECT body FROM webhook_messages`);
    expect(events.rows).toHaveLength(0); // no endpoints: state only
  });

  it('sums the latest queue-depth gauge of each series', async () => {
    const now = Date.now();
    await pool.query("SELECT telemetry.ensure_day_partition('metric_points', $1::date)", [new Date(now).toISOString()]);
    await pool.query("SELECT telemetry.ensure_day_partition('metric_points', $1::date)", [
      new Date(now - 10 * MIN).toISOString(),
    ]);
    const point = (series: string, atMs: number, value: number, name = 'queue.depth') =>
      pool.query(
        `INSERT INTO telemetry.metric_points (project_id, series_key, time, name, kind, service, release, environment,
           attributes, value) VALUES ($1, $2, $3, $4, 'gauge', 'worker', '1.0', 'prod', '{}', $5)`,
        [projectId, series, new Date(atMs), name, value],
      );
    await point('q-emails', now - 4 * MIN, 900);
    await point('q-emails', now - 1 * MIN, 400);
    await point('q-reports', now - 2 * MIN, 700);
    await point('cpu', now - 1 * MIN, 99_999, 'system.cpu.utilization');
    const rule = await createRule(pool, projectId, {
      name: 'backlog',
      metric: 'queue_depth',
      groupBy: ['service'],
      comparator: '>',
      threshold: 1000,
      windowSeconds: 600,
    });
    await evaluateAllRules({ pool, externalUrl: 'http://tailwatch.test', now: new Date(now) });
    expect(await stateOf(rule.id)).toEqual([{ labels: { service: 'worker' }, status: 'firing', value: 1100 }]);
  });

  it('sees a service whose traffic stopped as zero throughput, not as a vanished series', async () => {
    const now = Date.now();
    for (let m = 40; m > 10; m--) {
      await insertRollup(pool, { projectId, bucket: minuteOf(now - m * MIN), latencies: [10, 20], service: 'search' });
    }
    const rule = await createRule(pool, projectId, {
      name: 'traffic stopped',
      metric: 'throughput',
      groupBy: ['service'],
      comparator: '<',
      threshold: 1,
      windowSeconds: 300,
    });
    await evaluateAllRules({ pool, externalUrl: 'http://tailwatch.test', now: new Date(now) });
    expect(await stateOf(rule.id)).toEqual([{ labels: { service: 'search' }, status: 'firing', value: 0 }]);
  });
});
