import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowHosts } from '../../lib/webhooks/allow-hosts';
import { createEndpoint } from '../../lib/webhooks/endpoints/create-endpoint';
import { sendTestEvent } from '../../lib/webhooks/endpoints/send-test-event';
import { startReceiver, type TestReceiver } from '../../lib/webhooks/testing-receiver';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { attempts, createProject, eventually, messages, verifySigned } from './webhooks-support';

// The real server (server.ts with its delivery worker) killed with SIGKILL while a delivery is in
// flight: the claim dies with the connection, and the next instance delivers the message.
let database: TestDatabase;
let pool: pg.Pool;
let hook: TestReceiver;
let app: AppProcess | undefined;
let hang = true;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  hook = await startReceiver(() => (hang ? 'hang' : { status: 200 }));
});
afterAll(async () => {
  await app?.stop();
  await hook?.close();
  await pool?.end();
  await database?.drop();
});

const env = { TAILWATCH_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };

describe('delivery across a crash', () => {
  it('loses nothing when the instance is killed with -9 mid-delivery; the restart delivers it', async () => {
    const projectId = await createProject(pool);
    const { endpoint, secret } = await createEndpoint(
      pool,
      projectId,
      { name: 'ops', url: hook.url },
      parseAllowHosts('127.0.0.1'),
    );
    const sent = await sendTestEvent(pool, projectId, endpoint.id, 'http://tailwatch.test');
    if (!sent) throw new Error('no message');

    app = await startAppProcess({ databaseUrl: database.url, env });
    await eventually(async () => (hook.requests.length > 0 ? true : undefined));
    await app.kill9();
    app = undefined;

    // Killed mid-attempt: nothing was recorded, the message is still pending and unlocked.
    const [afterCrash] = await messages(pool);
    expect(afterCrash.status).toBe('pending');
    expect(afterCrash.attempts).toBe(0);
    // PostgreSQL notices the dead connection and rolls the claim back, which unlocks the row.
    await eventually(async () => {
      const free = await pool.query('SELECT id FROM webhook_messages FOR UPDATE SKIP LOCKED');
      return free.rows.length === 1 ? true : undefined;
    });

    hang = false;
    app = await startAppProcess({ databaseUrl: database.url, env });
    const delivered = await eventually(async () => {
      const [row] = await messages(pool);
      return row.status === 'delivered' ? row : undefined;
    });

    expect(delivered.webhook_id).toBe(sent.webhookId);
    expect(hook.requests).toHaveLength(2);
    for (const request of hook.requests) {
      expect(request.headers['webhook-id']).toBe(sent.webhookId);
      expect(() => verifySigned(request, secret)).not.toThrow();
    }
    expect((await attempts(pool, sent.messageId)).map((a) => a.outcome)).toEqual(['success']);
  });
});
