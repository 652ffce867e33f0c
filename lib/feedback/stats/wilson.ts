import { type Interval, Z95 } from './interval';

/**
 * Wilson score interval for a proportion `p` observed over `n` trials. Also used for the mean of
 * values in [0, 1] (the perceived-performance score): such a variable with mean p has variance at
 * most p(1 - p), so the interval is conservative there, and unlike a normal interval it stays inside
 * [0, 1] and behaves at small n and at 0 or 1. n = 0 gives the uninformative [0, 1].
 */
export function wilsonInterval(p: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt(Math.max(0, (p * (1 - p)) / n + z2 / (4 * n * n)));
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

/**
 * Newcombe's hybrid score interval (his method 10) for the difference p1 - p2 of two independent
 * proportions, built from each side's Wilson interval.
 */
export function differenceInterval(p1: number, n1: number, p2: number, n2: number, z = Z95): Interval {
  const a = wilsonInterval(p1, n1, z);
  const b = wilsonInterval(p2, n2, z);
  const diff = p1 - p2;
  return {
    low: diff - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: diff + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}
