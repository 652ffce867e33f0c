import { describe, expect, it } from 'vitest';
import { decodeTraces, OTLP_LIMITS } from './index';
import { httpSpans, spanLike, tracesJson, tracesProtobuf } from './test-fixtures';

describe.each([
  ['protobuf', tracesProtobuf],
  ['json', tracesJson],
] as const)('decodeTraces (%s) partial rejection', (format, serialize) => {
  const [a, b, c, d, e, f, g, h] = httpSpans(10);

  it('rejects invalid spans, counts them by reason and keeps the rest', () => {
    const spans = [
      spanLike(a, { traceId: '0'.repeat(32) }),
      spanLike(b, { endTime: [b.startTime[0] - 1, 0] }),
      c,
      spanLike(d, { spanId: 'abcd' }),
      spanLike(e, { traceId: 'f'.repeat(30) }),
      spanLike(f, { startTime: [0, 0], endTime: [0, 10] }),
      spanLike(g, { name: 'n'.repeat(OTLP_LIMITS.nameChars + 1) }),
      spanLike(h, { parentSpanId: '12' }),
    ];
    const decoded = decodeTraces(serialize(spans), format);
    expect(decoded.rows.map((r) => r.spanId)).toEqual([c.spanContext().spanId]);
    expect(decoded.rejected).toBe(7);
    expect(decoded.errorMessage).toBe(
      '7 spans rejected: invalid trace_id (2), end before start (1), invalid span_id (1), zero start time (1), ' +
        'name too long (1), invalid parent_span_id (1)',
    );
  });

  it('uses the singular for one span', () => {
    const decoded = decodeTraces(serialize([spanLike(a, { spanId: '0'.repeat(16) }), b]), format);
    expect(decoded).toMatchObject({ rejected: 1, errorMessage: '1 span rejected: invalid span_id (1)' });
    expect(decoded.rows).toHaveLength(1);
  });

  it('treats an all-zero parent id as a root span', () => {
    const [row] = decodeTraces(serialize([spanLike(a, { parentSpanId: '0'.repeat(16) })]), format).rows;
    expect(row.parentSpanId).toBe('');
  });

  it('rejects oversize attribute keys, attribute sets and routes', () => {
    const spans = [
      spanLike(a, { attributes: { ['k'.repeat(OTLP_LIMITS.attributeKeyChars + 1)]: 1 } }),
      spanLike(b, { attributes: { blob: 'x'.repeat(OTLP_LIMITS.attributesJsonChars) } }),
      spanLike(c, { attributes: { 'http.route': `/${'r'.repeat(OTLP_LIMITS.routeChars)}` } }),
      spanLike(d, { attributes: { ['k'.repeat(OTLP_LIMITS.attributeKeyChars)]: 'at the cap is fine' } }),
    ];
    const decoded = decodeTraces(serialize(spans), format);
    expect(decoded.rows).toHaveLength(1);
    expect(decoded.errorMessage).toBe(
      '3 spans rejected: attribute key too long (1), attributes too large (1), route too long (1)',
    );
  });

  it('rejects spans with U+0000 in a stored text field or a kind beyond smallint; attributes may carry U+0000', () => {
    const spans = [
      spanLike(a, { name: 'GET /a\u0000' }),
      spanLike(b, { attributes: { 'http.route': '/r\u0000' } }),
      spanLike(c, { attributes: { note: 'kept in the stored body: \u0000' } }),
      spanLike(d, { kind: 40_000 }), // stored as smallint
    ];
    const decoded = decodeTraces(serialize(spans), format);
    expect(decoded.rows.map((r) => r.spanId)).toEqual([c.spanContext().spanId]);
    expect(decoded.errorMessage).toBe('3 spans rejected: NUL character in text (2), invalid kind or status code (1)');
  });

  it('accepts an empty request', () => {
    expect(decodeTraces(serialize([]), format)).toEqual({ rows: [], rejected: 0, errorMessage: '' });
  });
});
