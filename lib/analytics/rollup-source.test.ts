import { describe, expect, it } from 'vitest';
import { levelFor, rollupUnion } from './rollup-source';

const filters = { projectId: 1, fromMs: 0, toMs: 86_400_000 };

describe('which rollup level answers a query', () => {
  it('is the service level unless a route or method filters or groups the rows', () => {
    expect(levelFor(filters, false)).toBe('service');
    expect(levelFor({ ...filters, service: 'api', release: 'v2', environment: 'prod' }, false)).toBe('service');
    expect(levelFor({ ...filters, route: '/a' }, false)).toBe('route');
    expect(levelFor({ ...filters, method: 'GET' }, false)).toBe('route');
    expect(levelFor(filters, true)).toBe('route');
  });

  it('reads the chosen level’s tables for each tier segment', () => {
    const segments = [
      { tier: 'minute' as const, fromMs: 0, toMs: 60_000 },
      { tier: 'hour' as const, fromMs: 3_600_000, toMs: 7_200_000 },
    ];
    const service = rollupUnion('count', filters, segments, [], undefined, 'service').text;
    expect(service).toContain('telemetry.rollup_service_minute');
    expect(service).toContain('telemetry.rollup_service_hour');
    expect(service).not.toMatch(/telemetry\.rollup_(minute|hour)\b/);
    const route = rollupUnion('count', filters, segments).text;
    expect(route).toMatch(/telemetry\.rollup_minute\b/);
    expect(route).not.toContain('rollup_service_');
  });
});
