import { describe, expect, it } from 'vitest';
import { copyText, metricLine, startMicros } from './copy-text';
import type { MetricPointRow } from './rows';

describe('COPY text encoding', () => {
  it('escapes backslash, tab and newlines', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('plain')).toBe('plain');
  });

  it('writes a metric point as one tab-separated line with \\N for NULL and integer microseconds', () => {
    const point = {
      name: 'queue.depth',
      unit: '',
      kind: 'gauge',
      service: 'w\tx',
      release: '',
      environment: 'prod',
      attributesJson: '{}',
      seriesKey: 'ab',
      timeMs: 1_764_378_123_456.789,
      startTimeMs: 0,
      value: 3,
      isMonotonic: false,
      temporality: 0,
      count: null,
      sum: null,
      min: null,
      max: null,
      explicitBounds: [],
      bucketCounts: [],
      expScale: null,
      expZeroCount: null,
      expPositiveOffset: null,
      expPositiveCounts: [],
      expNegativeOffset: null,
      expNegativeCounts: [],
    } satisfies MetricPointRow;
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
