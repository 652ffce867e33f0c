// Apdex from the latency distribution: (satisfied + tolerating / 2) / total, satisfied = latency <= T,
// tolerating = T < latency <= 4T. The distribution is the heatmap's buckets (from the sketches); a
// threshold inside a bucket takes a linear share of it, so the score is approximate within one bucket.

export const DEFAULT_APDEX_MS = 300;

/** Requests at or below `x` ms, from bucket upper bounds (last may be null = unbounded) and counts. */
export function countAtOrBelow(bounds: (number | null)[], counts: number[], x: number): number {
  let total = 0;
  let lower = 0;
  for (let i = 0; i < bounds.length; i++) {
    const upper = bounds[i];
    const n = counts[i] ?? 0;
    if (upper !== null && upper <= x) total += n;
    else {
      if (upper !== null && x > lower) total += (n * (x - lower)) / (upper - lower);
      break;
    }
    lower = upper;
  }
  return total;
}

export function apdexScore(bounds: (number | null)[], counts: number[], thresholdMs: number): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const satisfied = countAtOrBelow(bounds, counts, thresholdMs);
  const tolerating = countAtOrBelow(bounds, counts, 4 * thresholdMs) - satisfied;
  return (satisfied + tolerating / 2) / total;
}

/** Sums a heatmap's columns into one distribution. */
export function totalCounts(columns: { counts: number[] }[], rows: number): number[] {
  const out = new Array<number>(rows).fill(0);
  for (const c of columns) {
    c.counts.forEach((n, i) => {
      out[i] += n;
    });
  }
  return out;
}
