import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ALLOWED_HOSTS, parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import { sendTestEvent } from '../../lib/webhooks/endpoints/send-test-event';
import { updateEndpoint } from '../../lib/webhooks/endpoints/update-endpoint';
import { runDelivery } from '../../lib/webhooks/outbox-dispatcher';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { WebhookError } from '../../lib/webhooks/webhook-error';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { attempts, createProject, messages } from './webhooks-support';

// The SSRF guard by default (no TAILWATCH_WEBHOOK_ALLOW_HOSTS): internal destinations are refused when an
// endpoint is saved, and again at every attempt (an endpoint saved while allowed, or a name that later
// resolves inside, never gets a request).
const INTERNAL_URLS: [string, string][] = [
  ['http://127.0.0.1:9/hook', 'loopback'],
  ['http://localhost:9/hook', 'loopback (by name)'],
  ['http://10.1.2.3/hook', 'private'],
  ['http://172.16.0.1/hook', 'private'],
  ['http://192.168.1.10/hook', 'private'],
  ['http://169.254.169.254/latest/meta-data', 'cloud metadata'],
  ['http://[fd00:ec2::254]/', 'cloud metadata (IPv6)'],
  ['http://0.0.0.0:9/', '"this network"'],
  ['http://[::1]:9/', 'IPv6 loopback'],
  ['http://[::ffff:127.0.0.1]:9/', 'IPv4-mapped loopback'],
  ['http://[fd12:3456::1]/', 'unique local'],
  ['http://100.64.0.1/', 'carrier-grade NAT'],
  ['http://2130706433/', 'loopback as a decimal integer'],
  ['http://0x7f.1/', 'loopback in hex shorthand'],
];

let database: TestDatabase;
let pool: pg.Pool;
let projectId: number;
let hook: TestReceiver;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  projectId = await createProject(pool);
  hook = await startReceiver(() => ({ status: 200 }));
});
afterAll(async () => {
  await hook?.close();
  await pool?.end();
  await database?.drop();
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WebhookError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('SSRF guard', () => {
  it.each(INTERNAL_URLS)('refuses to save %s (%s)', async (url) => {
    expect(await refusal(createEndpoint(pool, projectId, { name: 'x', url }, NO_ALLOWED_HOSTS))).toBe('ssrf_blocked');
  });

  it.each([['ftp://example.com/hook'], ['file:///etc/passwd'], ['http://user:secret@example.com/hook'], ['not a url']])(
    'refuses to save %s as an invalid URL',
    async (url) => {
      expect(await refusal(createEndpoint(pool, projectId, { name: 'x', url }, NO_ALLOWED_HOSTS))).toBe('invalid_url');
    },
  );

  it('applies the guard to URL changes too', async () => {
    const allow = parseAllowHosts('127.0.0.1');
    const { endpoint } = await createEndpoint(pool, projectId, { name: 'ok', url: hook.url }, allow);
    const change = updateEndpoint(pool, projectId, endpoint.id, { url: 'http://169.254.169.254/' }, NO_ALLOWED_HOSTS);
    expect(await refusal(change)).toBe('ssrf_blocked');
  });

  it.each([
    ['an address', (port: number) => `http://127.0.0.1:${port}/hook`],
    ['a name resolving to it', (port: number) => `http://localhost:${port}/hook`],
  ])('refuses at delivery time what is no longer allowed: %s', async (_, urlFor) => {
    // Saved while 127.0.0.1 was allowlisted; delivered with the default (empty) allowlist.
    const { endpoint } = await createEndpoint(
      pool,
      projectId,
      { name: 'was allowed', url: urlFor(hook.port) },
      parseAllowHosts('127.0.0.1'),
    );
    const sent = await sendTestEvent(pool, projectId, endpoint.id, 'http://tailwatch.test');
    if (!sent) throw new Error('no message');

    await runDelivery({ pool, allowHosts: NO_ALLOWED_HOSTS });

    expect(hook.requests).toHaveLength(0);
    const [attempt] = await attempts(pool, sent.messageId);
    expect(attempt.outcome).toBe('refused');
    expect(attempt.error).toMatch(/loopback/);
    const row = (await messages(pool)).find((m) => m.id === sent.messageId);
    expect(row?.status).toBe('failed');
  });
});
