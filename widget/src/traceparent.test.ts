import { describe, expect, it } from 'vitest';
import { parseTraceId, parseTraceparent } from './traceparent';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const VALID = `00-${TRACE}-00f067aa0ba902b7-01`;

describe('parseTraceparent', () => {
  it('returns the trace id of a valid header', () => {
    expect(parseTraceparent(VALID)).toBe(TRACE);
    expect(parseTraceparent(`  ${VALID}\n`)).toBe(TRACE);
    expect(parseTraceparent(`00-${TRACE}-00f067aa0ba902b7-00`)).toBe(TRACE);
  });

  it('accepts a later version with extra fields', () => {
    expect(parseTraceparent(`01-${TRACE}-00f067aa0ba902b7-01-what-the-future-holds`)).toBe(TRACE);
    expect(parseTraceparent(`cc-${TRACE}-00f067aa0ba902b7-09`)).toBe(TRACE);
  });

  it.each([
    ['empty', ''],
    ['null', null],
    ['version ff', `ff-${TRACE}-00f067aa0ba902b7-01`],
    ['extra fields on version 00', `${VALID}-extra`],
    ['all-zero trace id', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`],
    ['all-zero parent id', `00-${TRACE}-${'0'.repeat(16)}-01`],
    ['uppercase hex', VALID.toUpperCase()],
    ['short trace id', `00-${TRACE.slice(1)}-00f067aa0ba902b7-01`],
    ['missing flags', `00-${TRACE}-00f067aa0ba902b7`],
    ['glued fields', `01-${TRACE}-00f067aa0ba902b7-01x`],
  ])('rejects %s', (_name, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });
});

describe('parseTraceId', () => {
  it('takes a bare trace id, in any case', () => {
    expect(parseTraceId(TRACE)).toBe(TRACE);
    expect(parseTraceId(TRACE.toUpperCase())).toBe(TRACE);
  });

  it('takes a whole traceparent', () => {
    expect(parseTraceId(VALID)).toBe(TRACE);
  });

  it('rejects anything else', () => {
    expect(parseTraceId('0'.repeat(32))).toBeUndefined();
    expect(parseTraceId('req-1234')).toBeUndefined();
    expect(parseTraceId(undefined)).toBeUndefined();
  });
});
