import { quantiles, RELATIVE_ERROR_BOUND, type Sketch } from '@/lib/sketch';

// The statistics behind the release verdict, on merged sketches and counts only (no raw rows needed):
// - percentiles: a distribution-free confidence interval for each release's quantile from the binomial
//   order-statistic ranks n·q ± z·sqrt(n·q·(1−q)), read off the sketch; the two intervals give a standard
//   error for the difference, widened by the sketch's own 1% on each side;
// - error rate: Agresti–Caffo interval for a difference of two proportions (sane at 0 errors);
// - throughput: Poisson rate difference.
// A delta is significant when its whole interval lies on one side of zero.

export type Verdict = 'better' | 'worse' | 'no significant change' | 'insufficient data';

export interface MetricComparison {
  metric: 'p50' | 'p95' | 'p99' | 'errorRate' | 'throughput';
  unit: 'ms' | 'ratio' | 'req/s';
  baseline: number | null;
  candidate: number | null;
  delta: number | null; // candidate − baseline
  deltaPct: number | null; // delta / baseline × 100
  ci: [number, number] | null; // 95% interval of delta
  verdict: Verdict;
}

export const Z = 1.959964; // two-sided 95%

/** Fewest requests per release before a quantile is compared: ≥ 10 expected values above it, ≥ 100 overall. */
export const minSamplesFor = (q: number) => Math.max(100, Math.ceil(10 / (1 - q)));
export const MIN_SAMPLES_RATE = 100;

function judge(lo: number, hi: number, higherIsWorse: boolean): Verdict {
  if (lo > 0) return higherIsWorse ? 'worse' : 'better';
  if (hi < 0) return higherIsWorse ? 'better' : 'worse';
  return 'no significant change';
}

function pct(delta: number, base: number): number | null {
  return base === 0 ? null : (delta / base) * 100;
}

function quantileWithError(s: Sketch, q: number): { value: number; se: number } {
  const n = s.count;
  const spread = Z * Math.sqrt(n * q * (1 - q));
  const loRank = Math.max(1, Math.floor(n * q - spread));
  const hiRank = Math.min(n, Math.ceil(n * q + spread) + 1);
  const [value, lo, hi] = quantiles(s, [q, loRank / n, hiRank / n]) as number[];
  return { value, se: (hi - lo) / (2 * Z) };
}

export function comparePercentile(
  base: Sketch,
  cand: Sketch,
  q: number,
  metric: 'p50' | 'p95' | 'p99',
): MetricComparison {
  const need = minSamplesFor(q);
  if (base.count < need || cand.count < need) {
    const b = base.count > 0 ? quantiles(base, [q])[0] : null;
    const c = cand.count > 0 ? quantiles(cand, [q])[0] : null;
    const delta = b !== null && c !== null ? c - b : null;
    return {
      metric,
      unit: 'ms',
      baseline: b,
      candidate: c,
      delta,
      deltaPct: delta !== null && b ? pct(delta, b) : null,
      ci: null,
      verdict: 'insufficient data',
    };
  }
  const b = quantileWithError(base, q);
  const c = quantileWithError(cand, q);
  const delta = c.value - b.value;
  const half = Z * Math.hypot(b.se, c.se) + RELATIVE_ERROR_BOUND * (b.value + c.value);
  return {
    metric,
    unit: 'ms',
    baseline: b.value,
    candidate: c.value,
    delta,
    deltaPct: pct(delta, b.value),
    ci: [delta - half, delta + half],
    verdict: judge(delta - half, delta + half, true),
  };
}

export function compareErrorRate(
  base: { n: number; errors: number },
  cand: { n: number; errors: number },
): MetricComparison {
  const rate = (x: { n: number; errors: number }) => (x.n > 0 ? x.errors / x.n : null);
  const b = rate(base);
  const c = rate(cand);
  const delta = b !== null && c !== null ? c - b : null;
  const out = {
    metric: 'errorRate' as const,
    unit: 'ratio' as const,
    baseline: b,
    candidate: c,
    delta,
    deltaPct: delta !== null && b ? pct(delta, b) : null,
  };
  if (base.n < MIN_SAMPLES_RATE || cand.n < MIN_SAMPLES_RATE) return { ...out, ci: null, verdict: 'insufficient data' };
  const adj = (x: { n: number; errors: number }) => (x.errors + 1) / (x.n + 2);
  const pb = adj(base);
  const pc = adj(cand);
  const se = Math.sqrt((pb * (1 - pb)) / (base.n + 2) + (pc * (1 - pc)) / (cand.n + 2));
  const lo = pc - pb - Z * se;
  const hi = pc - pb + Z * se;
  return { ...out, ci: [lo, hi], verdict: judge(lo, hi, true) };
}

/** Requests per second over each release's active seconds in the window; higher is better. */
export function compareThroughput(
  base: { n: number; seconds: number },
  cand: { n: number; seconds: number },
): MetricComparison {
  const rate = (x: { n: number; seconds: number }) => (x.seconds > 0 ? x.n / x.seconds : null);
  const b = rate(base);
  const c = rate(cand);
  const delta = b !== null && c !== null ? c - b : null;
  const out = {
    metric: 'throughput' as const,
    unit: 'req/s' as const,
    baseline: b,
    candidate: c,
    delta,
    deltaPct: delta !== null && b ? pct(delta, b) : null,
  };
  if (base.n < MIN_SAMPLES_RATE || cand.n < MIN_SAMPLES_RATE || base.seconds < 60 || cand.seconds < 60) {
    return { ...out, ci: null, verdict: 'insufficient data' };
  }
  const se = Math.hypot(Math.sqrt(base.n) / base.seconds, Math.sqrt(cand.n) / cand.seconds);
  const d = delta as number;
  return { ...out, ci: [d - Z * se, d + Z * se], verdict: judge(d - Z * se, d + Z * se, false) };
}
