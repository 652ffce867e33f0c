import { describe, expect, it } from 'vitest';
import { averageRanks, spearman } from './spearman';

describe('spearman', () => {
  it('matches the textbook IQ vs hours-of-TV example: rho = -29/165', () => {
    const iq = [106, 86, 100, 101, 99, 103, 97, 113, 112, 110];
    const tv = [7, 0, 27, 50, 28, 29, 20, 12, 6, 17];
    const { rho, n } = spearman(iq, tv);
    expect(n).toBe(10);
    expect(rho).toBeCloseTo(-29 / 165, 12);
  });

  it('handles ties with average ranks (value from scipy.stats.spearmanr)', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(spearman([1, 2, 2, 3, 4, 5], [2, 1, 3, 3, 5, 4]).rho).toBeCloseTo(0.8088235294117647, 12);
  });

  it('is +1/-1 for monotone data and undefined when one side is constant or too short', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 1000]).rho).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1]).rho).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, 3], [5, 5, 5]).rho).toBeNull();
    expect(spearman([1, 2], [1, 2])).toEqual({ rho: null, n: 2 });
  });
});
