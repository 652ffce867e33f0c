import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowHosts } from './allow-hosts';
import { deliver } from './deliver';
import type { DeliveryOutcome } from './delivery-outcome';
import { nextAttemptAt, RETRY_SCHEDULE } from './retry-schedule';
import { generateSecret } from './secret';
import { plainHeaders, type ReceiverReply, startReceiver, type TestReceiver } from './testing-receiver';
import { createWebhookMessage, type WebhookMessage } from './webhook-message';

const allowHosts = parseAllowHosts('127.0.0.1');
const secret = generateSecret();
const receivers: TestReceiver[] = [];

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(...replies: ReceiverReply[]): Promise<TestReceiver> {
  let call = 0;
  const started = await startReceiver(() => replies[Math.min(call++, replies.length - 1)]);
  receivers.push(started);
  return started;
}

/** The worker's loop in miniature: attempt, and on `retry` wait for nextAttemptAt on a virtual clock. */
async function deliverWithRetries(url: string, message: WebhookMessage): Promise<DeliveryOutcome[]> {
  const firstAt = new Date();
  let clock = firstAt;
  const outcomes: DeliveryOutcome[] = [];
  for (let attempts = 1; attempts <= 10; attempts++) {
    const outcome = await deliver({ url, secret }, message, { allowHosts, now: () => clock });
    outcomes.push(outcome);
    if (outcome.kind !== 'retry') break;
    const next = nextAttemptAt(attempts, firstAt, clock, outcome.retryAfterMs, () => 0);
    if (!next) break;
    clock = next;
  }
  return outcomes;
}

describe('deliver', () => {
  it('retries a 500 and then gets exactly one success, with the same webhook-id each time', async () => {
    const target = await receiver({ status: 500, body: 'boom' }, { status: 200, body: 'ok' });
    const message = createWebhookMessage({ rule: 'p95' });
    const outcomes = await deliverWithRetries(target.url, message);

    expect(outcomes.map((o) => o.kind)).toEqual(['retry', 'success']);
    expect(outcomes[0]).toMatchObject({ code: 'http_error', status: 500, responseExcerpt: 'boom' });
    expect(target.requests.map((r) => r.headers['webhook-id'])).toEqual([message.id, message.id]);
    for (const request of target.requests) {
      expect(() => new Webhook(secret).verify(request.body, plainHeaders(request.headers))).not.toThrow();
    }
  });

  it('turns 410 Gone into a disable outcome', async () => {
    const target = await receiver({ status: 410 });
    const outcomes = await deliverWithRetries(target.url, createWebhookMessage({}));
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ kind: 'disable', code: 'gone', status: 410 });
  });

  it.each([301, 302, 307, 308])('treats %i as a failure and never contacts the Location target', async (status) => {
    const elsewhere = await receiver({ status: 200 });
    const target = await receiver({ status, headers: { location: `${elsewhere.url}/moved` } });
    const outcome = await deliver({ url: target.url, secret }, createWebhookMessage({}), { allowHosts });

    expect(outcome).toMatchObject({ kind: 'retry', code: 'redirect', status });
    expect(outcome.kind === 'retry' && outcome.message).toContain('/moved');
    expect(target.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it.each([400, 401, 404, 429, 502, 503])('retries on %i', async (status) => {
    const target = await receiver({ status });
    const outcome = await deliver({ url: target.url, secret }, createWebhookMessage({}), { allowHosts });
    expect(outcome).toMatchObject({ kind: 'retry', code: 'http_error', status });
  });

  it('honours Retry-After in seconds, capped at an hour, in the next attempt time', async () => {
    const target = await receiver(
      { status: 503, headers: { 'retry-after': '120' } },
      { status: 429, headers: { 'retry-after': '86400' } },
    );
    const now = new Date();
    const first = await deliver({ url: target.url, secret }, createWebhookMessage({}), { allowHosts, now: () => now });
    const second = await deliver({ url: target.url, secret }, createWebhookMessage({}), { allowHosts, now: () => now });

    expect(first).toMatchObject({ kind: 'retry', retryAfterMs: 120_000 });
    expect(second).toMatchObject({ kind: 'retry', retryAfterMs: 86_400_000 });
    const retryAfter = (o: DeliveryOutcome) => (o.kind === 'retry' ? o.retryAfterMs : null);
    expect(nextAttemptAt(1, now, now, retryAfter(first), () => 0)?.getTime()).toBe(now.getTime() + 120_000);
    expect(nextAttemptAt(1, now, now, retryAfter(second), () => 0)?.getTime()).toBe(
      now.getTime() + RETRY_SCHEDULE.retryAfterCapMs,
    );
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const now = new Date('2025-06-01T10:00:00Z');
    const target = await receiver({ status: 503, headers: { 'retry-after': 'Sun, 01 Jun 2025 10:05:00 GMT' } });
    const outcome = await deliver({ url: target.url, secret }, createWebhookMessage({}), {
      allowHosts,
      // A fixed clock is harmless here: this receiver does not check signature timestamps.
      now: () => now,
    });
    expect(outcome).toMatchObject({ kind: 'retry', retryAfterMs: 300_000 });
  });

  it('gives up on a receiver that never answers and asks for a retry', async () => {
    const target = await receiver('hang');
    const outcome = await deliver({ url: target.url, secret }, createWebhookMessage({}), {
      allowHosts,
      timeoutMs: 300,
    });
    expect(outcome).toMatchObject({ kind: 'retry', code: 'timeout', status: null });
  });

  it('asks for a retry when nothing listens', async () => {
    const target = await receiver({ status: 200 });
    const url = target.url;
    await receivers.pop()?.close();
    const outcome = await deliver({ url, secret }, createWebhookMessage({}), { allowHosts });
    expect(outcome).toMatchObject({ kind: 'retry', code: 'network_error', status: null });
    expect(outcome.kind === 'retry' && outcome.message).toContain('ECONNREFUSED');
  });

  it('records status, whole-millisecond latency and a short single-line response excerpt', async () => {
    const target = await receiver({ status: 202, body: `accepted\n\t${'x'.repeat(10_000)}` });
    const outcome = await deliver({ url: target.url, secret }, createWebhookMessage({}), { allowHosts });
    expect(outcome).toMatchObject({ kind: 'success', status: 202 });
    expect(Number.isInteger(outcome.latencyMs) && outcome.latencyMs >= 0).toBe(true);
    expect(outcome.responseExcerpt.startsWith('accepted x')).toBe(true);
    expect(outcome.responseExcerpt).toHaveLength(256);
  });

  it.each(['ftp://127.0.0.1/hook', 'http://user:pass@127.0.0.1/hook', 'not a url', 'file:///etc/passwd'])(
    'refuses %s as invalid_url',
    async (url) => {
      const outcome = await deliver({ url, secret }, createWebhookMessage({}), { allowHosts });
      expect(outcome).toMatchObject({ kind: 'refused', code: 'invalid_url' });
    },
  );
});
