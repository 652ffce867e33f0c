import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/http/api';
import { defaultStepMs, readFiltersSchema, seriesParamsSchema, toReadFilters, toStepMs } from './read-params';

describe('read parameters', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);

  it('defaults to the last 24 h and keeps filters', () => {
    const f = toReadFilters(readFiltersSchema.parse({ project: '3', service: 'api' }), undefined, now);
    expect(f).toMatchObject({ projectId: 3, service: 'api', fromMs: now - 86_400_000, toMs: now });
  });

  it('names the bad field', () => {
    const bad = readFiltersSchema.safeParse({ project: 'x', from: 'yesterday' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['from', 'project']);
    expect(() =>
      toReadFilters(readFiltersSchema.parse({ project: 1, from: '2026-11-28T10:00:00Z', to: '2026-11-28T09:00:00Z' })),
    ).toThrow(ApiError);
    expect(readFiltersSchema.safeParse({ project: 1, service: '' }).success).toBe(false);
  });

  it('steps are whole minutes, at most 2000 points, ~120 by default', () => {
    const f = toReadFilters(readFiltersSchema.parse({ project: 1 }), undefined, now);
    expect(toStepMs(undefined, f)).toBe(900_000);
    expect(toStepMs(300, f)).toBe(300_000);
    expect(() => toStepMs(90, f)).toThrow(ApiError);
    expect(() => toStepMs(60, { ...f, fromMs: f.toMs - 3 * 86_400_000 })).toThrow(/2000 points/);
    expect(seriesParamsSchema.safeParse({ project: 1, step: '30' }).success).toBe(false);
    expect(defaultStepMs(7 * 86_400_000)).toBe(7_200_000);
  });
});
