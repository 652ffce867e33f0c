/**
 * Ticks for a log axis covering [lo, hi]: 1-2-5 steps per decade (only powers of ten beyond three decades),
 * and the domain from the last tick at or below `lo` to the first at or above `hi`. Recharts' automatic log
 * ticks came out empty for some ranges (a latency chart over 10-917 ms had no tick at all).
 */
export function logTicks(lo: number, hi: number): { ticks: number[]; domain: [number, number] } {
  const min = Math.max(lo, Number.MIN_VALUE);
  const max = Math.max(hi, min);
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const steps = last - first > 3 ? [1] : [1, 2, 5];
  const all: number[] = [];
  for (let e = first; e <= last; e++) for (const m of steps) all.push(Number((m * 10 ** e).toPrecision(12)));
  const below = all.filter((v) => v <= min);
  const above = all.filter((v) => v >= max);
  const from = below.length > 0 ? below[below.length - 1] : all[0];
  const to = above.length > 0 ? above[0] : all[all.length - 1];
  return { ticks: all.filter((v) => v >= from && v <= to), domain: [from, to] };
}
