import { describe, expect, it } from 'vitest';
import { quantiles } from './quantile';
import { addValue, addValues, count, createSketch, mergeInto, type Sketch } from './sketch';
import { SketchError } from './sketch-error';
import { fromSparse, mergeSparse, toSparse } from './sparse';
import { bimodal, lognormal, pareto, sample, seededRandom } from './test-samples';

function sketchOf(values: ArrayLike<number>): Sketch {
  const sketch = createSketch();
  addValues(sketch, values);
  return sketch;
}

/** Splits values into `parts` random, possibly empty, groups. */
function randomPartition(values: Float64Array, parts: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const groups: number[][] = Array.from({ length: parts }, () => []);
  for (const value of values) groups[Math.floor(random() * parts)].push(value);
  return groups;
}

// Mixed scales and some sub-microsecond values, so parts grow their bins in both directions.
const values = Float64Array.from([
  ...sample(lognormal(60, 1.2), 30_000, 11),
  ...sample(bimodal, 20_000, 12),
  ...sample(pareto(0.002, 0.8), 5_000, 13),
  0,
  0,
  0.0005,
]);
const whole = sketchOf(values);
const QS = [0, 0.5, 0.9, 0.95, 0.99, 0.999, 1];

describe('merging', () => {
  it.each([2, 7, 100, 2000])('gives the buckets of one sketch when merging %i random parts', (parts) => {
    const merged = createSketch();
    for (const group of randomPartition(values, parts, parts)) mergeInto(merged, sketchOf(group));
    expect(toSparse(merged)).toEqual(toSparse(whole));
    expect(count(merged)).toBe(values.length);
    expect(quantiles(merged, QS)).toEqual(quantiles(whole, QS));
  });

  it.each([2, 7, 100, 2000])('gives the same buckets through the many-row fast path (%i parts)', (parts) => {
    const rows = randomPartition(values, parts, 100 + parts).map((group) => toSparse(sketchOf(group)));
    const merged = mergeSparse(rows);
    expect(toSparse(merged)).toEqual(toSparse(whole));
    expect(count(merged)).toBe(values.length);
    expect(quantiles(merged, QS)).toEqual(quantiles(whole, QS));
  });

  it('accepts Int32Array keys and rows without log buckets in the fast path', () => {
    const rows = [
      { keys: Int32Array.from([10, 12]), counts: [3, 1], zeroCount: 0 },
      { keys: [], counts: [], zeroCount: 4 },
      { keys: [-5, 12, 400], counts: [1, 2, 5], zeroCount: 1 },
    ];
    expect(toSparse(mergeSparse(rows))).toEqual({ keys: [-5, 10, 12, 400], counts: [1, 3, 3, 5], zeroCount: 5 });
    expect(count(mergeSparse(rows))).toBe(17);
    expect(count(mergeSparse([]))).toBe(0);
  });

  it('leaves the source unchanged and merges empty sketches as no-ops', () => {
    const source = sketchOf([1, 2, 3]);
    const before = toSparse(source);
    const target = createSketch();
    mergeInto(target, createSketch());
    mergeInto(target, source);
    mergeInto(target, createSketch());
    expect(toSparse(source)).toEqual(before);
    expect(toSparse(target)).toEqual(before);
  });

  it('keeps counts exact when one sketch grows far down and up', () => {
    const sketch = createSketch();
    addValue(sketch, 100);
    addValue(sketch, 0.0011);
    addValue(sketch, 1e300);
    addValue(sketch, 100);
    expect(toSparse(sketch).counts).toEqual([1, 2, 1]);
  });
});

describe('stored form', () => {
  it('round-trips through toSparse/fromSparse', () => {
    const sparse = toSparse(whole);
    expect(toSparse(fromSparse(sparse))).toEqual(sparse);
    expect(count(fromSparse(sparse))).toBe(values.length);
    expect(sparse.keys.every((key, i) => i === 0 || key > sparse.keys[i - 1])).toBe(true);
  });

  it('stores only non-empty buckets as plain arrays', () => {
    const sparse = toSparse(sketchOf([5, 5, 5000, 0]));
    expect(sparse).toEqual({ keys: [82, 431], counts: [2, 1], zeroCount: 1 });
    expect(Array.isArray(sparse.keys)).toBe(true);
  });

  it.each([
    ['unequal lengths', { keys: [1, 2], counts: [1], zeroCount: 0 }],
    ['unsorted keys', { keys: [5, 3], counts: [1, 1], zeroCount: 0 }],
    ['fractional key', { keys: [1.5], counts: [1], zeroCount: 0 }],
    ['negative count', { keys: [1], counts: [-1], zeroCount: 0 }],
    ['NaN count', { keys: [1], counts: [Number.NaN], zeroCount: 0 }],
    ['fractional zero count', { keys: [], counts: [], zeroCount: 0.5 }],
  ])('rejects %s with invalid_sparse', (_name, sparse) => {
    expect(() => fromSparse(sparse)).toThrow(SketchError);
    expect(() => fromSparse(sparse)).toThrow(expect.objectContaining({ code: 'invalid_sparse' }));
    expect(() => mergeSparse([sparse])).toThrow(expect.objectContaining({ code: 'invalid_sparse' }));
  });

  it('rejects counts that arrive as strings (bigint[] without a type parser)', () => {
    const fromDriver = { keys: [1, 2], counts: ['3', '4'] as unknown as number[], zeroCount: 0 };
    expect(() => mergeSparse([fromDriver])).toThrow(expect.objectContaining({ code: 'invalid_sparse' }));
    expect(() => fromSparse(fromDriver)).toThrow(expect.objectContaining({ code: 'invalid_sparse' }));
  });
});
