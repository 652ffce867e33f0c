import { describe, expect, it } from 'vitest';
import {
  bucketKey,
  bucketValue,
  GAMMA,
  LN_GAMMA,
  MAX_KEY,
  MIN_KEY,
  MIN_POSITIVE_MS,
  RELATIVE_ERROR_BOUND,
} from './mapping';

/** ln(51/50) = 2·atanh(1/101), summed in 2^-200 fixed point, then rounded to a 53-bit mantissa (ulp 2^-58). */
function correctlyRoundedLnGamma(): number {
  const scale = 1n << 200n;
  let sum = 0n;
  for (let k = 0n; ; k++) {
    const term = scale / (101n ** (2n * k + 1n) * (2n * k + 1n));
    if (term === 0n) break;
    sum += term;
  }
  const shift = 200n - 58n;
  const mantissa = (2n * sum + (1n << (shift - 1n))) >> shift;
  return Number(mantissa) / 2 ** 58;
}

describe('bucket mapping', () => {
  it('bounds the relative error below 1%', () => {
    expect(RELATIVE_ERROR_BOUND).toBeCloseTo(0.02 / 2.02, 15);
    expect(RELATIVE_ERROR_BOUND).toBeLessThan(0.01);
  });

  it('uses ln(1.02) rounded once to double, as PostgreSQL evaluates ln(1.02)', () => {
    expect(LN_GAMMA).toBe(correctlyRoundedLnGamma());
    expect(LN_GAMMA).not.toBe(Math.log(GAMMA)); // the double nearest 1.02 is not 1.02
  });

  // Keys computed by PostgreSQL 15 as ceil(ln(x)/ln(1.02))::int for float8 x. The bucket-edge values are
  // ones where dividing by Math.log(1.02) instead would disagree with the SQL.
  it.each([
    [1, 0],
    [2.5, 47],
    [20, 152],
    [1000, 349],
    [1e7, 814],
    [0.0010000000000000002, -348],
    [Number.MAX_VALUE, 35843],
    [0.500027613359297, -35],
    [1.2189944199947573, 11],
    [50.44684484689426, 199],
    [82.76339605764689, 224],
    [501.71135837085467, 315],
    [675.2374322089246, 330],
  ])('maps %d ms to the key PostgreSQL computes (%d)', (value, key) => {
    expect(bucketKey(value)).toBe(key);
  });

  it('spans keys -348..35843 for finite values above MIN_POSITIVE_MS', () => {
    expect(MIN_KEY).toBe(-348);
    expect(MAX_KEY).toBe(35843);
  });

  it('reports every value within the bound, with keys that never decrease as values grow', () => {
    let previousKey = -Infinity;
    let decreases = 0;
    let worst = 0;
    for (let value = MIN_POSITIVE_MS * 1.000001; value < 1e9; value *= 1.000317) {
      const key = bucketKey(value);
      if (key < previousKey) decreases++;
      previousKey = key;
      worst = Math.max(worst, Math.abs(bucketValue(key) - value) / value);
    }
    expect(decreases).toBe(0);
    expect(worst).toBeLessThanOrEqual(RELATIVE_ERROR_BOUND * (1 + 1e-9));
    expect(worst).toBeGreaterThan(RELATIVE_ERROR_BOUND * 0.99); // the sweep did reach bucket edges
  });

  it('keeps each representative inside its own bucket', () => {
    const misplaced: number[] = [];
    for (let key = MIN_KEY; key <= 5000; key++) if (bucketKey(bucketValue(key)) !== key) misplaced.push(key);
    expect(misplaced).toEqual([]);
    expect(Object.is(bucketKey(0.995), 0)).toBe(true); // not -0
  });
});
