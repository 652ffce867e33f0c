// The stored form of a sketch (rollup columns sketch_keys int[], sketch_counts bigint[], zero_count) and
// the fast path that merges many stored rows at query time.
import { addToKey, createSketch, type Sketch } from './sketch';
import { SketchError } from './sketch-error';

/** Keys strictly ascending, counts[i] > 0 values in bucket keys[i]; zeroCount values <= MIN_POSITIVE_MS. */
export interface SparseSketch {
  keys: Int32Array | readonly number[];
  counts: Float64Array | readonly number[];
  zeroCount: number;
}

/**
 * Plain arrays on purpose: node-postgres sends a JS array as a PostgreSQL array but a typed array as bytea.
 * (It also returns bigint[] columns as strings unless a type parser is set: convert before fromSparse.)
 */
export interface SparseSketchArrays {
  keys: number[];
  counts: number[];
  zeroCount: number;
}

export function toSparse(sketch: Sketch): SparseSketchArrays {
  const keys: number[] = [];
  const counts: number[] = [];
  const { bins, offset } = sketch;
  for (let key = sketch.minKey; key <= sketch.maxKey; key++) {
    const n = bins[key - offset];
    if (n !== 0) {
      keys.push(key);
      counts.push(n);
    }
  }
  return { keys, counts, zeroCount: sketch.zeroCount };
}

/** Builds a sketch from one stored row; throws SketchError `invalid_sparse` on malformed arrays. */
export function fromSparse(sparse: SparseSketch): Sketch {
  const { keys, counts } = sparse;
  if (keys.length !== counts.length) {
    throw invalid(`${keys.length} keys but ${counts.length} counts`);
  }
  const sketch = createSketch();
  let total = checkCount(sparse.zeroCount);
  sketch.zeroCount = total;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!Number.isSafeInteger(key) || (i > 0 && key <= keys[i - 1])) throw invalid('keys must be ascending integers');
    total += checkCount(counts[i]);
    addToKey(sketch, key, counts[i]);
  }
  sketch.count = total;
  return sketch;
}

/**
 * Merges many stored rows into one sketch: one pass finds the key range, one Float64Array covers it, one
 * pass adds. Checks stay O(1) per key (a key outside its row's [first, last] throws `invalid_sparse`).
 */
export function mergeSparse(rows: readonly SparseSketch[]): Sketch {
  let lo = Infinity;
  let hi = -Infinity;
  let zeroCount = 0;
  for (const row of rows) {
    const { keys } = row;
    if (keys.length !== row.counts.length) throw invalid(`${keys.length} keys but ${row.counts.length} counts`);
    zeroCount += row.zeroCount;
    if (keys.length === 0) continue;
    const first = keys[0];
    const last = keys[keys.length - 1];
    if (!(first <= last)) throw invalid('keys must be ascending integers');
    if (first < lo) lo = first;
    if (last > hi) hi = last;
  }
  const sketch = createSketch();
  let total = checkCount(zeroCount);
  sketch.zeroCount = total;
  if (lo <= hi) {
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) throw invalid('keys must be integers');
    const bins = new Float64Array(hi - lo + 1);
    const length = bins.length;
    for (const row of rows) {
      const { keys, counts } = row;
      for (let i = 0; i < keys.length; i++) {
        const index = keys[i] - lo;
        // `>>> 0` turns negative, fractional and NaN indexes into mismatches: a typed array would drop them.
        if (index >>> 0 !== index || index >= length) throw invalid('keys must be ascending integers');
        const n = counts[i];
        if (!(n >= 0)) throw invalid(`a count must be a non-negative integer, got ${n}`);
        bins[index] += n;
        total += n;
      }
    }
    sketch.bins = bins;
    sketch.offset = lo;
    sketch.minKey = lo;
    sketch.maxKey = hi;
  }
  // Checking the sum once catches what the per-count test lets through: strings (they concatenate) and
  // totals past 2^53. A fractional count pair summing to an integer would pass; stored counts come from us.
  sketch.count = checkCount(total);
  return sketch;
}

function checkCount(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(`a count must be a non-negative integer, got ${n}`);
  return n;
}

function invalid(detail: string): SketchError {
  return new SketchError('invalid_sparse', `Malformed stored sketch: ${detail}.`);
}
