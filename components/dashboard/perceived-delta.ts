// The perceived-score change between two releases, judged like the latency deltas: flagged only when its
// 95% interval excludes zero. Each release's score carries a 95% Wilson interval; the delta's interval
// combines their half-widths (normal approximation), which is conservative for these bounded scores.

export interface PerceivedFigure {
  score: number | null;
  scoreCi: { low: number; high: number } | null;
  count: number;
}

export interface PerceivedDelta {
  baseline: number | null;
  candidate: number | null;
  delta: number | null;
  ci: [number, number] | null;
  verdict: 'better' | 'worse' | 'no significant change' | 'insufficient data';
}

/** Fewer answers than this per release and the change is not judged. */
export const MIN_ANSWERS = 10;

export function perceivedDelta(base: PerceivedFigure | undefined, cand: PerceivedFigure | undefined): PerceivedDelta {
  const baseline = base?.score ?? null;
  const candidate = cand?.score ?? null;
  if (!base || !cand || baseline === null || candidate === null || !base.scoreCi || !cand.scoreCi) {
    return { baseline, candidate, delta: null, ci: null, verdict: 'insufficient data' };
  }
  const delta = candidate - baseline;
  if (base.count < MIN_ANSWERS || cand.count < MIN_ANSWERS)
    return { baseline, candidate, delta, ci: null, verdict: 'insufficient data' };
  const half = (ci: { low: number; high: number }) => (ci.high - ci.low) / 2;
  const width = Math.hypot(half(base.scoreCi), half(cand.scoreCi));
  const ci: [number, number] = [delta - width, delta + width];
  const verdict = ci[0] > 0 ? 'better' : ci[1] < 0 ? 'worse' : 'no significant change';
  return { baseline, candidate, delta, ci, verdict };
}
