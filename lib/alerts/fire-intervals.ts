import { breaches, type ComparatorSymbol } from './comparator';
import { advance, INITIAL_STATE, type SeriesState } from './state-machine';

export interface FireInterval {
  fromMs: number;
  /** null: still firing at the last time. */
  toMs: number | null;
}

export interface FiringCondition {
  comparator: ComparatorSymbol;
  threshold: number;
  forSeconds: number;
}

/** Where a rule would have fired over a series of values: the live state machine replayed. */
export function fireIntervals(
  times: readonly number[],
  values: readonly (number | null)[],
  condition: FiringCondition,
): FireInterval[] {
  const intervals: FireInterval[] = [];
  let state: SeriesState = INITIAL_STATE;
  const timing = { forMs: condition.forSeconds * 1000, repeatIntervalMs: 0 };
  times.forEach((atMs, i) => {
    const value = values[i];
    const breaching = breaches(value, condition.comparator, condition.threshold);
    const step = advance(state, { at: new Date(atMs), value, breaching }, timing);
    if (step.notification === 'firing') intervals.push({ fromMs: atMs, toMs: null });
    if (step.notification === 'resolved') intervals[intervals.length - 1].toMs = atMs;
    state = step.state;
  });
  return intervals;
}
