import { describe, expect, it } from 'vitest';
import { seededRandom } from '../test-support/seeded-random';
import { classifyInteraction, estimateInp } from './interaction';

describe('classifyInteraction', () => {
  it('asks as slow at or over the threshold without spending a random draw', () => {
    const never = () => {
      throw new Error('random must not be drawn for a slow interaction');
    };
    expect(classifyInteraction(1000, 1000, 0.5, never)).toBe('slow');
    expect(classifyInteraction(4000, 1000, 0, never)).toBe('slow');
  });

  it('samples ordinary interactions as a control group at the control rate', () => {
    const random = seededRandom(7);
    const seen = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const t = String(classifyInteraction(120, 1000, 0.05, random));
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
    // 5% of 20k ordinary interactions; exact for this seed.
    expect(Object.fromEntries(seen)).toEqual({ control: 1006, undefined: 18_994 });
    expect(classifyInteraction(120, 1000, 0, random)).toBeUndefined();
    expect(classifyInteraction(120, 1000, 1, random)).toBe('control');
  });

  it('ignores impossible durations', () => {
    expect(classifyInteraction(Number.NaN, 1000, 1, () => 0)).toBeUndefined();
    expect(classifyInteraction(-5, 1000, 1, () => 0)).toBeUndefined();
  });
});

describe('estimateInp', () => {
  it('is the longest interaction below 50 interactions', () => {
    expect(estimateInp([])).toBeUndefined();
    expect(estimateInp([40, 320, 88])).toBe(320);
  });

  it('skips one outlier per 50 interactions (p98)', () => {
    const durations = Array.from({ length: 120 }, (_, i) => i + 1); // 1..120
    expect(estimateInp(durations)).toBe(118);
    expect(
      estimateInp(
        new Map([
          [1, 10],
          [2, 500],
        ]).values(),
      ),
    ).toBe(500);
  });
});
