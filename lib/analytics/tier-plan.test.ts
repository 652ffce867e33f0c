import { describe, expect, it } from 'vitest';
import { alignToMinutes, DAY_MS, FIVE_MINUTES_MS, HOUR_MS, MINUTE_MS, planTiers, type TierSegment } from './tier-plan';

const t0 = Date.UTC(2026, 10, 20); // a midnight

function covers(segments: TierSegment[], from: number, to: number) {
  const sorted = [...segments].sort((a, b) => a.fromMs - b.fromMs);
  expect(sorted[0]?.fromMs ?? to).toBe(from);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i].fromMs).toBe(sorted[i - 1].toMs);
  expect(sorted.at(-1)?.toMs ?? from).toBe(to);
  for (const s of sorted) {
    const unit = { minute: MINUTE_MS, fiveMinute: FIVE_MINUTES_MS, hour: HOUR_MS, day: DAY_MS }[s.tier];
    expect(s.fromMs % unit).toBe(0);
    expect(s.toMs % unit).toBe(0);
  }
}

describe('planTiers', () => {
  it('answers whole days from the day tier and the ragged edges from finer tiers', () => {
    const from = t0 + 5 * HOUR_MS + 17 * MINUTE_MS;
    const to = t0 + 3 * DAY_MS + 2 * HOUR_MS + 3 * MINUTE_MS;
    const plan = planTiers(from, to);
    covers(plan, from, to);
    expect(plan.map((s) => s.tier)).toEqual(['minute', 'hour', 'day', 'hour', 'minute']);
    expect(plan[2]).toEqual({ tier: 'day', fromMs: t0 + DAY_MS, toMs: t0 + 3 * DAY_MS });
  });

  it('uses hours when no whole day fits, minutes when no whole hour fits', () => {
    const from = t0 + 10 * MINUTE_MS;
    expect(planTiers(from, from + 20 * HOUR_MS).map((s) => s.tier)).toEqual(['minute', 'hour', 'minute']);
    expect(planTiers(from, from + 50 * MINUTE_MS)).toEqual([
      { tier: 'minute', fromMs: from, toMs: from + 50 * MINUTE_MS },
    ]);
    expect(planTiers(from, from)).toEqual([]);
  });

  it('never lets a coarse row straddle a series step', () => {
    const from = t0 - 2 * DAY_MS;
    const to = t0 + 2 * DAY_MS;
    expect(new Set(planTiers(from, to, 5 * MINUTE_MS).map((s) => s.tier))).toEqual(new Set(['minute']));
    expect(new Set(planTiers(from, to, HOUR_MS).map((s) => s.tier))).toEqual(new Set(['hour']));
    expect(new Set(planTiers(from, to, 3 * HOUR_MS).map((s) => s.tier))).toEqual(new Set(['hour']));
    expect(new Set(planTiers(from, to, DAY_MS).map((s) => s.tier))).toEqual(new Set(['day']));
  });

  it('uses 5-minute rows (service level) between hours and minutes, and only for steps of whole 5 minutes', () => {
    const from = t0 + 7 * MINUTE_MS;
    const to = t0 + 2 * HOUR_MS + 23 * MINUTE_MS;
    const plan = planTiers(from, to, undefined, true);
    covers(plan, from, to);
    expect(plan.map((s) => s.tier)).toEqual(['minute', 'fiveMinute', 'hour', 'fiveMinute', 'minute']);
    expect(plan[1]).toEqual({ tier: 'fiveMinute', fromMs: t0 + 10 * MINUTE_MS, toMs: t0 + HOUR_MS });
    const day = [t0 - DAY_MS, t0 + DAY_MS] as const;
    expect(new Set(planTiers(...day, 5 * MINUTE_MS, true).map((s) => s.tier))).toEqual(new Set(['fiveMinute']));
    expect(new Set(planTiers(...day, 15 * MINUTE_MS, true).map((s) => s.tier))).toEqual(new Set(['fiveMinute']));
    expect(new Set(planTiers(...day, 2 * MINUTE_MS, true).map((s) => s.tier))).toEqual(new Set(['minute']));
    expect(new Set(planTiers(...day, 5 * MINUTE_MS).map((s) => s.tier))).toEqual(new Set(['minute']));
    expect(new Set(planTiers(...day, HOUR_MS, true).map((s) => s.tier))).toEqual(new Set(['hour']));
  });

  it('covers random ranges exactly once', () => {
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < 500; i++) {
      const a = t0 + Math.floor(rnd() * 20 * 24 * 60) * MINUTE_MS;
      const b = a + Math.floor(rnd() * 10 * 24 * 60) * MINUTE_MS;
      covers(planTiers(a, b), a, b);
      covers(planTiers(a, b, undefined, true), a, b);
    }
  });
});

describe('alignToMinutes', () => {
  it('floors from and rounds to up', () => {
    expect(alignToMinutes(t0 + 59_999, t0 + 60_001)).toEqual({ fromMs: t0, toMs: t0 + 2 * MINUTE_MS });
  });
});
