import { fitLogistic, halfwayPoint, type LogisticFit } from './logistic';
import { seededRandom } from './random';

/** One answer with a measured latency: did the user call it fast (satisfied)? */
export interface LatencyAnswer {
  latencyMs: number;
  satisfied: boolean;
}

export type ApdexFitStatus = 'ok' | 'insufficient_data' | 'no_decline';

export interface ApdexFit {
  status: ApdexFitStatus;
  n: number;
  satisfiedCount: number;
  /** Latency at which half the users stop answering "fast"; the feedback-calibrated Apdex T. */
  thresholdMs: number | null;
  /** 95% percentile-bootstrap interval; `high` null = unbounded (some resamples found no decline). */
  ci: { low: number; high: number | null } | null;
  /** T lies outside the measured latencies: an extrapolation, read with care. */
  extrapolated: boolean;
  latencyRange: { min: number; max: number } | null;
}

export interface ApdexFitOptions {
  resamples?: number;
  seed?: number;
  minAnswers?: number;
  minPerClass?: number;
}

// Latencies are floored at 1 ms: log(0) has no place on the axis and sub-millisecond is "instant".
const logLatency = (ms: number) => Math.log(Math.max(1, ms));

function thresholdOf(x: readonly number[], y: readonly number[], start: LogisticFit): number {
  let positives = 0;
  for (const v of y) positives += v;
  // One class only: everyone satisfied = no threshold within reach (infinite); nobody = zero.
  if (positives === y.length) return Number.POSITIVE_INFINITY;
  if (positives === 0) return 0;
  const half = halfwayPoint(fitLogistic(x, y, start));
  return half === null ? Number.POSITIVE_INFINITY : Math.exp(half);
}

/**
 * Feedback-calibrated Apdex T: logistic regression of P(satisfied) on log latency, T where P = 1/2,
 * with a seeded percentile bootstrap (same data, same interval).
 */
export function fitApdexThreshold(answers: readonly LatencyAnswer[], options: ApdexFitOptions = {}): ApdexFit {
  const { resamples = 200, seed = 1, minAnswers = 20, minPerClass = 5 } = options;
  const n = answers.length;
  const x = answers.map((a) => logLatency(a.latencyMs));
  const y = answers.map((a) => (a.satisfied ? 1 : 0));
  const satisfiedCount = y.reduce<number>((s, v) => s + v, 0);
  const latencyRange =
    n > 0
      ? answers.reduce((r, a) => ({ min: Math.min(r.min, a.latencyMs), max: Math.max(r.max, a.latencyMs) }), {
          min: Number.POSITIVE_INFINITY,
          max: 0,
        })
      : null;
  const empty = { n, satisfiedCount, thresholdMs: null, ci: null, extrapolated: false, latencyRange };
  if (n < minAnswers || satisfiedCount < minPerClass || n - satisfiedCount < minPerClass) {
    return { status: 'insufficient_data', ...empty };
  }
  const fit = fitLogistic(x, y);
  const half = halfwayPoint(fit);
  if (half === null) return { status: 'no_decline', ...empty };
  const thresholdMs = Math.exp(half);

  const random = seededRandom(seed);
  const samples: number[] = [];
  const bx = new Array<number>(n);
  const by = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      bx[i] = x[j];
      by[i] = y[j];
    }
    samples.push(thresholdOf(bx, by, fit));
  }
  samples.sort((a, b) => a - b);
  const low = samples[Math.floor(0.025 * resamples)];
  const high = samples[Math.max(0, Math.ceil(0.975 * resamples) - 1)];
  return {
    status: 'ok',
    n,
    satisfiedCount,
    thresholdMs,
    ci: { low, high: Number.isFinite(high) ? high : null },
    extrapolated: latencyRange !== null && (thresholdMs < latencyRange.min || thresholdMs > latencyRange.max),
    latencyRange,
  };
}
