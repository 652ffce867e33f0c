import { describe, expect, it } from 'vitest';
import { differenceInterval, wilsonInterval } from './wilson';

// Reference values: Newcombe (1998), Statistics in Medicine 17, tables of his methods 3 (Wilson score)
// and 10 (hybrid score difference), to the 4 decimals printed there.
describe('wilsonInterval', () => {
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i -> [%f, %f]', (x, n, low, high) => {
    const ci = wilsonInterval(x / n, n);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });

  it('is [0, 1] without data', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('differenceInterval (Newcombe method 10)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
  ])('%i/%i - %i/%i -> [%f, %f]', (x1, n1, x2, n2, low, high) => {
    const ci = differenceInterval(x1 / n1, n1, x2 / n2, n2);
    expect(ci.low).toBeCloseTo(low, 4);
    expect(ci.high).toBeCloseTo(high, 4);
  });
});
