import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import { rotateEndpointSecret } from '../../lib/webhooks/endpoints/rotate-endpoint-secret';
import { sendTestEvent } from '../../lib/webhooks/endpoints/send-test-event';
import { type DeliveryRunOptions, runDelivery } from '../../lib/webhooks/outbox-dispatcher';
import { enqueueAlertEvent } from '../../lib/webhooks/outbox-enqueue';
import { pruneOutbox } from '../../lib/webhooks/outbox-retention';
import type { TailwatchAlertPayload } from '../../lib/webhooks/tailwatch-payload';
import { type ReceiverReply, startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { attempts, createProject, eventually, messages, verifySigned } from './webhooks-support';

// The outbox against a real PostgreSQL and real HTTP receivers on 127.0.0.1 (allowlisted, as
// TAILWATCH_WEBHOOK_ALLOW_HOSTS=127.0.0.1 would). Retries use the real schedule with zero jitter, so a
// retry is due about a second after a failure.
const allowHosts = parseAllowHosts('127.0.0.1');
const EXTERNAL_URL = 'http://tailwatch.test';

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
const receivers: TestReceiver[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
  projectId = await createProject(pool);
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await pool.query('DELETE FROM webhook_endpoints');
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

async function receiver(reply: (n: number) => ReceiverReply): Promise<TestReceiver> {
  let n = 0;
  const started = await startReceiver(() => reply(n++));
  receivers.push(started);
  return started;
}

const deliverOptions = (extra: Partial<DeliveryRunOptions> = {}): DeliveryRunOptions => ({
  pool,
  allowHosts,
  random: () => 0,
  pollMs: 50,
  ...extra,
});

/** Runs delivery until the message leaves `pending`. */
async function deliverUntilSettled(messageId: string, extra: Partial<DeliveryRunOptions> = {}) {
  return eventually(async () => {
    await runDelivery(deliverOptions(extra));
    const row = (await messages(pool)).find((m) => m.id === messageId);
    return row && row.status !== 'pending' ? row : undefined;
  });
}

const sampleEvent = (id: string) => ({
  id,
  project: { id: String(projectId), name: 'Shop' },
  rule: { id: 'r1', name: 'Checkout p95', severity: 'critical' as const },
  state: 'firing' as const,
  startsAt: new Date(),
  values: { p95_ms: 812 },
  thresholds: [{ value: 'p95_ms', operator: '>' as const, threshold: 500 }],
  window: { from: new Date(Date.now() - 300_000), to: new Date() },
  labels: { service: 'checkout' },
});

describe('webhook outbox delivery', () => {
  it('retries a receiver answering 500 and records exactly one success, always with the same webhook-id', async () => {
    const hook = await receiver((n) => (n === 0 ? { status: 500, body: 'boom' } : { status: 200 }));
    const { endpoint, secret } = await createEndpoint(pool, projectId, { name: 'ops', url: hook.url }, allowHosts);
    const sent = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    if (!sent) throw new Error('no message');

    const settled = await deliverUntilSettled(sent.messageId);

    expect(settled.status).toBe('delivered');
    expect(hook.requests).toHaveLength(2);
    for (const request of hook.requests) {
      expect(request.headers['webhook-id']).toBe(sent.webhookId);
      const payload = verifySigned(request, secret) as TailwatchAlertPayload;
      expect(payload.type).toBe('alert.firing');
      expect(payload.data.rule.name).toBe('Tailwatch test event');
    }
    const log = await attempts(pool, sent.messageId);
    expect(log.map((a) => [a.number, a.outcome, a.http_status])).toEqual([
      [1, 'retry', 500],
      [2, 'success', 200],
    ]);
  });

  it('disables the endpoint on 410 Gone, cancels its queue and stops enqueueing for it', async () => {
    const hook = await receiver(() => ({ status: 410 }));
    const { endpoint } = await createEndpoint(pool, projectId, { name: 'gone', url: hook.url }, allowHosts);
    const first = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    // A second message becomes due only after the first was attempted.
    const second = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL, new Date(Date.now() + 3600_000));
    if (!first || !second) throw new Error('no message');

    const settled = await deliverUntilSettled(first.messageId);

    expect(settled.status).toBe('failed');
    const row = await pool.query('SELECT disabled_at, disabled_reason FROM webhook_endpoints WHERE id = $1', [
      endpoint.id,
    ]);
    expect(row.rows[0].disabled_at).toBeInstanceOf(Date);
    expect(row.rows[0].disabled_reason).toContain('410');
    const queued = (await messages(pool)).find((m) => m.id === second.messageId);
    expect(queued?.status).toBe('cancelled');
    expect(hook.requests).toHaveLength(1);
    const client = await pool.connect();
    try {
      expect(
        await enqueueAlertEvent(client, {
          projectId,
          alertEventId: null,
          event: sampleEvent('e1'),
          externalUrl: EXTERNAL_URL,
        }),
      ).toBe(0);
    } finally {
      client.release();
    }
  });

  it('never follows a redirect: the attempt fails and the redirect target receives nothing', async () => {
    const target = await receiver(() => ({ status: 200 }));
    const hook = await receiver(() => ({ status: 307, headers: { location: `${target.url}/elsewhere` } }));
    const { endpoint } = await createEndpoint(pool, projectId, { name: 'moved', url: hook.url }, allowHosts);
    const sent = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    if (!sent) throw new Error('no message');

    await runDelivery(deliverOptions());

    expect(hook.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
    const [attempt] = await attempts(pool, sent.messageId);
    expect(attempt.outcome).toBe('retry');
    expect(attempt.http_status).toBe(307);
    expect(attempt.error).toMatch(/redirects are not followed/);
    const row = (await messages(pool)).find((m) => m.id === sent.messageId);
    expect(row?.status).toBe('pending');
  });

  it('honours Retry-After when scheduling the next attempt', async () => {
    const hook = await receiver(() => ({ status: 503, headers: { 'retry-after': '120' } }));
    const { endpoint } = await createEndpoint(pool, projectId, { name: 'busy', url: hook.url }, allowHosts);
    const sent = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    if (!sent) throw new Error('no message');
    const before = Date.now();

    await runDelivery(deliverOptions());

    const row = (await messages(pool)).find((m) => m.id === sent.messageId);
    expect(row?.status).toBe('pending');
    expect(row?.next_attempt_at.getTime()).toBeGreaterThanOrEqual(before + 120_000);
    expect(hook.requests).toHaveLength(1);
  });

  it('opens the breaker of a dead receiver and keeps delivering to a healthy one', async () => {
    const dead = await receiver(() => 'hang');
    const healthy = await receiver(() => ({ status: 204 }));
    const a = await createEndpoint(pool, projectId, { name: 'dead', url: dead.url }, allowHosts);
    const b = await createEndpoint(pool, projectId, { name: 'healthy', url: healthy.url }, allowHosts);
    const deadIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const sent = await sendTestEvent(pool, projectId, a.endpoint.id, EXTERNAL_URL);
      if (sent) deadIds.push(sent.messageId);
      await sendTestEvent(pool, projectId, b.endpoint.id, EXTERNAL_URL);
    }

    // Short attempts and no backoff: each dead message is retried until the breaker opens.
    await runDelivery(deliverOptions({ timeoutMs: 200, random: () => 0 }));
    await eventually(async () => {
      await runDelivery(deliverOptions({ timeoutMs: 200 }));
      const row = await pool.query('SELECT breaker FROM webhook_endpoints WHERE id = $1', [a.endpoint.id]);
      return row.rows[0].breaker.state === 'open' ? true : undefined;
    });

    const all = await messages(pool);
    expect(all.filter((m) => m.endpoint_id === b.endpoint.id).every((m) => m.status === 'delivered')).toBe(true);
    expect(healthy.requests).toHaveLength(8);
    const breaker = (await pool.query('SELECT breaker FROM webhook_endpoints WHERE id = $1', [a.endpoint.id])).rows[0]
      .breaker;
    const reopenAt = Date.parse(breaker.openedAt) + 5 * 60_000;
    // Five failures opened it; every waiting message now waits out the cool-down without being tried.
    expect((await attempts(pool)).filter((x) => deadIds.includes(x.message_id))).toHaveLength(5);
    for (const m of all.filter((x) => x.endpoint_id === a.endpoint.id)) {
      expect(m.status).toBe('pending');
      expect(m.next_attempt_at.getTime()).toBeGreaterThanOrEqual(reopenAt);
    }
  });

  it('signs with both secrets during a rotation, so receivers with either one accept', async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { endpoint, secret: oldSecret } = await createEndpoint(
      pool,
      projectId,
      { name: 'rot', url: hook.url },
      allowHosts,
    );
    const rotated = await rotateEndpointSecret(pool, projectId, endpoint.id);
    if (!rotated) throw new Error('not rotated');
    const sent = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    if (!sent) throw new Error('no message');

    await deliverUntilSettled(sent.messageId);

    const [request] = hook.requests;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => verifySigned(request, oldSecret)).not.toThrow();
    expect(() => verifySigned(request, rotated.secret)).not.toThrow();
    expect(rotated.endpoint.previousSecretExpiresAt?.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
  });

  it('prunes settled messages past the retention with their log, never pending ones', async () => {
    const hook = await receiver(() => ({ status: 200 }));
    const { endpoint } = await createEndpoint(pool, projectId, { name: 'old', url: hook.url }, allowHosts);
    const done = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL);
    if (!done) throw new Error('no message');
    await deliverUntilSettled(done.messageId);
    const waiting = await sendTestEvent(pool, projectId, endpoint.id, EXTERNAL_URL, new Date(Date.now() + 3600_000));
    const in31Days = new Date(Date.now() + 31 * 24 * 3600_000);

    expect(await pruneOutbox(pool, new Date())).toBe(0);
    expect(await pruneOutbox(pool, in31Days)).toBe(1);
    expect((await messages(pool)).map((m) => m.id)).toEqual([waiting?.messageId]);
    expect(await attempts(pool, done.messageId)).toEqual([]);
  });
});
