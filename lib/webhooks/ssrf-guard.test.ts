import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_ALLOWED_HOSTS, parseAllowHosts } from './allow-hosts';
import { deliver } from './deliver';
import { generateSecret } from './secret';
import { checkWebhookUrl, guardedLookup } from './ssrf-guard';
import { startReceiver, type TestReceiver } from './testing-receiver';
import { WebhookError } from './webhook-error';
import { createWebhookMessage } from './webhook-message';

const secret = generateSecret();
let v4: TestReceiver;
let v6: TestReceiver;

beforeAll(async () => {
  v4 = await startReceiver(() => ({ status: 200 }), '127.0.0.1');
  v6 = await startReceiver(() => ({ status: 200 }), '::1');
});

afterAll(async () => {
  await Promise.all([v4.close(), v6.close()]);
});

function received(): number {
  return v4.requests.length + v6.requests.length;
}

// [url, allowlist that opens it]. The loopback ones point at live receivers, so a leak would show up
// as a received request; 0.0.0.0 and ::ffff:127.0.0.1 reach the 127.0.0.1 receiver on Linux.
const local: Array<[string, () => string, string]> = [
  ['127.0.0.1', () => `http://127.0.0.1:${v4.port}/hook`, '127.0.0.1'],
  ['::1', () => `http://[::1]:${v6.port}/hook`, '::1'],
  ['[::ffff:127.0.0.1]', () => `http://[::ffff:127.0.0.1]:${v4.port}/hook`, '127.0.0.1'],
  ['0.0.0.0', () => `http://0.0.0.0:${v4.port}/hook`, '0.0.0.0'],
  ['localhost (by name)', () => `http://localhost:${v4.port}/hook`, 'localhost'],
  ['localhost (by CIDR)', () => `http://localhost:${v4.port}/hook`, '127.0.0.0/8'],
  ['127.0.0.1 as a decimal integer', () => `http://2130706433:${v4.port}/hook`, '127.0.0.1'],
];

const remote: Array<[string, string]> = [
  ['http://10.0.0.1/hook', '10.0.0.0/8'],
  ['http://172.16.0.1/hook', '172.16.0.1'],
  ['http://192.168.1.1/hook', '192.168.0.0/16'],
  ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
  ['http://[fd00:ec2::254]/latest/meta-data/', 'fd00:ec2::254'],
  ['http://100.64.0.1/hook', '100.64.0.0/10'],
  ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', '169.254.169.254'],
  ['http://[fe80::1]/hook', 'fe80::/10'],
];

describe('SSRF guard, by default', () => {
  it.each(local)('refuses %s without connecting', async (_name, url) => {
    const before = received();
    const outcome = await deliver({ url: url(), secret }, createWebhookMessage({}), { allowHosts: NO_ALLOWED_HOSTS });
    expect(outcome).toMatchObject({ kind: 'refused', code: 'ssrf_blocked', status: null });
    expect(outcome.kind === 'refused' && outcome.message).toContain('TAILWATCH_WEBHOOK_ALLOW_HOSTS');
    expect(received()).toBe(before);
  });

  it.each(remote)('refuses %s', async (url) => {
    const outcome = await deliver({ url, secret }, createWebhookMessage({}), { allowHosts: NO_ALLOWED_HOSTS });
    expect(outcome).toMatchObject({ kind: 'refused', code: 'ssrf_blocked' });
  });

  it('refuses a host name that resolves to loopback at lookup time', async () => {
    const lookup = guardedLookup(NO_ALLOWED_HOSTS);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (err) => resolve(err)));
    expect(error).toBeInstanceOf(WebhookError);
    expect(error).toMatchObject({ code: 'ssrf_blocked' });
    expect(error?.message).toContain('loopback');
  });
});

describe('SSRF guard with TAILWATCH_WEBHOOK_ALLOW_HOSTS', () => {
  it.each(local)('delivers to %s when allowlisted', async (_name, url, allow) => {
    const before = received();
    const outcome = await deliver({ url: url(), secret }, createWebhookMessage({}), {
      allowHosts: parseAllowHosts(allow),
    });
    expect(outcome).toMatchObject({ kind: 'success', status: 200 });
    expect(received()).toBe(before + 1);
  });

  it.each(remote)('lets %s through when allowlisted', (url, allow) => {
    // Literal IP hosts never reach the lookup guard, so this check is the whole decision. No request
    // is sent: these addresses are outside the test machine's loopback.
    expect(checkWebhookUrl(url, parseAllowHosts(allow))).toMatchObject({ ok: true });
    expect(checkWebhookUrl(url, NO_ALLOWED_HOSTS)).toMatchObject({ ok: false, code: 'ssrf_blocked' });
  });

  it('returns the resolved addresses in the shape http.request asked for', async () => {
    const lookup = guardedLookup(parseAllowHosts('127.0.0.1'));
    const all = await new Promise<unknown>((resolve) =>
      lookup('localhost', { all: true }, (_err, addresses) => resolve(addresses)),
    );
    expect(all).toEqual([{ address: '127.0.0.1', family: 4 }]);
    const one = await new Promise<unknown[]>((resolve) =>
      lookup('localhost', { family: 4 }, (_err, address, family) => resolve([address, family])),
    );
    expect(one).toEqual(['127.0.0.1', 4]);
  });

  it('does not let an allowlisted name open other internal names', async () => {
    const outcome = await deliver({ url: `http://localhost:${v4.port}/`, secret }, createWebhookMessage({}), {
      allowHosts: parseAllowHosts('hooks.internal'),
    });
    expect(outcome).toMatchObject({ kind: 'refused', code: 'ssrf_blocked' });
  });
});
