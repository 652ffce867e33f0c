// Quantiles by the nearest-rank definition: the q-quantile of n values is the ceil(q·n)-th smallest
// (1-based, at least the 1st), always one of the values, never an interpolation between two.
import { bucketValue } from './mapping';
import type { Sketch } from './sketch';
import { SketchError } from './sketch-error';

/**
 * 1-based nearest rank of quantile q among n values. q·n within 1e-9 (relative) of an integer counts as
 * that integer: 0.07 * 100 is 7.000000000000001 in doubles and must still be rank 7, not 8.
 */
export function nearestRank(q: number, n: number): number {
  checkQuantile(q);
  const exact = q * n;
  const rounded = Math.round(exact);
  const rank = Math.abs(exact - rounded) <= 1e-9 * Math.max(1, exact) ? rounded : Math.ceil(exact);
  return Math.min(n, Math.max(1, rank));
}

/** Nearest-rank q-quantile in ms (within RELATIVE_ERROR_BOUND of the true one), null when empty. */
export function quantile(sketch: Sketch, q: number): number | null {
  return quantiles(sketch, [q])[0];
}

/** Several quantiles in one walk over the buckets; same order as qs. */
export function quantiles(sketch: Sketch, qs: readonly number[]): (number | null)[] {
  const n = sketch.count;
  if (n === 0) {
    for (const q of qs) checkQuantile(q);
    return qs.map(() => null);
  }
  const ranks = qs.map((q) => nearestRank(q, n));
  const order = ranks.map((_, i) => i).sort((a, b) => ranks[a] - ranks[b]);
  const result: (number | null)[] = new Array(qs.length).fill(null);
  let next = 0;
  while (next < order.length && ranks[order[next]] <= sketch.zeroCount) result[order[next++]] = 0;
  let seen = sketch.zeroCount;
  const { bins, offset } = sketch;
  for (let key = sketch.minKey; key <= sketch.maxKey && next < order.length; key++) {
    seen += bins[key - offset];
    if (seen < ranks[order[next]]) continue;
    const value = bucketValue(key);
    while (next < order.length && ranks[order[next]] <= seen) result[order[next++]] = value;
  }
  return result;
}

function checkQuantile(q: number): void {
  if (!(q >= 0 && q <= 1)) throw new SketchError('invalid_quantile', `A quantile must be in [0, 1], got ${q}.`);
}
