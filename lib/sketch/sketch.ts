// Why a log-bucket sketch (DDSketch-style) for latency percentiles:
// - Percentiles do not average: p99 of a day is not the mean of minute p99s. A sketch keeps enough of the
//   distribution to answer any quantile later, over any range of rollup rows.
// - Bucket i holds (1.02^(i-1), 1.02^i] ms. Reporting 2·1.02^i/2.02 is within ~0.99% of every value in it,
//   so every quantile carries a relative (not absolute) error bound, equally good at 2 ms and at 20 s.
// - Merging is adding counts per key: exact, associative and order-free, so minute -> hour -> day rollups
//   and query-time merges of thousands of rows lose nothing beyond the 1% bound of a single sketch.
// - A service spans a few hundred keys (1 ms..1 min is ~550), so the sparse stored form is tens of keys per
//   series-minute, and a dense Float64Array over the live key range makes adds and merges array walks.
// - The key formula is shared with the SQL rollup (see mapping.ts); keep both in lockstep.
import { bucketKey, MIN_POSITIVE_MS } from './mapping';
import { SketchError } from './sketch-error';

/** A mutable sketch. Keys live in [offset, offset + bins.length); only [minKey, maxKey] is occupied. */
export interface Sketch {
  bins: Float64Array;
  offset: number;
  minKey: number; // Infinity while no value went to a log bucket
  maxKey: number; // -Infinity while no value went to a log bucket
  zeroCount: number; // values <= MIN_POSITIVE_MS, reported as 0
  count: number; // all values, zero bucket included
}

const INITIAL_BINS = 128;

export function createSketch(): Sketch {
  return { bins: new Float64Array(0), offset: 0, minKey: Infinity, maxKey: -Infinity, zeroCount: 0, count: 0 };
}

/** Number of values in the sketch. */
export function count(sketch: Sketch): number {
  return sketch.count;
}

/** Adds one latency in ms; throws SketchError `invalid_value` for NaN, ±Infinity or a negative value. */
export function addValue(sketch: Sketch, value: number): void {
  if (!(value >= 0 && value < Infinity)) {
    throw new SketchError('invalid_value', `A latency must be a finite number >= 0 ms, got ${value}.`);
  }
  sketch.count++;
  if (value <= MIN_POSITIVE_MS) {
    sketch.zeroCount++;
    return;
  }
  addToKey(sketch, bucketKey(value), 1);
}

export function addValues(sketch: Sketch, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) addValue(sketch, values[i]);
}

/** Adds source's counts to target (source unchanged). */
export function mergeInto(target: Sketch, source: Sketch): void {
  target.count += source.count;
  target.zeroCount += source.zeroCount;
  if (source.minKey > source.maxKey) return;
  ensureKeyRange(target, source.minKey, source.maxKey);
  const from = source.bins;
  const to = target.bins;
  const shift = source.offset - target.offset;
  for (let i = source.minKey - source.offset, end = source.maxKey - source.offset; i <= end; i++) {
    to[i + shift] += from[i];
  }
}

export function addToKey(sketch: Sketch, key: number, n: number): void {
  const index = key - sketch.offset;
  if (index < 0 || index >= sketch.bins.length) ensureKeyRange(sketch, key, key);
  sketch.bins[key - sketch.offset] += n;
  if (key < sketch.minKey) sketch.minKey = key;
  if (key > sketch.maxKey) sketch.maxKey = key;
}

/** Grows bins to cover [lo, hi] and widens the occupied range markers. */
export function ensureKeyRange(sketch: Sketch, lo: number, hi: number): void {
  const { bins, offset } = sketch;
  if (lo >= offset && hi < offset + bins.length) {
    if (lo < sketch.minKey) sketch.minKey = lo;
    if (hi > sketch.maxKey) sketch.maxKey = hi;
    return;
  }
  const occupied = sketch.minKey <= sketch.maxKey;
  const newLo = occupied ? Math.min(lo, sketch.minKey) : lo;
  const newHi = occupied ? Math.max(hi, sketch.maxKey) : hi;
  const span = newHi - newLo + 1;
  // Doubling keeps repeated growth amortised O(1); the slack goes where the growth came from.
  const length = Math.max(span + 16, bins.length * 2, INITIAL_BINS);
  const newOffset = occupied && lo < sketch.minKey ? newHi - length + 1 : newLo;
  const grown = new Float64Array(length);
  if (occupied) {
    grown.set(bins.subarray(sketch.minKey - offset, sketch.maxKey - offset + 1), sketch.minKey - newOffset);
  }
  sketch.bins = grown;
  sketch.offset = newOffset;
  sketch.minKey = newLo;
  sketch.maxKey = newHi;
}
