import { context, type HrTime, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import type { SpanRow } from '../rows';
import { decodeTraces } from './index';
import { FIXTURE_RESOURCE, memoryTracer, spanLike, tracesJson, tracesProtobuf } from './test-fixtures';

const nanos = (t: HrTime): bigint => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);
/** Epoch ms of an HrTime, exact to well under a microsecond. */
const epochMs = (t: HrTime): number => Number(nanos(t) / 1_000_000n) + Number(nanos(t) % 1_000_000n) / 1e6;

const FORMATS = [
  ['protobuf', tracesProtobuf],
  ['json', tracesJson],
] as const;

/** A server span with a client child: every attribute type, events, an error status. */
function sampleSpans(): ReadableSpan[] {
  const { tracer, finished } = memoryTracer();
  const server = tracer.startSpan('GET /orders/:id', {
    kind: SpanKind.SERVER,
    startTime: [1_760_000_000, 123_456_789],
    attributes: {
      'http.route': '/orders/:id',
      'http.request.method': 'GET',
      'http.response.status_code': 503,
      'url.path': '/orders/42?q="quoted"\\n',
      'user.name': 'Zoë 東京 🚀',
      'retry.count': -3,
      'big.count': 2 ** 40,
      ratio: 0.125,
      'cache.hit': false,
      tags: ['a', 'b'],
      sizes: [1, 2.5, 3],
      flags: [true, false],
      sparse: ['x', null, 'y'],
      'empty.list': [],
      'control\tkey': 'line1\nline2',
    },
  });
  server.addEvent(
    'exception',
    { 'exception.type': 'TimeoutError', 'exception.count': 2 },
    [1_760_000_000, 200_000_001],
  );
  server.addEvent('retry', undefined, [1_760_000_000, 300_000_000]);
  server.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream timed out' });
  const child = tracer.startSpan(
    'SELECT orders',
    { kind: SpanKind.CLIENT, startTime: [1_760_000_000, 150_000_000], attributes: { 'db.system': 'postgresql' } },
    trace.setSpan(context.active(), server),
  );
  child.end([1_760_000_000, 180_000_500]);
  server.end([1_760_000_001, 5]);
  return finished();
}

function rowFor(rows: SpanRow[], span: ReadableSpan): SpanRow {
  const row = rows.find((r) => r.spanId === span.spanContext().spanId);
  if (row === undefined) throw new Error(`no row for span ${span.name}`);
  return row;
}

describe.each(FORMATS)('decodeTraces (%s) against the OpenTelemetry serializer', (format, serialize) => {
  const spans = sampleSpans();
  const decoded = decodeTraces(serialize(spans), format);

  it('accepts every span', () => {
    expect(decoded).toMatchObject({ rejected: 0, errorMessage: '' });
    expect(decoded.rows).toHaveLength(spans.length);
  });

  it.each(spans.map((s) => [s.name, s] as const))('round-trips ids, kind, times and status of %s', (_, span) => {
    const row = rowFor(decoded.rows, span);
    expect(row.traceId).toBe(span.spanContext().traceId);
    expect(row.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(row.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(row.parentSpanId).toBe(span.parentSpanContext?.spanId ?? '');
    expect(row.name).toBe(span.name);
    expect(row.kind).toBe(span.kind + 1); // the API's enum is the OTLP one shifted by one
    expect(row.startMs).toBeCloseTo(epochMs(span.startTime), 4); // within 0.05 us
    expect(row.durationMs).toBe(Number(nanos(span.endTime) - nanos(span.startTime)) / 1e6);
    expect(row.statusCode).toBe(span.status.code);
    expect(row.statusMessage).toBe(span.status.message ?? '');
  });

  it.each(spans.map((s) => [s.name, s] as const))('round-trips attributes and events of %s', (_, span) => {
    const row = rowFor(decoded.rows, span);
    expect(JSON.parse(row.attributesJson)).toEqual(span.attributes);
    expect(JSON.parse(row.eventsJson)).toEqual(
      span.events.map((e) => ({
        name: e.name,
        timeMs: expect.closeTo(epochMs(e.time), 4),
        attributes: e.attributes ?? {},
      })),
    );
  });

  it('keeps exact microseconds and sub-millisecond durations', () => {
    const [server, child] = [spans[1], spans[0]].map((s) => rowFor(decoded.rows, s));
    expect(server.startMs).toBeCloseTo(1_760_000_000_123 + 0.456789, 4);
    expect(server.durationMs).toBe(876.543216);
    expect(child.durationMs).toBe(30.0005);
  });

  it('derives service identity and request fields', () => {
    const server = rowFor(decoded.rows, spans[1]);
    expect(server).toMatchObject({
      service: 'checkout',
      release: '2.4.1',
      environment: 'production',
      route: '/orders/:id',
      method: 'GET',
      httpStatus: 503,
      isRequest: true,
      isError: true,
    });
    expect(JSON.parse(server.resourceJson)).toMatchObject(FIXTURE_RESOURCE);
    const child = rowFor(decoded.rows, spans[0]);
    expect(child).toMatchObject({
      route: 'SELECT orders',
      method: '',
      httpStatus: 0,
      isRequest: false,
      isError: false,
    });
  });
});

describe.each(FORMATS)('decodeTraces (%s) derivations', (format, serialize) => {
  function decodeOne(
    resource: Record<string, string>,
    kind: SpanKind,
    attributes: Record<string, string | number>,
    error = false,
  ) {
    const { tracer, finished } = memoryTracer(resource);
    const span = tracer.startSpan('consume orders', { kind, startTime: [1_760_000_000, 0], attributes });
    if (error) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end([1_760_000_000, 1_000_000]);
    const { rows } = decodeTraces(serialize(finished()), format);
    expect(rows).toHaveLength(1);
    return rows[0];
  }

  it('falls back to legacy semantic conventions and deployment.environment', () => {
    const row = decodeOne({ 'service.name': 'billing', 'deployment.environment': 'staging' }, SpanKind.CONSUMER, {
      'http.method': 'POST',
      'http.status_code': 502,
    });
    expect(row).toMatchObject({
      environment: 'staging',
      release: '',
      method: 'POST',
      httpStatus: 502,
      isRequest: true,
      isError: true,
    });
  });

  it('prefers current conventions over legacy ones whatever their order', () => {
    const legacy = { 'http.status_code': 500, 'http.method': 'PUT' };
    const current = { 'http.request.method': 'GET', 'http.response.status_code': 200 };
    for (const attributes of [
      { ...legacy, ...current },
      { ...current, ...legacy },
    ]) {
      const row = decodeOne({ 'service.name': 'billing' }, SpanKind.SERVER, attributes);
      expect(row).toMatchObject({ method: 'GET', httpStatus: 200, isError: false });
    }
  });

  it('marks errors from the status alone and reads string status codes', () => {
    expect(decodeOne({ 'service.name': 'a' }, SpanKind.INTERNAL, {}, true)).toMatchObject({
      isError: true,
      isRequest: false,
    });
    expect(decodeOne({ 'service.name': 'a' }, SpanKind.SERVER, { 'http.response.status_code': '504' })).toMatchObject({
      httpStatus: 504,
      isError: true,
    });
  });

  it('carries kvlist and bytes attribute values', () => {
    const { tracer, finished } = memoryTracer();
    tracer.startSpan('x', { startTime: [1_760_000_000, 0] }).end([1_760_000_000, 5]);
    const attributes = { obj: { a: 1, nested: { b: ['c'] } }, raw: new Uint8Array([0, 255, 16]) };
    const span = spanLike(finished()[0], { attributes });
    const [row] = decodeTraces(serialize([span]), format).rows;
    expect(JSON.parse(row.attributesJson)).toEqual({ obj: { a: 1, nested: { b: ['c'] } }, raw: 'AP8Q' });
  });
});

describe('decodeTraces protobuf and JSON agree', () => {
  it('produces identical rows from both encodings of the same spans', () => {
    const spans = sampleSpans();
    const fromProtobuf = decodeTraces(tracesProtobuf(spans), 'protobuf').rows;
    const fromJson = decodeTraces(tracesJson(spans), 'json').rows;
    expect(fromJson).toEqual(fromProtobuf);
  });
});
