/** Ranks 1..n, ties sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export interface RankCorrelation {
  /** null when undefined: fewer than 3 pairs, or one side constant. */
  rho: number | null;
  n: number;
}

/** Spearman's rank correlation: Pearson's r of the average ranks (the tie-correct form). */
export function spearman(x: readonly number[], y: readonly number[]): RankCorrelation {
  if (x.length !== y.length) throw new Error('FEEDBACK_STATS_LENGTH: x and y differ in length');
  const n = x.length;
  if (n < 3) return { rho: null, n };
  return { rho: pearson(averageRanks(x), averageRanks(y)), n };
}
