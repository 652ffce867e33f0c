import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ruleById from '../../app/api/v1/alert-rules/[ruleId]/route';
import * as history from '../../app/api/v1/alert-rules/history/route';
import * as preview from '../../app/api/v1/alert-rules/preview/route';
import * as rules from '../../app/api/v1/alert-rules/route';
import * as feedbackList from '../../app/api/v1/feedback/route';
import * as feedbackSummary from '../../app/api/v1/feedback/summary/route';
import * as allowedOrigins from '../../app/api/v1/poll-config/allowed-origins/route';
import * as pollConfig from '../../app/api/v1/poll-config/route';
import * as deliveries from '../../app/api/v1/webhooks/[endpointId]/deliveries/route';
import * as redeliver from '../../app/api/v1/webhooks/[endpointId]/deliveries/[messageId]/redeliver/route';
import * as rotate from '../../app/api/v1/webhooks/[endpointId]/rotate-secret/route';
import * as endpointById from '../../app/api/v1/webhooks/[endpointId]/route';
import * as testEvent from '../../app/api/v1/webhooks/[endpointId]/test/route';
import * as webhooks from '../../app/api/v1/webhooks/route';
import { closePool, initPool } from '../../lib/db/pool';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';

// The management API of alerts, webhooks and feedback, called as Next calls route handlers (a Web Request
// in, a Response out) with API tokens: every route answers 404 for another project's resources, 401
// without credentials, and never returns a webhook secret after creation.

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

let database: TestDatabase;
let pool: pg.Pool;
let hook: TestReceiver;
let a: Awaited<ReturnType<typeof createTenant>>;
let b: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  process.env.TAILWATCH_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';
  database = await createTestDatabase();
  initPool(database.url, 4);
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  a = await createTenant(database.url, { name: 'A' });
  b = await createTenant(database.url, { name: 'B' });
  hook = await startReceiver(() => ({ status: 200 }));
});
afterAll(async () => {
  await hook?.close();
  await closePool();
  await pool?.end();
  await database?.drop();
});

async function call(
  handler: unknown,
  method: string,
  path: string,
  opts: { token?: string | null; body?: unknown; params?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const headers: Record<string, string> = {};
  const token = opts.token === undefined ? a.apiToken : opts.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const request = new Request(`http://tailwatch.test${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, text };
}

const rule = {
  name: 'Checkout p95',
  metric: 'latency_p95',
  filters: { service: 'checkout' },
  comparator: '>',
  threshold: 500,
  windowSeconds: 300,
  forSeconds: 60,
  severity: 'critical',
  labels: { team: 'payments' },
};

describe('alert rules API', () => {
  it('creates, reads, updates and deletes a rule of the caller’s project only', async () => {
    const created = await call(rules.POST, 'POST', `/api/v1/alert-rules?project=${a.projectId}`, { body: rule });
    expect(created.status).toBe(201);
    const id = (created.body.rule as { id: string }).id;

    const listed = await call(rules.GET, 'GET', `/api/v1/alert-rules?project=${a.projectId}`);
    expect((listed.body.rules as { id: string }[]).map((r) => r.id)).toEqual([id]);
    const one = await call(ruleById.GET, 'GET', `/api/v1/alert-rules/${id}?project=${a.projectId}`, {
      params: { ruleId: id },
    });
    expect(one.status).toBe(200);

    // B's token on A's project, and B's project with A's rule id: both 404, nothing changes.
    for (const [token, project] of [
      [b.apiToken, a.projectId],
      [b.apiToken, b.projectId],
    ] as const) {
      const path = `/api/v1/alert-rules/${id}?project=${project}`;
      const opts = { token, params: { ruleId: id } };
      expect((await call(ruleById.GET, 'GET', path, opts)).status).toBe(404);
      expect((await call(ruleById.PUT, 'PUT', path, { ...opts, body: { ...rule, threshold: 1 } })).status).toBe(404);
      expect((await call(ruleById.DELETE, 'DELETE', path, opts)).status).toBe(404);
    }
    expect(
      (await call(rules.GET, 'GET', `/api/v1/alert-rules?project=${a.projectId}`, { token: b.apiToken })).status,
    ).toBe(404);
    expect(
      (await call(history.GET, 'GET', `/api/v1/alert-rules/history?project=${a.projectId}`, { token: b.apiToken }))
        .status,
    ).toBe(404);
    expect(
      (
        await call(preview.POST, 'POST', `/api/v1/alert-rules/preview?project=${a.projectId}`, {
          token: b.apiToken,
          body: rule,
        })
      ).status,
    ).toBe(404);
    const bList = await call(rules.GET, 'GET', `/api/v1/alert-rules?project=${b.projectId}`, { token: b.apiToken });
    expect(bList.body.rules).toEqual([]);

    const updated = await call(ruleById.PUT, 'PUT', `/api/v1/alert-rules/${id}?project=${a.projectId}`, {
      params: { ruleId: id },
      body: { ...rule, threshold: 800 },
    });
    expect((updated.body.rule as { threshold: number }).threshold).toBe(800);
    const removed = await call(ruleById.DELETE, 'DELETE', `/api/v1/alert-rules/${id}?project=${a.projectId}`, {
      params: { ruleId: id },
    });
    expect(removed.status).toBe(204);
  });

  it('answers 401 without credentials and 400 naming the field on a bad rule', async () => {
    expect((await call(rules.GET, 'GET', `/api/v1/alert-rules?project=${a.projectId}`, { token: null })).status).toBe(
      401,
    );
    const bad = await call(rules.POST, 'POST', `/api/v1/alert-rules?project=${a.projectId}`, {
      body: { ...rule, threshold: 'high' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body.error as { fields: object }).fields)).toContain('threshold');
  });
});

describe('webhooks API', () => {
  it('shows the secret once, and keeps every endpoint route inside its project', async () => {
    const created = await call(webhooks.POST, 'POST', `/api/v1/webhooks?project=${a.projectId}`, {
      body: { name: 'ops', url: hook.url },
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const id = (created.body.endpoint as { id: string }).id;
    const listed = await call(webhooks.GET, 'GET', `/api/v1/webhooks?project=${a.projectId}`);
    expect(listed.text).not.toContain(secret.slice(10));

    const sent = await call(testEvent.POST, 'POST', `/api/v1/webhooks/${id}/test?project=${a.projectId}`, {
      params: { endpointId: id },
    });
    expect(sent.status).toBe(202);
    const messageId = sent.body.messageId as string;

    for (const [token, project] of [
      [b.apiToken, a.projectId],
      [b.apiToken, b.projectId],
    ] as const) {
      const q = `?project=${project}`;
      const opts = { token, params: { endpointId: id, messageId } };
      expect((await call(endpointById.GET, 'GET', `/api/v1/webhooks/${id}${q}`, opts)).status).toBe(404);
      expect(
        (await call(endpointById.PATCH, 'PATCH', `/api/v1/webhooks/${id}${q}`, { ...opts, body: { name: 'x' } }))
          .status,
      ).toBe(404);
      expect((await call(deliveries.GET, 'GET', `/api/v1/webhooks/${id}/deliveries${q}`, opts)).status).toBe(404);
      expect(
        (await call(redeliver.POST, 'POST', `/api/v1/webhooks/${id}/deliveries/${messageId}/redeliver${q}`, opts))
          .status,
      ).toBe(404);
      expect((await call(testEvent.POST, 'POST', `/api/v1/webhooks/${id}/test${q}`, opts)).status).toBe(404);
      expect((await call(rotate.POST, 'POST', `/api/v1/webhooks/${id}/rotate-secret${q}`, opts)).status).toBe(404);
      expect((await call(endpointById.DELETE, 'DELETE', `/api/v1/webhooks/${id}${q}`, opts)).status).toBe(404);
    }
    const still = await pool.query('SELECT name FROM webhook_endpoints WHERE id = $1', [id]);
    expect(still.rows).toEqual([{ name: 'ops' }]);

    const log = await call(deliveries.GET, 'GET', `/api/v1/webhooks/${id}/deliveries?project=${a.projectId}`, {
      params: { endpointId: id },
    });
    expect((log.body.deliveries as { id: string }[]).map((d) => d.id)).toEqual([messageId]);
  });

  it('refuses an internal URL that is not on the allowlist', async () => {
    const refused = await call(webhooks.POST, 'POST', `/api/v1/webhooks?project=${a.projectId}`, {
      body: { name: 'metadata', url: 'http://169.254.169.254/latest' },
    });
    expect(refused.status).toBe(400);
    expect((refused.body.error as { code: string }).code).toBe('ssrf_blocked');
  });
});

describe('feedback API', () => {
  it('keeps answers and poll settings inside the project', async () => {
    await pool.query(
      `INSERT INTO telemetry.feedback (project_id, rating, scale, trigger, path, origin) VALUES ($1, 2, 5, 'manual', '/a', 'https://a.example')`,
      [a.projectId],
    );
    const mine = await call(feedbackList.GET, 'GET', `/api/v1/feedback?project=${a.projectId}`);
    expect(mine.status).toBe(200);
    expect(mine.text).toContain('https://a.example');
    for (const [handler, path] of [
      [feedbackList.GET, `/api/v1/feedback?project=${a.projectId}`],
      [feedbackSummary.GET, `/api/v1/feedback/summary?project=${a.projectId}`],
      [pollConfig.GET, `/api/v1/poll-config?project=${a.projectId}`],
    ] as const) {
      expect((await call(handler, 'GET', path, { token: b.apiToken })).status).toBe(404);
    }
    const theirs = await call(feedbackList.GET, 'GET', `/api/v1/feedback?project=${b.projectId}`, {
      token: b.apiToken,
    });
    expect(theirs.text).not.toContain('https://a.example');

    const settings = (await call(pollConfig.GET, 'GET', `/api/v1/poll-config?project=${a.projectId}`)).body
      ?.settings as Record<string, unknown>;
    const put = { project: a.projectId, settings: { ...settings, question: 'Quick enough?' } };
    expect((await call(pollConfig.PUT, 'PUT', '/api/v1/poll-config', { token: b.apiToken, body: put })).status).toBe(
      404,
    );
    expect((await call(pollConfig.PUT, 'PUT', '/api/v1/poll-config', { body: put })).status).toBe(200);
    const after = await call(pollConfig.GET, 'GET', `/api/v1/poll-config?project=${a.projectId}`);
    expect((after.body.settings as { question: string }).question).toBe('Quick enough?');
    expect(after.body.publicKeys).toEqual([a.publicKey]);
  });

  it('sets the origins allowed to embed the widget, bare origins only', async () => {
    const path = '/api/v1/poll-config/allowed-origins';
    const body = { project: a.projectId, allowedOrigins: ['https://Shop.example:443', 'http://localhost:8080/'] };
    expect((await call(allowedOrigins.PUT, 'PUT', path, { token: b.apiToken, body })).status).toBe(404);
    const saved = await call(allowedOrigins.PUT, 'PUT', path, { body });
    expect(saved.body).toEqual({ allowedOrigins: ['https://shop.example', 'http://localhost:8080'] });
    const bad = await call(allowedOrigins.PUT, 'PUT', path, {
      body: { project: a.projectId, allowedOrigins: ['https://ok.example', 'https://shop.example/checkout'] },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body.error as { fields: object }).fields)).toEqual(['allowedOrigins.1']);
    const stored = await pool.query('SELECT allowed_origins FROM projects WHERE id = $1', [a.projectId]);
    expect(stored.rows[0].allowed_origins).toEqual(['https://shop.example', 'http://localhost:8080']);
  });
});
