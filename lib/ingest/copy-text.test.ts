import { describe, expect, it } from 'vitest';
import { copyText, isoMicros, spanDirectLine, startMicros } from './copy-text';
import type { SpanRow } from './rows';

describe('COPY text encoding', () => {
  it('keeps all six fractional digits of a microsecond timestamp', () => {
    expect(isoMicros(Date.UTC(2026, 10, 29, 1, 2, 3, 45) * 1000 + 6)).toBe('2026-11-29T01:02:03.045006Z');
    expect(isoMicros(Date.UTC(2026, 0, 1) * 1000)).toBe('2026-01-01T00:00:00.000000Z');
    expect(isoMicros(startMicros(1_764_378_123_456.789))).toBe('2025-11-29T01:02:03.456789Z');
  });

  it('formats consecutive times of one second and of the next correctly (the date part is reused per second)', () => {
    const base = Date.UTC(2026, 10, 29, 23, 59, 59) * 1000;
    expect(isoMicros(base + 1)).toBe('2026-11-29T23:59:59.000001Z');
    expect(isoMicros(base + 999_999)).toBe('2026-11-29T23:59:59.999999Z');
    expect(isoMicros(base + 1_000_000)).toBe('2026-11-30T00:00:00.000000Z');
    expect(isoMicros(base + 5)).toBe('2026-11-29T23:59:59.000005Z');
    expect(isoMicros(-1)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('escapes backslash, tab and newlines, and writes ids as bytea hex', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    const row = {
      traceId: 'ab'.repeat(16),
      spanId: 'cd'.repeat(8),
      parentSpanId: '',
      name: 'GET\t/x',
      startMs: Date.UTC(2026, 0, 1),
      durationMs: 1.5,
    } as SpanRow;
    const cols = spanDirectLine(7, { ...row, attributesJson: '{}', resourceJson: '{}', eventsJson: '[]' } as SpanRow)
      .slice(0, -1)
      .split('\t');
    expect(cols.slice(0, 7)).toEqual([
      '7',
      `\\\\x${'ab'.repeat(16)}`,
      `\\\\x${'cd'.repeat(8)}`,
      '\\N',
      '2026-01-01T00:00:00.000000Z',
      '1.5',
      'GET\\t/x',
    ]);
  });
});
