import { describe, expect, it } from 'vitest';
import { decodeTraces, OtlpDecodeError, type OtlpDecodeErrorCode } from './index';
import { double, field, fixed64, kvString, msg, unknownFields, varint } from './test-wire';

// Hand-built protobuf for what the OpenTelemetry serializers never emit.
const TRACE_ID = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');
const SPAN_ID = Buffer.from('a1a2a3a4a5a6a7a8', 'hex');
const START = 1_760_000_000_123_456_789n;

const request = (...resourceSpans: Buffer[]): Buffer => msg(...resourceSpans.map((rs) => field(1, 2, rs)));
const resourceSpans = (resource: Buffer, ...spans: Buffer[]): Buffer =>
  msg(field(2, 2, msg(...spans.map((s) => field(2, 2, s)))), field(1, 2, resource)); // resource last
const resource = (...kvs: Buffer[]): Buffer => msg(...kvs.map((kv) => field(1, 2, kv)));
const anyValue = (...fields: Buffer[]): Buffer => msg(...fields);
const kv = (key: string, value: Buffer): Buffer => msg(field(2, 2, value), field(1, 2, key)); // value first

/** A valid span with every field in reverse order and unknown fields of all wire types between them. */
function reversedSpan(...attributes: Buffer[]): Buffer {
  return msg(
    unknownFields(),
    field(15, 2, msg(field(3, 0, 2), unknownFields(), field(2, 2, 'failed'))),
    field(
      11,
      2,
      msg(field(3, 2, kvString('e', 'v')), field(2, 2, 'evt'), unknownFields(), field(1, 1, fixed64(START + 1000n))),
    ),
    ...attributes.map((a) => field(9, 2, a)),
    field(8, 1, fixed64(START + 2_500_000n)),
    field(7, 1, fixed64(START)),
    field(6, 0, 3),
    field(5, 2, 'GET /a'),
    field(2, 2, SPAN_ID),
    unknownFields(),
    field(1, 2, TRACE_ID),
  );
}

function decodeError(body: Buffer): OtlpDecodeErrorCode {
  try {
    decodeTraces(body, 'protobuf');
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error.code;
    throw error;
  }
  throw new Error('decoded without error');
}

describe('decodeTraces protobuf wire handling', () => {
  it('decodes fields in any order and skips unknown fields of every wire type', () => {
    const body = request(
      msg(
        unknownFields(),
        resourceSpans(
          resource(kvString('service.name', 'api'), kv('service.version', field(1, 2, '9'))),
          reversedSpan(kv('http.route', field(1, 2, '/a/:id'))),
        ),
      ),
    );
    const { rows, rejected } = decodeTraces(body, 'protobuf');
    expect(rejected).toBe(0);
    expect(rows).toEqual([
      {
        traceId: TRACE_ID.toString('hex'),
        spanId: SPAN_ID.toString('hex'),
        parentSpanId: '',
        name: 'GET /a',
        kind: 3,
        startMs: 1_760_000_000_123 + 0.456789,
        durationMs: 2.5,
        statusCode: 2,
        statusMessage: 'failed',
        service: 'api',
        release: '9',
        environment: '',
        route: '/a/:id',
        method: '',
        httpStatus: 0,
        isRequest: false,
        isError: true,
        attributesJson: '{"http.route":"/a/:id"}',
        resourceJson: '{"service.name":"api","service.version":"9"}',
        eventsJson: `[{"name":"evt","timeMs":${1_760_000_000_123 + 0.457789},"attributes":{"e":"v"}}]`,
      },
    ]);
  });

  it('names an absent service unknown_service', () => {
    const { rows } = decodeTraces(request(msg(field(2, 2, field(2, 2, reversedSpan())))), 'protobuf');
    expect(rows[0]).toMatchObject({ service: 'unknown_service', release: '', environment: '', resourceJson: '{}' });
  });

  it('encodes every AnyValue kind, exact int64 and the last of repeated oneof members', () => {
    const attributes = [
      kv('neg', field(3, 0, -7)),
      kv('huge', field(3, 0, 2n ** 60n + 1n)),
      kv('min', field(3, 0, -(2n ** 63n))),
      kv('d', field(4, 1, double(-0.5))),
      kv('nan', field(4, 1, double(Number.NaN))),
      kv('t', field(2, 0, 1)),
      kv('bytes', field(7, 2, Buffer.from([1, 2, 3]))),
      kv(
        'arr',
        field(5, 2, msg(field(1, 2, field(1, 2, 'x')), field(1, 2, Buffer.alloc(0)), field(1, 2, field(3, 0, 1)))),
      ),
      kv('obj', field(6, 2, field(1, 2, kvString('k', 'v')))),
      kv('last', anyValue(field(1, 2, 'first'), field(3, 0, 2))),
      kv('empty', Buffer.alloc(0)),
      msg(field(1, 2, 'novalue')),
      kv('bad.utf8', field(1, 2, Buffer.from([0x61, 0xff, 0x22]))),
      kv('esc', field(1, 2, 'tab\there "q"')),
    ];
    const [row] = decodeTraces(request(resourceSpans(resource(), reversedSpan(...attributes))), 'protobuf').rows;
    expect(row.attributesJson).toContain('"huge":1152921504606846977');
    expect(row.attributesJson).toContain('"min":-9223372036854775808');
    expect(JSON.parse(row.attributesJson)).toEqual({
      neg: -7,
      huge: 2 ** 60,
      min: -(2 ** 63),
      d: -0.5,
      nan: 'NaN',
      t: true,
      bytes: 'AQID',
      arr: ['x', null, 1],
      obj: { k: 'v' },
      last: 2,
      empty: null,
      novalue: null,
      'bad.utf8': 'a\ufffd"',
      esc: 'tab\there "q"',
    });
  });

  it.each([
    ['resource_spans as a varint', field(1, 0, 5), 'wire_type_mismatch'],
    [
      'span name as a varint',
      request(resourceSpans(resource(), msg(reversedSpan(), field(5, 0, 1)))),
      'wire_type_mismatch',
    ],
    [
      'start time as a varint',
      request(resourceSpans(resource(), msg(reversedSpan(), field(7, 0, 1)))),
      'wire_type_mismatch',
    ],
    [
      'attribute key as fixed64',
      request(resourceSpans(resource(), reversedSpan(field(1, 1, fixed64(1n))))),
      'wire_type_mismatch',
    ],
    ['a length past the body', msg(Buffer.from([0x0a]), varint(1000)), 'truncated'],
    ['a field past its message', request(msg(field(2, 2, Buffer.from([0x12, 0x05, 0x0a])))), 'truncated'],
    ['a fixed64 past the body', request(resourceSpans(resource(), reversedSpan())).subarray(0, 30), 'truncated'],
    ['field number 0', Buffer.from([0x00, 0x01]), 'bad_tag'],
    // field 2 is not part of the request, so only the wire type itself is at fault
    ['a group wire type', Buffer.from([0x13]), 'bad_tag'],
    ['wire type 7', Buffer.from([0x17]), 'bad_tag'],
    ['an 11-byte varint', Buffer.from([0x10, ...Array(10).fill(0xff), 0x01]), 'bad_varint'],
    ['a cut-off varint', Buffer.from([0x10, 0xff]), 'truncated'],
  ])('refuses %s', (_, body, code) => {
    expect(decodeError(body)).toBe(code);
  });

  it('refuses attribute values nested beyond the depth cap', () => {
    let value = field(1, 2, 'leaf');
    for (let i = 0; i < 40; i++) value = field(5, 2, field(1, 2, value));
    expect(decodeError(request(resourceSpans(resource(), reversedSpan(kv('deep', value)))))).toBe('too_deep');
  });
});
