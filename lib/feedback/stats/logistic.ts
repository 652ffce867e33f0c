/** P(y = 1 | x) = 1 / (1 + exp(-(intercept + slope * (x - center)))). */
export interface LogisticFit {
  intercept: number;
  slope: number;
  center: number; // mean of x: centring keeps Newton's steps well conditioned
  converged: boolean;
}

// A weak ridge on the slope keeps the fit finite when the classes are perfectly separated (then the
// unpenalised slope runs to infinity), and is negligible otherwise (x is log-milliseconds, slopes ~1-10).
const RIDGE = 0.01;
const MAX_ITERATIONS = 100;

/**
 * Maximum-likelihood logistic regression of y in {0, 1} on one variable, by Newton's method.
 * `start` (a previous fit's intercept and slope) saves iterations when refitting similar data.
 */
export function fitLogistic(
  x: readonly number[],
  y: readonly number[],
  start?: Pick<LogisticFit, 'intercept' | 'slope' | 'center'>,
): LogisticFit {
  const n = x.length;
  if (n === 0 || n !== y.length) throw new Error('FEEDBACK_STATS_LENGTH: logistic fit needs equal, non-empty x and y');
  const center = x.reduce((s, v) => s + v, 0) / n;
  const u = x.map((v) => v - center);
  let b = start?.slope ?? 0;
  // Same line, expressed around this sample's centre.
  let a = start ? start.intercept + start.slope * (center - start.center) : 0;
  // One pass per iteration computes the log-likelihood, gradient and Hessian at (a, b). A step that
  // lowered the likelihood (Newton overshooting far from the optimum) is undone and halved instead.
  let previous = { a, b, logLikelihood: Number.NEGATIVE_INFINITY, da: 0, db: 0, step: 1 };
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let logLikelihood = (-RIDGE / 2) * b * b;
    let ga = 0;
    let gb = -RIDGE * b;
    let haa = 0;
    let hab = 0;
    let hbb = RIDGE;
    for (let i = 0; i < n; i++) {
      const eta = a + b * u[i];
      // One exp serves both the probability and log(1 + e^eta), each in its overflow-safe form.
      const e = Math.exp(-Math.abs(eta));
      const p = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
      const w = p * (1 - p);
      logLikelihood += y[i] * eta - (Math.max(eta, 0) + Math.log1p(e));
      ga += y[i] - p;
      gb += (y[i] - p) * u[i];
      haa += w;
      hab += w * u[i];
      hbb += w * u[i] * u[i];
    }
    if (logLikelihood < previous.logLikelihood - 1e-12 && previous.step > 1e-6) {
      const step = previous.step / 2;
      a = previous.a + step * previous.da;
      b = previous.b + step * previous.db;
      previous = { ...previous, step };
      continue;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break; // one class only: the intercept has no finite maximum
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) return { intercept: a, slope: b, center, converged: true };
    previous = { a, b, logLikelihood, da, db, step: 1 };
    a += da;
    b += db;
  }
  return { intercept: a, slope: b, center, converged: false };
}

/** The x where the fitted probability is 1/2; null unless the probability falls as x grows. */
export function halfwayPoint(fit: LogisticFit): number | null {
  return fit.converged && fit.slope < 0 ? fit.center - fit.intercept / fit.slope : null;
}
