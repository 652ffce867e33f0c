// When a percentile is worth reading. The sketch bounds the *value* error to 1% relative, but with few
// samples the rank itself is noise: a p99 of 12 requests is just the maximum. We require, in expectation,
// at least MIN_TAIL = 10 samples above the percentile: n >= 10 / (1 - q), i.e. p50 >= 20,
// p95 >= 200, p99 >= 1000 samples (the verdict API gates quantiles on the same tail). Below that the UI says "too few samples" instead of "±1%".

export const MIN_TAIL = 10;
export type PercentileName = 'p50' | 'p95' | 'p99';
const Q: Record<PercentileName, number> = { p50: 0.5, p95: 0.95, p99: 0.99 };

export function minSamples(p: PercentileName): number {
  return Math.ceil(MIN_TAIL / (1 - Q[p]) - 1e-9);
}

export interface PercentileConfidence {
  enough: boolean;
  /** "±1%" or "too few samples (n < 1000)". */
  label: string;
}

export function percentileConfidence(p: PercentileName, count: number): PercentileConfidence {
  const need = minSamples(p);
  return count >= need ? { enough: true, label: '±1%' } : { enough: false, label: `too few samples (n < ${need})` };
}
