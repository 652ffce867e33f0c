import { describe, expect, it } from 'vitest';
import { pointRow } from '../../tests/integration/ingest-support';
import { copyText, metricLine, startMicros } from './copy-text';

describe('COPY text encoding', () => {
  it('escapes backslash, tab and newlines', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('plain')).toBe('plain');
  });

  it('writes a metric point as one tab-separated line with \\N for NULL and integer microseconds', () => {
    const point = pointRow({
      service: 'w\tx',
      release: '',
      seriesKey: 'ab',
      timeMs: 1_764_378_123_456.789,
    });
    const cols = metricLine(7, point).slice(0, -1).split('\t');
    expect(cols.slice(0, 12)).toEqual([
      '7',
      'ab',
      String(startMicros(point.timeMs)),
      '\\N',
      'queue.depth',
      '',
      'gauge',
      'w\\tx',
      '',
      'prod',
      '{}',
      '3',
    ]);
    expect(startMicros(point.timeMs)).toBe(1_764_378_123_456_789);
  });
});
