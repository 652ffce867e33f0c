/** A two-sided confidence interval; both ends on the same scale as the estimate. */
export interface Interval {
  low: number;
  high: number;
}

/** Two-sided 95%. */
export const Z95 = 1.959963984540054;
