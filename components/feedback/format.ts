/** 850 ms, 1.2 s, 12 s: latency as people read it. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

export function formatScore(score: number | null | undefined): string {
  return score === null || score === undefined ? '–' : score.toFixed(0);
}

export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`;
}

/** rho with its sample size, or why there is none. */
export function formatRho(rho: number | null, n: number): string {
  return rho === null ? `n = ${n}` : `${rho >= 0 ? '+' : '−'}${Math.abs(rho).toFixed(2)} (n = ${n})`;
}
