import { describe, expect, it } from 'vitest';
import { bucketValue, MIN_POSITIVE_MS, RELATIVE_ERROR_BOUND } from './mapping';
import { nearestRank, quantile, quantiles } from './quantile';
import { addValue, addValues, count, createSketch, type Sketch } from './sketch';

function sketchOf(values: number[]): Sketch {
  const sketch = createSketch();
  addValues(sketch, values);
  return sketch;
}

const within = (estimate: number | null, exact: number) =>
  estimate !== null && Math.abs(estimate - exact) / exact <= RELATIVE_ERROR_BOUND * (1 + 1e-9);

describe('nearestRank', () => {
  it.each([
    [0, 10, 1],
    [0.1, 10, 1],
    [0.11, 10, 2],
    [0.5, 3, 2],
    [0.5, 4, 2],
    [0.07, 100, 7], // 0.07 * 100 === 7.000000000000001
    [0.999, 1000, 999],
    [0.999, 100_000, 99_900],
    [1, 7, 7],
    [0.99, 1, 1],
  ])('q=%d of n=%d is rank %d', (q, n, rank) => {
    expect(nearestRank(q, n)).toBe(rank);
  });

  it.each([-0.01, 1.01, Number.NaN])('rejects q=%d with invalid_quantile', (q) => {
    expect(() => nearestRank(q, 10)).toThrow(expect.objectContaining({ code: 'invalid_quantile' }));
  });
});

describe('quantile', () => {
  it('is null for an empty sketch but still rejects a bad q', () => {
    const empty = createSketch();
    expect(quantile(empty, 0.5)).toBeNull();
    expect(quantiles(empty, [0, 0.99, 1])).toEqual([null, null, null]);
    expect(count(empty)).toBe(0);
    expect(() => quantile(empty, 2)).toThrow(expect.objectContaining({ code: 'invalid_quantile' }));
  });

  it('reports 0 when the rank falls among zeros and sub-microsecond values', () => {
    const sketch = sketchOf([0, 0, 0.0004, MIN_POSITIVE_MS, -0, 12, 30]);
    expect(quantiles(sketch, [0, 0.5, 5 / 7, 6 / 7, 1])).toEqual([0, 0, 0, bucketValue(126), bucketValue(172)]);
    expect(within(quantile(sketch, 6 / 7), 12)).toBe(true);
    expect(within(quantile(sketch, 1), 30)).toBe(true);
  });

  it('gives one value for every q when all values are identical', () => {
    const sketch = sketchOf(Array(1000).fill(250));
    const estimates = quantiles(sketch, [0, 0.5, 0.999, 1]);
    expect(new Set(estimates).size).toBe(1);
    expect(within(estimates[0], 250)).toBe(true);
  });

  it('handles huge latencies', () => {
    const sketch = sketchOf([1e7, 1e7, 3.6e9, 5]);
    expect(within(quantile(sketch, 0.5), 1e7)).toBe(true);
    expect(within(quantile(sketch, 1), 3.6e9)).toBe(true);
    expect(within(quantile(sketch, 0), 5)).toBe(true);
  });

  it('follows nearest rank: q=0 is the minimum, q=1 the maximum, p50 of two values the lower', () => {
    const two = sketchOf([10, 1000]);
    expect(within(quantile(two, 0), 10)).toBe(true);
    expect(within(quantile(two, 0.5), 10)).toBe(true);
    expect(within(quantile(two, 0.51), 1000)).toBe(true);
    expect(within(quantile(two, 1), 1000)).toBe(true);
  });

  it('answers quantiles in the order asked, duplicates included', () => {
    const sketch = sketchOf(Array.from({ length: 100 }, (_, i) => i + 1));
    const [p99, p10, p50, p10again] = quantiles(sketch, [0.99, 0.1, 0.5, 0.1]);
    expect(within(p99, 99)).toBe(true);
    expect(within(p10, 10)).toBe(true);
    expect(within(p50, 50)).toBe(true);
    expect(p10again).toBe(p10);
  });
});

describe('addValue', () => {
  it.each([Number.NaN, -1, -1e-9, Infinity, -Infinity])('rejects %d with invalid_value', (value) => {
    const sketch = createSketch();
    expect(() => addValue(sketch, value)).toThrow(expect.objectContaining({ code: 'invalid_value' }));
    expect(count(sketch)).toBe(0);
  });
});
