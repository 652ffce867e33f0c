import { describe, expect, it } from 'vitest';
import { apdexScore, countAtOrBelow } from './apdex';

const bounds = [100, 300, 1000, 1500, null];

describe('apdex from bucket counts', () => {
  it('counts whole buckets at or below the threshold', () => {
    expect(countAtOrBelow(bounds, [10, 20, 30, 40, 5], 300)).toBe(30);
  });
  it('takes a linear share of the bucket containing the threshold', () => {
    // 1200 ms is 200/500 into (1000, 1500]: 40 × 0.4 = 16
    expect(countAtOrBelow(bounds, [10, 20, 30, 40, 5], 1200)).toBeCloseTo(76);
  });
  it('scores (satisfied + tolerating / 2) / total', () => {
    // T = 300: satisfied 30, tolerating (≤ 1200) 46, total 105
    expect(apdexScore(bounds, [10, 20, 30, 40, 5], 300)).toBeCloseTo((30 + 46 / 2) / 105);
    expect(apdexScore(bounds, [0, 0, 0, 0, 0], 300)).toBeNull();
    expect(apdexScore(bounds, [5, 5, 0, 0, 0], 300)).toBe(1);
  });
});
