import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllowHosts } from './allow-hosts';
import { deliver } from './deliver';
import { decodeSecret, generateSecret, rotateSecret, SECRET_ROTATION_OVERLAP_MS } from './secret';
import { signatureHeader } from './signature';
import { plainHeaders, type ReceivedRequest, startReceiver, type TestReceiver } from './testing-receiver';
import { WebhookError } from './webhook-error';
import { createWebhookMessage } from './webhook-message';

const allowHosts = parseAllowHosts('127.0.0.1');
let receiver: TestReceiver | undefined;

afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A receiver that verifies like a real consumer would: 204 when the signature holds, 401 otherwise. */
async function verifyingReceiver(receiverSecret: string): Promise<TestReceiver> {
  return startReceiver((request) => {
    try {
      new Webhook(receiverSecret).verify(request.body, plainHeaders(request.headers));
      return { status: 204 };
    } catch (error) {
      return { status: 401, body: (error as Error).message };
    }
  });
}

function verifies(secret: string, request: ReceivedRequest, body = request.body): boolean {
  try {
    new Webhook(secret).verify(body, plainHeaders(request.headers));
    return true;
  } catch {
    return false;
  }
}

describe('secrets', () => {
  it('generates whsec_ + base64 of 32 random bytes, distinct each time', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(decodeSecret(a)).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });

  it.each(['nope', 'whsec_', 'whsec_!!!!', `whsec_${Buffer.alloc(8).toString('base64')}`])(
    'rejects malformed secret %s with invalid_secret',
    (secret) => {
      expect(() => decodeSecret(secret)).toThrow(expect.objectContaining({ code: 'invalid_secret' }));
      expect(() => decodeSecret(secret)).toThrow(WebhookError);
    },
  );

  it('signs exactly like the standardwebhooks reference', () => {
    const secret = generateSecret();
    const at = new Date('2025-03-01T12:00:00Z');
    const ours = signatureHeader('msg_1', Math.floor(at.getTime() / 1000), '{"a":1}', [secret]);
    expect(ours).toBe(new Webhook(secret).sign('msg_1', at, '{"a":1}'));
  });
});

describe('signed delivery verified by a real standardwebhooks receiver', () => {
  it('passes with the right secret, and the signature does not cover a tampered body', async () => {
    const secret = generateSecret();
    receiver = await verifyingReceiver(secret);
    const message = createWebhookMessage({ hello: 'world' });
    const outcome = await deliver({ url: `${receiver.url}/hook`, secret }, message, { allowHosts });

    expect(outcome).toMatchObject({ kind: 'success', status: 204 });
    const [request] = receiver.requests;
    expect(request.headers['webhook-id']).toBe(message.id);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toBe(message.body);
    expect(verifies(secret, request)).toBe(true);
    expect(verifies(secret, request, message.body.replace('world', 'w0rld'))).toBe(false);
  });

  it('fails when the timestamp is more than 5 minutes old', async () => {
    const secret = generateSecret();
    receiver = await verifyingReceiver(secret);
    const sixMinutesAgo = new Date(Date.now() - 6 * 60 * 1000);
    const outcome = await deliver({ url: receiver.url, secret }, createWebhookMessage({ n: 1 }), {
      allowHosts,
      now: () => sixMinutesAgo,
    });

    expect(outcome).toMatchObject({ kind: 'retry', code: 'http_error', status: 401 });
    expect(outcome.responseExcerpt).toContain('too old');
  });

  it('fails when the receiver holds a different secret', async () => {
    receiver = await verifyingReceiver(generateSecret());
    const outcome = await deliver({ url: receiver.url, secret: generateSecret() }, createWebhookMessage({ n: 1 }), {
      allowHosts,
    });

    expect(outcome).toMatchObject({ kind: 'retry', status: 401 });
    expect(outcome.responseExcerpt).toContain('No matching signature');
  });

  it('signs with both secrets during a rotation overlap, and only the new one after it', async () => {
    const oldSecret = generateSecret();
    const rotatedAt = new Date();
    const endpoint = { url: '', ...rotateSecret({ secret: oldSecret }, rotatedAt) };
    expect(endpoint.previousSecretExpiresAt.getTime() - rotatedAt.getTime()).toBe(SECRET_ROTATION_OVERLAP_MS);
    receiver = await startReceiver(() => ({ status: 200 }));
    endpoint.url = receiver.url;

    await deliver(endpoint, createWebhookMessage({ n: 1 }), { allowHosts });
    const during = receiver.requests[0];
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verifies(oldSecret, during)).toBe(true);
    expect(verifies(endpoint.secret, during)).toBe(true);

    // Past the overlap: pretend the clock moved on by expiring the previous secret.
    await deliver({ ...endpoint, previousSecretExpiresAt: new Date(Date.now() - 1) }, createWebhookMessage({ n: 2 }), {
      allowHosts,
    });
    const after = receiver.requests[1];
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verifies(endpoint.secret, after)).toBe(true);
    expect(verifies(oldSecret, after)).toBe(false);
  });

  it('refuses to send with an unusable secret', async () => {
    receiver = await startReceiver(() => ({ status: 200 }));
    const outcome = await deliver({ url: receiver.url, secret: 'whsec_short' }, createWebhookMessage({}), {
      allowHosts,
    });
    expect(outcome).toMatchObject({ kind: 'refused', code: 'invalid_secret' });
    expect(receiver.requests).toHaveLength(0);
  });
});
