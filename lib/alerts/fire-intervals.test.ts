import { describe, expect, it } from 'vitest';
import { fireIntervals } from './fire-intervals';

const MIN = 60_000;
const times = Array.from({ length: 10 }, (_, i) => i * MIN);

describe('fire intervals of a preview', () => {
  it('fires after the `for` duration and resolves when the value drops', () => {
    const values = [1, 9, 9, 9, 9, 1, 1, 9, 9, null];
    const fires = fireIntervals(times, values, { comparator: '>', threshold: 5, forSeconds: 120 });
    // Breach from minute 1; firing once it has held 2 minutes (minute 3); resolved at minute 5. The second
    // breach (minutes 7-8) never lasts long enough.
    expect(fires).toEqual([{ fromMs: 3 * MIN, toMs: 5 * MIN }]);
  });

  it('leaves the last interval open while still firing', () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 1, 0.5, 0.2];
    const fires = fireIntervals(times, values, { comparator: '<=', threshold: 0.5, forSeconds: 0 });
    expect(fires).toEqual([{ fromMs: 8 * MIN, toMs: null }]);
  });

  it('never fires on no data', () => {
    const fires = fireIntervals(
      times,
      times.map(() => null),
      { comparator: '<', threshold: 1, forSeconds: 0 },
    );
    expect(fires).toEqual([]);
  });
});
