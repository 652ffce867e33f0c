// Seeded latency samples for the sketch tests and benchmark (deterministic: a failure reproduces).

/** mulberry32: a tiny 32-bit PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal by Box-Muller (1 - u keeps the log argument in (0, 1]). */
export function standardNormal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export type Distribution = (random: () => number) => number;

export const lognormal =
  (medianMs: number, sigma: number): Distribution =>
  (random) =>
    medianMs * Math.exp(sigma * standardNormal(random));

/** Fast cache hits near 20 ms and slow misses near 900 ms. */
export const bimodal: Distribution = (random) =>
  random() < 0.8 ? lognormal(20, 0.25)(random) : lognormal(900, 0.15)(random);

export const uniform =
  (lowMs: number, highMs: number): Distribution =>
  (random) =>
    lowMs + (highMs - lowMs) * random();

/** Pareto with scale xm and shape alpha (alpha 1.16 is the 80/20 tail; the mean barely exists). */
export const pareto =
  (xmMs: number, alpha: number): Distribution =>
  (random) =>
    xmMs / (1 - random()) ** (1 / alpha);

export function sample(distribution: Distribution, n: number, seed: number): Float64Array {
  const random = seededRandom(seed);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = distribution(random);
  return values;
}
