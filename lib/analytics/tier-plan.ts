// Which rollup tier answers which part of a range. Whole days come from rollup_day, whole hours from
// rollup_hour and the ragged edges from rollup_minute, so a range is exact to the minute while a 7-day
// query reads ~7 day rows + ~48 hour rows + ~120 minute rows per series instead of ~10,000 minute rows.

export type Tier = 'minute' | 'fiveMinute' | 'hour' | 'day';

/** A half-open interval [fromMs, toMs) of epoch milliseconds answered by one tier. */
export interface TierSegment {
  tier: Tier;
  fromMs: number;
  toMs: number;
}

export const MINUTE_MS = 60_000;
export const FIVE_MINUTES_MS = 300_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const floorTo = (ms: number, unit: number) => Math.floor(ms / unit) * unit;
const ceilTo = (ms: number, unit: number) => Math.ceil(ms / unit) * unit;

/** The minute-aligned range a query really covers: from floored, to rounded up to whole minutes. */
export function alignToMinutes(fromMs: number, toMs: number): { fromMs: number; toMs: number } {
  return { fromMs: floorTo(fromMs, MINUTE_MS), toMs: ceilTo(toMs, MINUTE_MS) };
}

/**
 * Splits a minute-aligned [fromMs, toMs) into tier segments, coarsest first where whole units fit.
 * `stepMs` (series) restricts tiers to those whose buckets never straddle a step: a day row may only
 * be used when steps are whole days, an hour row when steps are whole hours (steps align to the epoch).
 */
export function planTiers(fromMs: number, toMs: number, stepMs?: number, fiveMinute = false): TierSegment[] {
  const allowDay = stepMs === undefined || stepMs % DAY_MS === 0;
  const allowHour = stepMs === undefined || stepMs % HOUR_MS === 0;
  const allowFive = fiveMinute && (stepMs === undefined || stepMs % FIVE_MINUTES_MS === 0);
  return plan(fromMs, toMs, allowDay, allowHour, allowFive);
}

/** What a range is read from: planTiers' arguments, planned once the level (and its tiers) is known. */
export interface RangePlan {
  fromMs: number;
  toMs: number;
  stepMs?: number;
}

function plan(a: number, b: number, allowDay: boolean, allowHour: boolean, allowFive: boolean): TierSegment[] {
  if (a >= b) return [];
  if (allowDay) {
    const d0 = ceilTo(a, DAY_MS);
    const d1 = floorTo(b, DAY_MS);
    if (d0 < d1) {
      return [
        ...plan(a, d0, false, allowHour, allowFive),
        { tier: 'day', fromMs: d0, toMs: d1 },
        ...plan(d1, b, false, allowHour, allowFive),
      ];
    }
  }
  if (allowHour) {
    const h0 = ceilTo(a, HOUR_MS);
    const h1 = floorTo(b, HOUR_MS);
    if (h0 < h1) {
      return [
        ...plan(a, h0, false, false, allowFive),
        { tier: 'hour', fromMs: h0, toMs: h1 },
        ...plan(h1, b, false, false, allowFive),
      ];
    }
  }
  if (allowFive) {
    const f0 = ceilTo(a, FIVE_MINUTES_MS);
    const f1 = floorTo(b, FIVE_MINUTES_MS);
    if (f0 < f1) {
      return [
        ...plan(a, f0, false, false, false),
        { tier: 'fiveMinute', fromMs: f0, toMs: f1 },
        ...plan(f1, b, false, false, false),
      ];
    }
  }
  return [{ tier: 'minute', fromMs: a, toMs: b }];
}
