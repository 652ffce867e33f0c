import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { OTLPMetricExporter as JsonMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPMetricExporter as ProtoMetricExporter } from '@opentelemetry/exporter-metrics-otlp-proto';
import { OTLPTraceExporter as JsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { CompressionAlgorithm } from '@opentelemetry/otlp-exporter-base';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTrace } from '@/lib/analytics/get-trace';
import { createKey, revokeKey } from '@/lib/auth/keys';
import { DISCARD_FACTOR } from '@/lib/http/read-capped-body';
import { FIXTURE_RESOURCE, memoryMeter, spanLike, tracesJson, tracesProtobuf } from '@/lib/ingest/otlp/test-fixtures';
import type { CreatedProject } from '@/lib/projects/create-project';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { auth, exportWith, recentSpans } from './ingest-http-support';
import { rawSpanCount, rollupMismatches } from './ingest-support';

// OTLP/HTTP through the real server with the real OpenTelemetry exporters as clients, and the
// status-code rules of the spec for everything else.
const CAP = 1024 * 1024;
let database: TestDatabase;
let app: AppProcess;
let pool: pg.Pool;
let tenant: CreatedProject;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startAppProcess({
    databaseUrl: database.url,
    env: { TAILWATCH_MAX_BODY_BYTES: String(CAP), TAILWATCH_WORKERS: 'off' },
  });
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  tenant = await createTenant(database.url);
});
afterAll(async () => {
  await app?.stop();
  await pool?.end();
  await database?.drop();
});

const post = (path: string, body: Buffer, headers: Record<string, string>) =>
  fetch(`${app.url}${path}`, { method: 'POST', body: new Uint8Array(body), headers });

describe('real OpenTelemetry exporters', () => {
  const cases = [
    ['http/protobuf', ProtoTraceExporter, undefined],
    ['http/protobuf gzip', ProtoTraceExporter, CompressionAlgorithm.GZIP],
    ['http/json', JsonTraceExporter, undefined],
    ['http/json gzip', JsonTraceExporter, CompressionAlgorithm.GZIP],
  ] as const;
  for (const [name, Exporter, compression] of cases) {
    it(`traces over ${name} are stored and rolled up`, async () => {
      const t = await createTenant(database.url);
      const exporter = new Exporter({ url: `${app.url}/v1/traces`, headers: auth(t.ingestKey), compression });
      const spans = recentSpans(150);
      expect(await exportWith(exporter, spans)).toEqual({ code: 0 });
      expect(await rawSpanCount(pool, t.projectId)).toBe(150);
      // A retried batch (same spans again) is not double-counted.
      expect((await exportWith(exporter, spans.slice(0, 50))).code).toBe(0);
      expect(await rawSpanCount(pool, t.projectId)).toBe(150);
      expect(await rollupMismatches(pool, t.projectId)).toEqual([]);
      const { rows } = await pool.query(
        'SELECT sum(count)::int AS n, sum(error_count)::int AS e FROM telemetry.rollup_day WHERE project_id = $1',
        [t.projectId],
      );
      expect(rows[0]).toEqual({ n: 150, e: 15 });
      // The trace view reads each span's details back from the stored request body.
      for (const [i, span] of [spans[0], spans[1]].entries()) {
        const [stored] = await getTrace(pool, t.projectId, span.spanContext().traceId);
        expect(stored.spanId).toBe(span.spanContext().spanId);
        expect(stored.attributes).toMatchObject({
          'url.path': `/api/orders/${100_000 + i}`,
          'tailwatch.sample': i / 3,
        });
        expect(stored.resource).toMatchObject(FIXTURE_RESOURCE);
        const cacheMiss = { name: 'cache.miss', attributes: { 'cache.key': 'order:0' } };
        expect(stored.events).toEqual(i === 0 ? [expect.objectContaining(cacheMiss)] : []);
      }
      await exporter.shutdown();
    });
  }

  it('a stock SDK configured only by OTEL_EXPORTER_OTLP_ENDPOINT / _HEADERS just works', async () => {
    const t = await createTenant(database.url);
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = app.url;
    process.env.OTEL_EXPORTER_OTLP_HEADERS = `Authorization=Bearer ${t.ingestKey}`;
    try {
      const exporter = new ProtoTraceExporter();
      expect(await exportWith(exporter, recentSpans(10))).toEqual({ code: 0 });
      await exporter.shutdown();
    } finally {
      delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
      delete process.env.OTEL_EXPORTER_OTLP_HEADERS;
    }
    expect(await rawSpanCount(pool, t.projectId)).toBe(10);
  });

  for (const [name, Exporter] of [
    ['http/protobuf', ProtoMetricExporter],
    ['http/json', JsonMetricExporter],
  ] as const) {
    it(`metrics over ${name}: gauge (queue.depth), sum and histogram points, deduplicated on retry`, async () => {
      const t = await createTenant(database.url);
      const { meter, collect } = memoryMeter();
      meter.createGauge('queue.depth').record(17, { queue: 'emails' });
      meter.createCounter('jobs.done').add(3);
      meter.createHistogram('job.duration').record(12.5);
      const exporter = new Exporter({
        url: `${app.url}/v1/metrics`,
        headers: auth(t.ingestKey),
        compression: CompressionAlgorithm.GZIP,
      });
      const metrics = await collect();
      expect(await exportWith(exporter, metrics)).toEqual({ code: 0 });
      expect(await exportWith(exporter, metrics)).toEqual({ code: 0 });
      const { rows } = await pool.query(
        'SELECT name, kind, value, count FROM telemetry.metric_points WHERE project_id = $1 ORDER BY name',
        [t.projectId],
      );
      expect(rows).toEqual([
        { name: 'job.duration', kind: 'histogram', value: null, count: 1 },
        { name: 'jobs.done', kind: 'sum', value: 3, count: null },
        { name: 'queue.depth', kind: 'gauge', value: 17, count: null },
      ]);
      await exporter.shutdown();
    });
  }
});

describe('status codes', () => {
  const good = () => tracesProtobuf(recentSpans(3));
  const pb = (key: string) => ({ 'content-type': 'application/x-protobuf', ...auth(key) });
  const json = (key: string) => ({ 'content-type': 'application/json', ...auth(key) });

  it('200 with partial_success counts in protobuf and in JSON', async () => {
    const [a, b, c] = recentSpans(3);
    const bad = [a, spanLike(b, { traceId: '0'.repeat(32) }), spanLike(c, { spanId: '0'.repeat(16) })];
    const p = await post('/v1/traces', tracesProtobuf(bad), pb(tenant.ingestKey));
    expect(p.status).toBe(200);
    expect(p.headers.get('content-type')).toBe('application/x-protobuf');
    const decoded = ProtobufTraceSerializer.deserializeResponse(new Uint8Array(await p.arrayBuffer()));
    expect(Number(decoded.partialSuccess?.rejectedSpans)).toBe(2);
    expect(decoded.partialSuccess?.errorMessage).toBeTruthy();
    const j = await post('/v1/traces', tracesJson(bad.slice(1)), json(tenant.ingestKey));
    expect(j.status).toBe(200);
    const body = JSON.parse(await j.text());
    expect(body.partialSuccess.rejectedSpans).toBe('2');
    expect(
      JsonTraceSerializer.deserializeResponse(new TextEncoder().encode(JSON.stringify(body))).partialSuccess,
    ).toBeTruthy();
    // A fully accepted request carries no partial_success.
    const ok = await post('/v1/traces', good(), pb(tenant.ingestKey));
    expect([ok.status, (await ok.arrayBuffer()).byteLength]).toEqual([200, 0]);
  });

  it('400 with a google.rpc.Status body in the request content type', async () => {
    const p = await post('/v1/traces', Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 1, 2]), pb(tenant.ingestKey));
    expect(p.status).toBe(400);
    expect(p.headers.get('content-type')).toBe('application/x-protobuf');
    const bytes = new Uint8Array(await p.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x08, 3]); // field 1 (code) = INVALID_ARGUMENT
    const j = await post('/v1/metrics', Buffer.from('{"resourceMetrics": [tru'), json(tenant.ingestKey));
    expect(j.status).toBe(400);
    expect(await j.json()).toMatchObject({ code: 3, message: expect.any(String) });
    const g = await post('/v1/traces', Buffer.from('not gzip'), {
      ...pb(tenant.ingestKey),
      'content-encoding': 'gzip',
    });
    expect(g.status).toBe(400);
  });

  it('401 for a missing, unknown or revoked key', async () => {
    expect((await post('/v1/traces', good(), { 'content-type': 'application/x-protobuf' })).status).toBe(401);
    expect((await post('/v1/traces', good(), pb('tw_ingest_nope'))).status).toBe(401);
    expect((await post('/v1/traces', good(), pb(tenant.apiToken))).status).toBe(401); // wrong kind
    const extra = await createKey(pool, tenant.projectId, 'ingest');
    await revokeKey(pool, tenant.projectId, extra.id);
    expect((await post('/v1/traces', good(), pb(extra.secret))).status).toBe(401);
  });

  it('413 over the cap before and after gunzip; a gzip bomb is refused and the server lives on', async () => {
    const big = Buffer.alloc(CAP + 1, 0x0a);
    expect((await post('/v1/traces', big, pb(tenant.ingestKey))).status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(256 * 1024 * 1024)); // ~256 KB on the wire, 256 MiB inflated
    expect(bomb.length).toBeLessThan(CAP);
    const r = await post('/v1/traces', bomb, { ...pb(tenant.ingestKey), 'content-encoding': 'gzip' });
    expect(r.status).toBe(413);
    const m = await post('/v1/metrics', bomb, { ...json(tenant.ingestKey), 'content-encoding': 'gzip' });
    expect(m.status).toBe(413);
    expect(await m.json()).toMatchObject({ code: 3, message: `Body larger than ${CAP} bytes (after decompression)` });
    expect((await post('/v1/traces', good(), pb(tenant.ingestKey))).status).toBe(200);
  });

  it('a gzip body of one member is stored as the deflate stream it came in; one of several members is stored too', async () => {
    const t = await createTenant(database.url);
    const gzip = { ...pb(t.ingestKey), 'content-encoding': 'gzip' };
    const one = recentSpans(20);
    const gz = gzipSync(tracesProtobuf(one), { level: 9 });
    expect((await post('/v1/traces', gz, gzip)).status).toBe(200);
    const payloads = async () =>
      (await pool.query('SELECT body FROM telemetry.span_payloads WHERE project_id = $1', [t.projectId])).rows.map(
        (r) => r.body as Buffer,
      );
    expect((await payloads()).map((b) => b.equals(gz.subarray(10, gz.length - 8)))).toEqual([true]);
    // Two members (gzip allows it; the body is their concatenation): inflated whole and deflated here.
    const two = recentSpans(10).map((s) => spanLike(s, { traceId: '7'.repeat(32) }));
    const body = tracesProtobuf(two);
    const members = Buffer.concat([gzipSync(body.subarray(0, 100)), gzipSync(body.subarray(100))]);
    expect((await post('/v1/traces', members, gzip)).status).toBe(200);
    expect(await rawSpanCount(pool, t.projectId)).toBe(30);
    expect(await payloads()).toHaveLength(2);
    // The trace view reads details from both kinds of payload.
    const [first] = await getTrace(pool, t.projectId, one[0].spanContext().traceId);
    expect(first.attributes).toMatchObject({ 'url.path': '/api/orders/100000' });
    const stored = await getTrace(pool, t.projectId, '7'.repeat(32));
    expect(stored.map((s) => s.attributes['url.path']).sort()).toEqual(two.map((s) => s.attributes['url.path']).sort());
  });

  it('413 reaches a client that is still sending its body; past the discard bound the connection is closed', async () => {
    // A 3 MiB body (3x the cap, within the discard bound): the whole body is read and dropped, so every client
    // gets the answer, declared length or streamed, instead of a reset connection.
    const body = Buffer.alloc(3 * CAP, 0x0a);
    for (let i = 0; i < 3; i++) expect((await post('/v1/traces', body, pb(tenant.ingestKey))).status).toBe(413);
    const streamed = await fetch(`${app.url}/v1/traces`, {
      method: 'POST',
      headers: pb(tenant.ingestKey),
      body: new Blob([new Uint8Array(body)]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);

    // A client that would send 100x the cap: answered, then cut off after DISCARD_FACTOR x the cap.
    const url = new URL(app.url);
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('data', (d) => {
      answer += d.toString('latin1');
    });
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => {}); // the reset, once the server stops reading
    const head =
      `POST /v1/traces HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/x-protobuf\r\n` +
      `Authorization: Bearer ${tenant.ingestKey}\r\nContent-Length: ${100 * CAP}\r\n\r\n`;
    socket.write(head);
    const chunk = Buffer.alloc(64 * 1024);
    let sent = 0;
    let open = true;
    void closed.then(() => {
      open = false;
    });
    while (open && sent < 100 * CAP) {
      if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r));
      sent += chunk.length;
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(sent).toBeLessThan(20 * CAP); // DISCARD_FACTOR x the cap, plus what the socket buffers held
    expect(DISCARD_FACTOR * CAP).toBeLessThan(sent);
    expect((await post('/v1/traces', good(), pb(tenant.ingestKey))).status).toBe(200);
  });

  it('415 for an unknown content type or content encoding', async () => {
    expect((await post('/v1/traces', good(), { ...pb(tenant.ingestKey), 'content-type': 'text/plain' })).status).toBe(
      415,
    );
    expect((await post('/v1/traces', good(), { ...pb(tenant.ingestKey), 'content-encoding': 'br' })).status).toBe(415);
  });

  it('random bytes never produce a 5xx', async () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed;
    };
    const valid = good();
    const statuses = new Set<number>();
    for (let i = 0; i < 150; i++) {
      const body = i % 2 ? Buffer.from(valid) : Buffer.alloc(rnd() % 600);
      for (let j = 0; j < body.length; j++) if (i % 2 === 0 || rnd() % 20 === 0) body[j] = rnd() & 0xff;
      const headers = i % 3 === 0 ? json(tenant.ingestKey) : pb(tenant.ingestKey);
      const r = await post(i % 4 === 0 ? '/v1/metrics' : '/v1/traces', i % 5 === 0 ? gzipSync(body) : body, headers);
      statuses.add(r.status);
      await r.arrayBuffer();
    }
    expect([...statuses].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.has(400)).toBe(true);
  });
});
