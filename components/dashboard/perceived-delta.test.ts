import { describe, expect, it } from 'vitest';
import { perceivedDelta } from './perceived-delta';

const fig = (score: number, halfWidth: number, count = 100) => ({
  score,
  scoreCi: { low: score - halfWidth, high: score + halfWidth },
  count,
});

describe('perceivedDelta', () => {
  it('flags a drop only when it is larger than the noise of both scores', () => {
    const worse = perceivedDelta(fig(86, 3), fig(70, 4));
    expect(worse.delta).toBe(-16);
    expect(worse.ci?.[0]).toBeCloseTo(-21, 6);
    expect(worse.ci?.[1]).toBeCloseTo(-11, 6);
    expect(worse.verdict).toBe('worse');
    expect(perceivedDelta(fig(86, 6), fig(82, 6)).verdict).toBe('no significant change');
    expect(perceivedDelta(fig(60, 3), fig(75, 4)).verdict).toBe('better');
  });

  it('does not judge releases with too few answers or none', () => {
    expect(perceivedDelta(fig(86, 3, 9), fig(40, 3)).verdict).toBe('insufficient data');
    expect(perceivedDelta(undefined, fig(40, 3)).verdict).toBe('insufficient data');
  });
});
