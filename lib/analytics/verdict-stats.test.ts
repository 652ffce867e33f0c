import { describe, expect, it } from 'vitest';
import { addValue, createSketch, type Sketch } from '@/lib/sketch';
import { lognormal, seededRandom } from '@/lib/sketch/test-samples';
import { compareErrorRate, comparePercentile, compareThroughput } from './verdict-stats';

function sample(n: number, median: number, seed: number): Sketch {
  const s = createSketch();
  const random = seededRandom(seed);
  const dist = lognormal(median, 0.5);
  for (let i = 0; i < n; i++) addValue(s, dist(random));
  return s;
}

describe('comparePercentile', () => {
  it('calls a 30% slower release worse and the same distribution unchanged', () => {
    const base = sample(5000, 100, 1);
    expect(comparePercentile(base, sample(5000, 130, 2), 0.95, 'p95').verdict).toBe('worse');
    expect(comparePercentile(base, sample(5000, 70, 3), 0.5, 'p50').verdict).toBe('better');
    expect(comparePercentile(base, sample(5000, 100, 4), 0.95, 'p95').verdict).toBe('no significant change');
  });

  it('keeps false alarms rare on identical distributions', () => {
    let alarms = 0;
    for (let i = 0; i < 100; i++) {
      const v = comparePercentile(sample(2000, 100, 10 + i), sample(2000, 100, 500 + i), 0.95, 'p95');
      if (v.verdict !== 'no significant change') alarms++;
    }
    expect(alarms).toBeLessThanOrEqual(5);
  });

  it('refuses to judge a p99 from a few hundred requests', () => {
    const v = comparePercentile(sample(5000, 100, 1), sample(300, 300, 2), 0.99, 'p99');
    expect(v.verdict).toBe('insufficient data');
    expect(v.ci).toBeNull();
    expect(v.candidate).toBeGreaterThan(0);
  });
});

describe('compareErrorRate', () => {
  it('detects 1% -> 3% errors and ignores 0 vs 0', () => {
    expect(compareErrorRate({ n: 10_000, errors: 100 }, { n: 10_000, errors: 300 }).verdict).toBe('worse');
    const zero = compareErrorRate({ n: 1000, errors: 0 }, { n: 1000, errors: 0 });
    expect(zero.verdict).toBe('no significant change');
    expect(zero.delta).toBe(0);
    expect(compareErrorRate({ n: 50, errors: 0 }, { n: 1000, errors: 500 }).verdict).toBe('insufficient data');
  });
});

describe('compareThroughput', () => {
  it('higher is better, within Poisson noise is unchanged', () => {
    expect(compareThroughput({ n: 36_000, seconds: 3600 }, { n: 72_000, seconds: 3600 }).verdict).toBe('better');
    expect(compareThroughput({ n: 36_000, seconds: 3600 }, { n: 36_100, seconds: 3600 }).verdict).toBe(
      'no significant change',
    );
  });
});
