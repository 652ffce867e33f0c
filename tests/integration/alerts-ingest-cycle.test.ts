import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRule } from '../../lib/alerts/rules/save-rule';
import { parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import type { TailwatchAlertPayload } from '../../lib/webhooks/tailwatch-payload';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { eventually, sleep, verifySigned } from './webhooks-support';

// The whole path with two real app instances (server.ts, each with its evaluator and delivery workers) on
// one database: spans from the OpenTelemetry SDK's OTLP exporter into POST /v1/traces, rollups, the
// evaluator, the outbox and a real receiver. A p95 breach fires once and resolves once, whichever
// instance gets there first.

const EVALUATION_SECONDS = 2;

let database: TestDatabase;
let pool: pg.Pool;
let hook: TestReceiver;
let apps: AppProcess[] = [];
let tenant: Awaited<ReturnType<typeof createTenant>>;

/** Keeps finished spans until the test exports them. */
class Collector implements SpanProcessor {
  spans: ReadableSpan[] = [];
  onStart(): void {}
  onEnd(span: ReadableSpan): void {
    this.spans.push(span);
  }
  async forceFlush(): Promise<void> {}
  async shutdown(): Promise<void> {}
}

/** `count` POST /pay server spans of `ms` each, ending now, exported to `baseUrl` like an instrumented service. */
async function sendRequests(baseUrl: string, count: number, ms: number): Promise<void> {
  const collector = new Collector();
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'checkout',
      'service.version': '1.4.2',
      'deployment.environment.name': 'production',
    }),
    spanProcessors: [collector],
  });
  const tracer = provider.getTracer('alerts-ingest-cycle');
  const end = Date.now();
  for (let i = 0; i < count; i++) {
    const span = tracer.startSpan('POST /pay', {
      kind: SpanKind.SERVER,
      startTime: end - ms,
      attributes: { 'http.request.method': 'POST', 'http.route': '/pay', 'http.response.status_code': 200 },
    });
    span.end(end);
  }
  const exporter = new OTLPTraceExporter({
    url: `${baseUrl}/v1/traces`,
    headers: { Authorization: `Bearer ${tenant.ingestKey}` },
  });
  await new Promise<void>((resolve, reject) =>
    exporter.export(collector.spans, (result) =>
      result.code === 0 ? resolve() : reject(result.error ?? new Error('export failed')),
    ),
  );
  await exporter.shutdown();
}

const alertTypes = () => hook.requests.map((r) => (JSON.parse(r.body) as TailwatchAlertPayload).type);

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  tenant = await createTenant(database.url);
  hook = await startReceiver(() => ({ status: 200 }));
  const env = {
    TAILWATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
    TAILWATCH_ALERT_EVALUATION_SECONDS: String(EVALUATION_SECONDS),
    TAILWATCH_PUBLIC_URL: 'http://tailwatch.test',
  };
  apps = await Promise.all([
    startAppProcess({ databaseUrl: database.url, env }),
    startAppProcess({ databaseUrl: database.url, env }),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await hook?.close();
  await pool?.end();
  await database?.drop();
});

describe('alert cycle on ingested data, two instances', () => {
  it('fires once on slow requests and resolves once when they are fast again', async () => {
    const { secret } = await createEndpoint(
      pool,
      tenant.projectId,
      { name: 'on-call', url: hook.url },
      parseAllowHosts('127.0.0.1'),
    );
    const rule = await createRule(pool, tenant.projectId, {
      name: 'Checkout p95',
      metric: 'latency_p95',
      filters: { service: 'checkout' },
      comparator: '>',
      threshold: 500,
      // The current and the previous minute: a minute boundary during the test changes nothing.
      windowSeconds: 120,
      forSeconds: 0,
      severity: 'critical',
    });

    await sendRequests(apps[0].url, 30, 900);
    await eventually(async () => (hook.requests.length >= 1 ? true : undefined), 200);
    // 600 fast requests next to 30 slow ones: the window's p95 is fast again.
    await sendRequests(apps[1].url, 600, 20);
    await eventually(async () => (hook.requests.length >= 2 ? true : undefined), 200);
    // Several more passes of both evaluators and delivery workers: nothing else may arrive.
    await sleep(4 * EVALUATION_SECONDS * 1000);

    expect(alertTypes()).toEqual(['alert.firing', 'alert.resolved']);
    const [firing, resolved] = hook.requests.map((r) => verifySigned(r, secret) as TailwatchAlertPayload);
    expect(firing.data).toMatchObject({ rule: { id: rule.id, name: 'Checkout p95' }, state: 'firing' });
    expect(resolved.data).toMatchObject({ rule: { id: rule.id }, state: 'resolved' });
    expect(new Set(hook.requests.map((r) => r.headers['webhook-id'])).size).toBe(2);

    const history = await pool.query<{ from_status: string; to_status: string }>(
      'SELECT from_status, to_status FROM alert_events WHERE rule_id = $1 ORDER BY at',
      [rule.id],
    );
    expect(history.rows).toEqual([
      { from_status: 'ok', to_status: 'firing' },
      { from_status: 'firing', to_status: 'resolved' },
    ]);
  }, 120_000);
});
