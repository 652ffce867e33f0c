import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tracesJson, tracesProtobuf } from '@/lib/ingest/otlp/test-fixtures';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { recentSpans } from './ingest-http-support';
import { rawSpanCount, rollupMismatches } from './ingest-support';

// Acknowledged means durable: kill -9 under load loses no acknowledged span, a retrying client does not
// double-count, and two instances on one database roll up exactly what the raw rows imply.
let database: TestDatabase;
let pool: pg.Pool;
const apps: AppProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => {}); // DROP DATABASE ... FORCE in afterAll may kill a connection still closing
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.stop()));
  await pool?.end();
  await database?.drop();
});

async function start(env: Record<string, string> = {}, databaseUrl = database.url): Promise<AppProcess> {
  const app = await startAppProcess({ databaseUrl, env: { TAILWATCH_WORKERS: 'off', ...env } });
  apps.push(app);
  return app;
}

interface Batch {
  spans: ReadableSpan[];
  body: Buffer;
}
const batch = (n: number): Batch => {
  const spans = recentSpans(n);
  return { spans, body: tracesProtobuf(spans) };
};

async function send(
  app: AppProcess,
  key: string,
  body: Buffer,
  headers: Record<string, string> = {},
): Promise<Response | null> {
  try {
    return await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { 'content-type': 'application/x-protobuf', authorization: `Bearer ${key}`, ...headers },
    });
  } catch {
    return null; // connection refused or reset: not acknowledged
  }
}

const ids = (spans: ReadableSpan[]) => spans.map((s) => s.spanContext().traceId + s.spanContext().spanId);

async function storedIds(projectId: number): Promise<Set<string>> {
  const { rows } = await pool.query<{ k: string }>(
    "SELECT encode(trace_id, 'hex') || encode(span_id, 'hex') AS k FROM telemetry.spans WHERE project_id = $1",
    [projectId],
  );
  return new Set(rows.map((r) => r.k));
}

describe('durability', () => {
  it('kill -9 during load loses no acknowledged span; retried batches are not double-counted', async () => {
    const tenant = await createTenant(database.url);
    let app = await start();
    const batches = Array.from({ length: 120 }, () => batch(50));
    const acked = new Set<number>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (next < batches.length && !killed) {
        const i = next++;
        const res = await send(app, tenant.ingestKey, batches[i].body);
        if (res?.status === 200) acked.add(i);
        await res?.arrayBuffer().catch(() => {});
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    while (acked.size < 20) await new Promise((r) => setTimeout(r, 20));
    await app.kill9();
    killed = true;
    await load;
    const ackedBeforeKill = new Set(acked);
    expect(ackedBeforeKill.size).toBeLessThan(batches.length); // the kill landed mid-load

    // Every acknowledged span survived the crash.
    let stored = await storedIds(tenant.projectId);
    const lost = [...ackedBeforeKill].flatMap((i) => ids(batches[i].spans)).filter((k) => !stored.has(k));
    expect(lost).toEqual([]);

    // The client retries everything unacknowledged (some of it was committed before the kill) on a new instance.
    app = await start();
    for (let i = 0; i < batches.length; i++) {
      if (acked.has(i)) continue;
      const res = await send(app, tenant.ingestKey, batches[i].body);
      expect(res?.status).toBe(200);
      acked.add(i);
    }
    stored = await storedIds(tenant.projectId);
    expect(stored.size).toBe(batches.length * 50);
    expect(await rawSpanCount(pool, tenant.projectId)).toBe(batches.length * 50);
    expect(await rollupMismatches(pool, tenant.projectId)).toEqual([]);
  });

  it('two instances ingesting the same and different batches concurrently produce the rollups of the raw rows', async () => {
    const tenant = await createTenant(database.url);
    const [a, b] = await Promise.all([start(), start()]);
    const batches = Array.from({ length: 40 }, () => batch(100));
    // Every batch goes to both instances at once (a client retrying against a load balancer).
    const results = await Promise.all(
      batches.flatMap((x) => [send(a, tenant.ingestKey, x.body), send(b, tenant.ingestKey, x.body)]),
    );
    expect(results.map((r) => r?.status)).toEqual(results.map(() => 200));
    expect(await rawSpanCount(pool, tenant.projectId)).toBe(4000);
    expect(await rollupMismatches(pool, tenant.projectId)).toEqual([]);
    const { rows } = await pool.query('SELECT sum(count)::int AS n FROM telemetry.rollup_hour WHERE project_id = $1', [
      tenant.projectId,
    ]);
    expect(rows[0].n).toBe(4000);
  });
});

describe('backpressure', () => {
  it('503 + Retry-After when the queue is full, 429 + Retry-After past the key budget, 503 when the database is gone', async () => {
    const own = await createTestDatabase();
    try {
      const tenant = await createTenant(own.url);
      const app = await start(
        {
          TAILWATCH_INGEST_QUEUE_MAX_ITEMS: '60',
          TAILWATCH_INGEST_RATE_PER_KEY: '1',
          TAILWATCH_INGEST_BURST_PER_KEY: '24',
        },
        own.url,
      );
      const bodies = Array.from({ length: 20 }, () => batch(50).body);
      const burst = await Promise.all(bodies.map((body) => send(app, tenant.ingestKey, body)));
      const statuses = burst.map((r) => r?.status);
      expect(statuses).toContain(200);
      expect(statuses).toContain(503);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      const full = burst.find((r) => r?.status === 503);
      expect(Number(full?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const status = new Uint8Array((await full?.arrayBuffer()) ?? new ArrayBuffer(0));
      expect([status[0], status[1]]).toEqual([0x08, 14]); // google.rpc.Status code UNAVAILABLE

      // The bucket (burst 24) is nearly spent: the next requests are refused with 429 and a Retry-After.
      let limited: Response | null = null;
      for (let i = 0; i < 10 && !limited; i++) {
        const r = await send(app, tenant.ingestKey, bodies[0]);
        if (r?.status === 429) limited = r;
      }
      expect(limited?.status).toBe(429);
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);

      // Database gone: 503 with Retry-After, never a 2xx (and never a 500).
      await own.drop();
      await new Promise((r) => setTimeout(r, 1100)); // one token refills
      const down = await send(app, tenant.ingestKey, bodies[1]);
      expect(down?.status).toBe(503);
      expect(Number(down?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await own.drop();
    }
  });

  it('503 + Retry-After while the bodies waiting for the decode thread pass their cap; every other request is stored', async () => {
    const tenant = await createTenant(database.url);
    // A 1-byte backlog: a body is taken only when none waits, so a burst finds it full.
    const app = await start({ TAILWATCH_INGEST_DECODE_BACKLOG_BYTES: '1' });
    const batches = Array.from({ length: 16 }, () => batch(600));
    const burst = await Promise.all(
      batches.map((b) => send(app, tenant.ingestKey, tracesJson(b.spans), { 'content-type': 'application/json' })),
    );
    const statuses = burst.map((r) => r?.status);
    expect(statuses).toContain(200);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    const busy = burst.find((r) => r?.status === 503);
    expect(busy).toBeDefined();
    expect(Number(busy?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await busy?.json()).toMatchObject({ code: 14, message: expect.stringMatching(/waiting to be decoded/) });
    const stored = statuses.filter((s) => s === 200).length * 600;
    expect(await rawSpanCount(pool, tenant.projectId)).toBe(stored);
  });
});
