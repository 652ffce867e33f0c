import { describe, expect, it } from 'vitest';
import type { Decoded, MetricPointRow, SpanRow } from '../rows';
import { decodeMetrics, decodeTraces, OtlpDecodeError } from './index';
import {
  httpSpans,
  memoryMeter,
  metricsJson,
  metricsProtobuf,
  spanLike,
  tracesJson,
  tracesProtobuf,
} from './test-fixtures';

/** Deterministic PRNG (mulberry32) so a failing case reproduces. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX32 = /^(?!0+$)[0-9a-f]{32}$/;
const HEX16 = /^(?!0+$)[0-9a-f]{16}$/;

function checkSpanRow(r: SpanRow): void {
  expect(r.traceId).toMatch(HEX32);
  expect(r.spanId).toMatch(HEX16);
  expect(r.parentSpanId === '' || HEX16.test(r.parentSpanId)).toBe(true);
  expect(r.startMs).toBeGreaterThan(0);
  expect(r.durationMs).toBeGreaterThanOrEqual(0);
  expect(JSON.parse(r.attributesJson)).toBeTypeOf('object');
  expect(Array.isArray(JSON.parse(r.eventsJson))).toBe(true);
  expect(JSON.parse(r.resourceJson)).toBeTypeOf('object');
}

function checkPointRow(r: MetricPointRow): void {
  expect(r.seriesKey).toMatch(/^[0-9a-f]{16}$/);
  expect(r.timeMs).toBeGreaterThan(0);
  expect(JSON.parse(r.attributesJson)).toBeTypeOf('object');
}

/** The decoder may only answer with a well-formed Decoded or throw OtlpDecodeError. */
function decodeChecked<Row>(decode: () => Decoded<Row>, check: (row: Row) => void): 'ok' | 'refused' {
  let decoded: Decoded<Row>;
  try {
    decoded = decode();
  } catch (error) {
    expect(error).toBeInstanceOf(OtlpDecodeError);
    expect((error as OtlpDecodeError).message).not.toBe('');
    return 'refused';
  }
  expect(Number.isInteger(decoded.rejected) && decoded.rejected >= 0).toBe(true);
  expect(decoded.errorMessage === '').toBe(decoded.rejected === 0);
  decoded.rows.forEach(check);
  return 'ok';
}

function mutate(base: Buffer, random: () => number): Buffer {
  const b = Buffer.from(base);
  const at = Math.floor(random() * b.length);
  switch (Math.floor(random() * 5)) {
    case 0:
      b[at] ^= 1 << Math.floor(random() * 8);
      return b;
    case 1:
      b[at] = random() < 0.5 ? 0xff : 0x00;
      return b;
    case 2:
      return b.subarray(0, at);
    case 3:
      return Buffer.concat([b.subarray(0, at), Buffer.from([Math.floor(random() * 256)]), b.subarray(at)]);
    default:
      return Buffer.concat([b.subarray(0, at), b.subarray(Math.floor(random() * b.length))]);
  }
}

const spans = httpSpans(4);
const weird = spanLike(spans[0], { attributes: { o: { a: [1, 'é', { b: new Uint8Array([7]) }] }, s: 'q"\\\n' } });
const traceBodies = { protobuf: tracesProtobuf([...spans, weird]), json: tracesJson([...spans, weird]) };
const meter = memoryMeter();
meter.meter.createCounter('c').add(2, { k: 'v' });
meter.meter.createHistogram('h').record(3, { k: 'v' });
meter.meter.createHistogram('h.exp').record(3);
const metrics = await meter.collect();
const metricBodies = { protobuf: metricsProtobuf(metrics), json: metricsJson(metrics) };

describe('undecodable bodies', () => {
  it.each([
    ['not JSON', '{"resourceSpans": [', 'bad_json'],
    ['a JSON array', '[]', 'bad_shape'],
    ['a JSON string', '"x"', 'bad_shape'],
    ['resourceSpans not an array', '{"resourceSpans": {}}', 'bad_shape'],
    ['a resourceSpans entry not an object', '{"resourceSpans": [1]}', 'bad_shape'],
    ['scopeSpans not an array', '{"resourceSpans": [{"scopeSpans": "x"}]}', 'bad_shape'],
    ['spans not an array', '{"resourceSpans": [{"scopeSpans": [{"spans": {}}]}]}', 'bad_shape'],
  ])('refuses %s as traces', (_, text, code) => {
    expect(() => decodeTraces(Buffer.from(text), 'json')).toThrow(
      expect.objectContaining({ name: 'OtlpDecodeError', code }),
    );
  });

  it('refuses metrics data that is not a dataPoints container', () => {
    const text = '{"resourceMetrics": [{"scopeMetrics": [{"metrics": [{"name": "g", "gauge": {"dataPoints": 3}}]}]}]}';
    expect(() => decodeMetrics(Buffer.from(text), 'json')).toThrow(expect.objectContaining({ code: 'bad_shape' }));
  });

  it('rejects (rather than refuses) a malformed span inside a valid request', () => {
    const text = '{"resourceSpans": [{"scopeSpans": [{"spans": [7, {"name": 5}]}]}]}';
    expect(decodeTraces(Buffer.from(text), 'json')).toEqual({
      rows: [],
      rejected: 2,
      errorMessage: '2 spans rejected: malformed span (2)',
    });
  });

  it('refuses every truncation of a protobuf body that cuts a span', () => {
    const body = traceBodies.protobuf;
    const outcomes = new Set<string>();
    for (let cut = 1; cut < body.length; cut++) {
      outcomes.add(decodeChecked(() => decodeTraces(body.subarray(0, cut), 'protobuf'), checkSpanRow));
    }
    expect(outcomes).toEqual(new Set(['refused'])); // one ResourceSpans: any cut lands inside it
  });
});

describe('fuzzed bodies', () => {
  const random = prng(20_251_128);

  it.each(['protobuf', 'json'] as const)('trace decoding (%s) never escapes its contract', (format) => {
    const seen = { ok: 0, refused: 0 };
    for (let i = 0; i < 1500; i++) {
      const body = mutate(traceBodies[format], random);
      seen[decodeChecked(() => decodeTraces(body, format), checkSpanRow)]++;
    }
    expect(seen.refused).toBeGreaterThan(0);
  });

  it.each(['protobuf', 'json'] as const)('metrics decoding (%s) never escapes its contract', (format) => {
    for (let i = 0; i < 1000; i++) {
      const body = mutate(metricBodies[format], random);
      decodeChecked(() => decodeMetrics(body, format), checkPointRow);
    }
  });

  it('survives random bytes', () => {
    for (let i = 0; i < 1000; i++) {
      const body = Buffer.from(Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
      decodeChecked(() => decodeTraces(body, 'protobuf'), checkSpanRow);
      decodeChecked(() => decodeMetrics(body, 'protobuf'), checkPointRow);
    }
  });

  it('survives JSON of the right outline with values of the wrong types', () => {
    const replacements: unknown[] = [null, 0, -1, 1.5, '', 'x', '123', true, [], {}, [1], { values: 5 }];
    for (const [source, decode, check] of [
      [traceBodies.json, (b: Buffer) => decodeTraces(b, 'json'), checkSpanRow],
      [metricBodies.json, (b: Buffer) => decodeMetrics(b, 'json'), checkPointRow],
    ] as const) {
      for (let i = 0; i < 400; i++) {
        const tree: unknown = JSON.parse(source.toString());
        replaceRandomNode(tree, replacements[Math.floor(random() * replacements.length)], random);
        const body = Buffer.from(JSON.stringify(tree));
        decodeChecked(() => decode(body), check as (row: SpanRow | MetricPointRow) => void);
      }
    }
  });
});

/** Replaces one randomly chosen value somewhere inside `tree`. */
function replaceRandomNode(tree: unknown, value: unknown, random: () => number): void {
  const slots: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node))
      node.forEach((child, i) => {
        slots.push([node, i]);
        walk(child);
      });
    else if (node !== null && typeof node === 'object') {
      for (const [k, child] of Object.entries(node)) {
        slots.push([node as Record<string, unknown>, k]);
        walk(child);
      }
    }
  };
  walk(tree);
  const [parent, key] = slots[Math.floor(random() * slots.length)];
  (parent as Record<string | number, unknown>)[key] = value;
}
