import { describe, expect, it } from 'vitest';
import { fitLogistic, halfwayPoint } from './logistic';

describe('fitLogistic', () => {
  // The textbook hours-studied vs passed example: MLE intercept -4.0777, slope 1.5046, 50% at 2.71 h.
  // The fit carries a weak ridge on the slope (0.01); the values below are the penalised optimum,
  // computed independently with scipy.optimize (BFGS), within 0.4% of the plain MLE.
  const hours = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 1.75, 2, 2.25, 2.5, 2.75, 3, 3.25, 3.5, 4, 4.25, 4.5, 4.75, 5, 5.5];
  const passed = [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 1, 1];

  it('finds the known optimum', () => {
    const fit = fitLogistic(hours, passed);
    expect(fit.converged).toBe(true);
    expect(fit.slope).toBeCloseTo(1.49874, 4);
    expect(fit.intercept - fit.slope * fit.center).toBeCloseTo(-4.06227, 4);
  });

  it('puts the halfway point where P falls through 1/2 (only for a falling curve)', () => {
    expect(halfwayPoint(fitLogistic(hours, passed))).toBeNull();
    const falling = fitLogistic(
      hours.map((h) => -h),
      passed,
    );
    expect(halfwayPoint(falling)).toBeCloseTo(-2.71045, 4);
  });

  it('stays finite on perfectly separated classes', () => {
    const fit = fitLogistic([1, 2, 3, 4, 5, 6], [1, 1, 1, 0, 0, 0]);
    const half = halfwayPoint(fit);
    expect(half).not.toBeNull();
    expect(half as number).toBeGreaterThan(3);
    expect(half as number).toBeLessThan(4);
  });
});
