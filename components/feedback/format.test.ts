import { describe, expect, it } from 'vitest';
import { formatMs, formatPercent, formatRho, formatScore } from './format';

describe('feedback formatting', () => {
  it('formats latency, score, share and rho', () => {
    expect([formatMs(849.6), formatMs(1234), formatMs(12_345), formatMs(null)]).toEqual([
      '850 ms',
      '1.2 s',
      '12 s',
      '–',
    ]);
    expect([formatScore(72.5), formatScore(null)]).toEqual(['73', '–']);
    expect(formatPercent(0.456)).toBe('46%');
    expect([formatRho(-0.4321, 50), formatRho(null, 2)]).toEqual(['−0.43 (n = 50)', 'n = 2']);
  });
});
