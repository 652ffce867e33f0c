import { describe, expect, it } from 'vitest';
import { logTicks } from './log-ticks';

describe('logTicks', () => {
  it('covers the range with 1-2-5 ticks per decade', () => {
    expect(logTicks(10, 917)).toEqual({ ticks: [10, 20, 50, 100, 200, 500, 1000], domain: [10, 1000] });
    expect(logTicks(8, 757)).toEqual({ ticks: [5, 10, 20, 50, 100, 200, 500, 1000], domain: [5, 1000] });
  });

  it('keeps powers of ten only over more than three decades', () => {
    expect(logTicks(1, 120_000).ticks).toEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000]);
  });

  it('gives a range of one value a tick on each side', () => {
    expect(logTicks(42, 42)).toEqual({ ticks: [20, 50], domain: [20, 50] });
    expect(logTicks(100, 100)).toEqual({ ticks: [100], domain: [100, 100] });
  });
});
