import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeTraces } from '../otlp';
import {
  httpSpans,
  memoryMeter,
  metricsJson,
  metricsProtobuf,
  tracesJson,
  tracesProtobuf,
} from '../otlp/test-fixtures';
import { PAYLOAD_FORMAT } from '../payloads';
import { spanBatch, spanKeyHex } from '../span-batch';
import { decodeMetricRequest, decodeSpanRequest, METRIC_TEXT_FACTOR, type SpanDecodeResult } from './decode-request';
import { DecodeThreadError, DecodeThreads } from './threads';

// The decode threads run the same code as the event loop would: their answers must be equal, arriving as
// Buffers and typed arrays the writer can use.

const MIB_64 = 64 * 1024 * 1024;
let threads: DecodeThreads | null = null;
afterEach(async () => {
  await threads?.close();
  threads = null;
});

/** A result with its buffers as plain arrays, comparable across threads. */
function plain(r: SpanDecodeResult) {
  if (!r.ok || !r.batch) return r;
  const b = r.batch;
  return {
    ...r,
    batch: {
      ...b,
      payload: { ...b.payload, id: 0, body: [...zlib.inflateRawSync(b.payload.body)] },
      rows: [...b.rows],
      requests: {
        ...b.requests,
        startUs: [...b.requests.startUs],
        durationMs: [...b.requests.durationMs],
        isError: [...b.requests.isError],
        series: [...b.requests.series],
        ids: [...b.requests.ids],
      },
    },
  };
}

/** The payload id is random: the event loop's result is rebuilt with the thread's payload before comparing. */
function sameIds(thread: SpanDecodeResult, local: SpanDecodeResult, body: Buffer, type: 'protobuf' | 'json') {
  if (!thread.ok || !thread.batch || !local.ok || !local.batch) return local;
  const rows = decodeTraces(body, type, { details: false }).rows;
  return { ...local, batch: spanBatch(local.batch.projectId, rows, thread.batch.payload) };
}

describe('decode threads', () => {
  it.each(['protobuf', 'json'] as const)('answer a %s request as the event loop does', async (type) => {
    threads = new DecodeThreads(1, MIB_64);
    const spans = httpSpans(120, Math.floor(Date.now() / 1000) - 3600);
    const body = type === 'protobuf' ? tracesProtobuf(spans) : tracesJson(spans);
    const onThread = await threads.decode(body, type, 7);
    const local = sameIds(onThread, decodeSpanRequest(body, type, 7), body, type);
    expect(onThread.ok && onThread.batch?.spanCount).toBe(120);
    expect(onThread.ok && Buffer.isBuffer(onThread.batch?.rows) && Buffer.isBuffer(onThread.batch?.payload.body)).toBe(
      true,
    );
    expect(onThread.ok && onThread.batch?.payload.format).toBe(
      type === 'protobuf' ? PAYLOAD_FORMAT.protobuf : PAYLOAD_FORMAT.json,
    );
    expect(plain(onThread)).toEqual(plain(local));
    if (!onThread.ok || !onThread.batch) throw new Error('no batch');
    expect(zlib.inflateRawSync(onThread.batch.payload.body).equals(body)).toBe(true); // the body, as sent
    // Ids survive the trip byte for byte.
    const decoded = decodeTraces(body, type, { details: false }).rows.filter((r) => r.isRequest);
    expect(spanKeyHex(onThread.batch.requests, 5)).toBe(decoded[5].traceId + decoded[5].spanId);
  });

  it('inflates a gzip request and keeps its deflate stream as the payload, not compressed again', async () => {
    threads = new DecodeThreads(1, MIB_64);
    const body = tracesProtobuf(httpSpans(80, Math.floor(Date.now() / 1000) - 60));
    const gz = zlib.gzipSync(body, { level: 9 });
    const encoding = { gzipped: true, maxBytes: MIB_64 };
    const onThread = await threads.decode(gz, 'protobuf', 7, encoding);
    if (!onThread.ok || !onThread.batch) throw new Error('no batch');
    expect(onThread.batch.payload.body.equals(gz.subarray(10, gz.length - 8))).toBe(true); // as sent, level 9
    const local = sameIds(onThread, decodeSpanRequest(body, 'protobuf', 7), body, 'protobuf');
    expect(plain(onThread)).toEqual(plain(local));
    // Over the cap once inflated: 413; not gzip at all: 400. The thread keeps serving.
    expect(await threads.decode(gz, 'protobuf', 7, { gzipped: true, maxBytes: body.length - 1 })).toEqual({
      ok: false,
      status: 413,
      message: `Body larger than ${body.length - 1} bytes (after decompression)`,
    });
    expect(await threads.decode(body, 'protobuf', 7, encoding)).toEqual({
      ok: false,
      status: 400,
      message: 'Body is not valid gzip',
    });
    expect((await threads.decode(gz, 'protobuf', 7, encoding)).ok).toBe(true);
    // Gzip level 0 stores the bytes as they are: that stream is deflated again rather than stored.
    const stored = zlib.gzipSync(body, { level: 0 });
    const again = await threads.decode(stored, 'protobuf', 7, encoding);
    if (!again.ok || !again.batch) throw new Error('no batch');
    expect(again.batch.payload.body.length).toBeLessThan(body.length / 2);
    expect(zlib.inflateRawSync(again.batch.payload.body).equals(body)).toBe(true);
  });

  it.each(['protobuf', 'json'] as const)('decodes a %s metrics request as the event loop does', async (type) => {
    threads = new DecodeThreads(1, MIB_64);
    const { meter, collect } = memoryMeter();
    meter.createGauge('queue.depth').record(17, { queue: 'emails' });
    meter.createCounter('jobs.done').add(3);
    meter.createHistogram('job.duration').record(12.5);
    meter.createHistogram('job.duration.exp').record(40);
    const metrics = await collect();
    const body = type === 'protobuf' ? metricsProtobuf(metrics) : metricsJson(metrics);
    const gz = zlib.gzipSync(body);
    const onThread = await threads.decodeMetrics(gz, type, 3, { gzipped: true, maxBytes: MIB_64 });
    if (!onThread.ok || !onThread.batch) throw new Error('no batch');
    expect(onThread.batch.count).toBe(4);
    // One COPY text line per point, of project 3, named as recorded.
    const lines = onThread.batch.lines.join('').trimEnd().split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['3', '3', '3', '3']);
    expect(lines.map((l) => l.split('\t')[4]).sort()).toEqual([
      'job.duration',
      'job.duration.exp',
      'jobs.done',
      'queue.depth',
    ]);
    expect(onThread.batch.days).toHaveLength(1);
    expect(onThread).toEqual(decodeMetricRequest(body, type, 3));
    expect((await threads.decodeMetrics(Buffer.from('{"resourceMetrics": [tru'), 'json', 3)).ok).toBe(false);
    expect(await threads.decodeMetrics(gz, type, 3, { gzipped: true, maxBytes: body.length - 1 })).toMatchObject({
      ok: false,
      status: 413,
    });
  });

  it('refuses metric points whose rows would expand past 16x the body cap (413), and builds them in chunks', async () => {
    threads = new DecodeThreads(1, MIB_64);
    const { meter, collect } = memoryMeter();
    const gauge = meter.createGauge(`queue.depth.${'x'.repeat(900)}`); // the name is repeated on every row
    for (let i = 0; i < 1900; i++) gauge.record(i, { q: `q${i}` }); // under the SDK's 2,000 series limit
    const body = metricsProtobuf(await collect());
    const tight = { gzipped: false, maxBytes: body.length }; // the request fits the cap; its rows do not fit 16x
    expect(await threads.decodeMetrics(body, 'protobuf', 1, tight)).toMatchObject({
      ok: false,
      status: 413,
      message: expect.stringContaining(`${body.length * METRIC_TEXT_FACTOR} bytes of rows`),
    });
    const roomy = await threads.decodeMetrics(body, 'protobuf', 1, { gzipped: false, maxBytes: body.length * 4 });
    if (!roomy.ok || !roomy.batch) throw new Error('no batch');
    expect(roomy.batch.count).toBe(1900);
    expect(roomy.batch.lines.length).toBeGreaterThan(1); // ~1.9 MB of rows in ~1 MB chunks, each ending a line
    for (const chunk of roomy.batch.lines) expect(chunk.endsWith('\n')).toBe(true);
    expect(roomy.batch.lines.join('').split('\n').length - 1).toBe(1900);
  });

  it('answers an undecodable body with its reason, as the event loop does, and keeps serving', async () => {
    threads = new DecodeThreads(1, MIB_64);
    const junk = Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]);
    const onThread = await threads.decode(junk, 'protobuf', 1);
    expect(onThread).toEqual(decodeSpanRequest(junk, 'protobuf', 1));
    expect(onThread.ok).toBe(false);
    const json = await threads.decode(Buffer.from('{"resourceSpans":'), 'json', 1);
    expect(json.ok).toBe(false);
    const good = await threads.decode(tracesProtobuf(httpSpans(3)), 'protobuf', 1);
    expect(good.ok && good.batch?.spanCount).toBe(3);
  });

  it('hands back small results intact, request after request', async () => {
    threads = new DecodeThreads(1, MIB_64);
    // One span: its rows and deflated body are small Buffers, which Node carves out of a shared pool (the thread
    // copies those before transferring: moving a pool would break every other Buffer in it).
    for (let i = 0; i < 50; i++) {
      const body = Buffer.from(tracesProtobuf(httpSpans(1, 1_760_000_000 + i)));
      const r = await threads.decode(body, 'protobuf', 1);
      if (!r.ok || !r.batch) throw new Error('no batch');
      expect(r.batch.spanCount).toBe(1);
      // Each array arrives owning exactly its own bytes: the thread copied the pooled ones and moved those.
      const { rows, payload, requests } = r.batch;
      for (const a of [rows, payload.body, requests.startUs, requests.ids])
        expect([a.byteOffset, a.buffer.byteLength]).toEqual([0, a.byteLength]);
      expect(body.length).toBeGreaterThan(0); // the caller's body is untouched (it was copied, not moved)
    }
  });

  it('a thread that is stopped fails its requests with DecodeThreadError and the next request starts a new one', async () => {
    threads = new DecodeThreads(1, MIB_64);
    const body = tracesProtobuf(httpSpans(2000));
    const pending = threads.decode(body, 'protobuf', 1);
    await threads.close();
    await expect(pending).rejects.toBeInstanceOf(DecodeThreadError);
    expect(threads.running).toBe(0);
    const again = await threads.decode(tracesProtobuf(httpSpans(2)), 'protobuf', 1);
    expect(again.ok && again.batch?.spanCount).toBe(2);
    expect(threads.running).toBe(1);
  });

  it('spreads requests over its threads', async () => {
    threads = new DecodeThreads(2, MIB_64);
    const body = tracesProtobuf(httpSpans(200));
    const results = await Promise.all(Array.from({ length: 8 }, () => threads?.decode(body, 'protobuf', 1)));
    expect(results.every((r) => r?.ok && r.batch?.spanCount === 200)).toBe(true);
    expect(threads.running).toBe(2);
  });

  it('refuses a body while the backlog waiting for the threads is full, and takes one whenever none waits', async () => {
    const body = tracesProtobuf(httpSpans(300));
    threads = new DecodeThreads(1, body.length + 10);
    const first = threads.decode(body, 'protobuf', 1);
    expect(threads.backlog).toBe(body.length);
    await expect(threads.decode(body, 'protobuf', 1)).rejects.toBeInstanceOf(DecodeThreadError);
    expect((await first).ok).toBe(true);
    expect(threads.backlog).toBe(0);
    // A body over the cap is still taken when nothing waits (the cap bounds the backlog, not one request).
    const small = new DecodeThreads(1, 10);
    try {
      expect((await small.decode(body, 'protobuf', 1)).ok).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('when a thread cannot start, its request fails and later ones are decoded on the event loop', async () => {
    threads = new DecodeThreads(1, MIB_64, new URL('data:text/javascript,throw new Error("cannot start")'));
    const body = tracesProtobuf(httpSpans(5));
    await expect(threads.decode(body, 'protobuf', 1)).rejects.toBeInstanceOf(DecodeThreadError);
    expect(threads.off).toBe(true);
    const next = await threads.decode(body, 'protobuf', 1);
    expect(next.ok && next.batch?.spanCount).toBe(5);
    const { meter, collect } = memoryMeter();
    meter.createGauge('queue.depth').record(3);
    const points = await threads.decodeMetrics(zlib.gzipSync(metricsProtobuf(await collect())), 'protobuf', 1, {
      gzipped: true,
      maxBytes: MIB_64,
    });
    expect(points.ok && points.batch?.count).toBe(1);
    expect(threads.running).toBe(0);
  });
});
