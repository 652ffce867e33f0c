/** One answer as the statistics see it. */
export interface RatedPoint {
  release: string;
  route: string;
  rating: number; // 1..scale, 1 = slowest
  scale: number;
  /** The linked trace's duration, else the client's interaction/INP timing; null when neither is known. */
  latencyMs: number | null;
}

/** The rating on [0, 1]: (rating - 1) / (scale - 1). */
export function score01(rating: number, scale: number): number {
  return (rating - 1) / (scale - 1);
}

/** The bottom of "satisfied": 4 of 5 is (4 - 1) / (5 - 1) = 0.75; other scales use the same share. */
export const SATISFIED_SCORE = 0.75;

/**
 * ">= 4 of 5", scaled: 8+ of 10, 3 of 3, 2 of 2. The tolerance absorbs float error so 4 of 5
 * (exactly 0.75 in decimal) never misses by one ulp.
 */
export function isSatisfied(rating: number, scale: number): boolean {
  return score01(rating, scale) >= SATISFIED_SCORE - 1e-9;
}
