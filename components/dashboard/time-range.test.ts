import { describe, expect, it } from 'vitest';
import { minSamples, percentileConfidence } from './percentile-confidence';
import { parseView, resolveRange, stepFor, viewToParams } from './time-range';

describe('dashboard view in the URL', () => {
  it('round-trips a view through URL parameters, leaving defaults out', () => {
    const params = new URLSearchParams('range=7d&env=production&release=v2&refresh=30s&route=%2Fx');
    const view = parseView(params);
    expect(view).toEqual({ range: '7d', from: '', to: '', environment: 'production', release: 'v2', refresh: '30s' });
    const out = viewToParams(view, params);
    expect(out.get('route')).toBe('/x');
    expect(parseView(out)).toEqual(view);
    expect(viewToParams(parseView(new URLSearchParams())).toString()).toBe('');
  });
  it('keeps a valid custom range and rejects a reversed or malformed one', () => {
    const ok = parseView(new URLSearchParams('range=custom&from=2026-11-01T00:00:00.000Z&to=2026-11-02T00:00:00.000Z'));
    expect(ok.range).toBe('custom');
    expect(resolveRange(ok, 0)).toEqual({
      fromMs: Date.parse('2026-11-01T00:00:00Z'),
      toMs: Date.parse('2026-11-02T00:00:00Z'),
    });
    expect(parseView(new URLSearchParams('range=custom&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z')).range).toBe(
      '24h',
    );
    expect(parseView(new URLSearchParams('range=custom&from=yesterday&to=now')).range).toBe('24h');
    expect(parseView(new URLSearchParams('range=5y')).range).toBe('24h');
  });
  it('ends preset ranges at the end of the current minute', () => {
    const now = Date.parse('2026-11-28T10:30:42Z');
    const r = resolveRange(parseView(new URLSearchParams('range=1h')), now);
    expect(new Date(r.toMs).toISOString()).toBe('2026-11-28T10:31:00.000Z');
    expect(r.toMs - r.fromMs).toBe(3_600_000);
  });
  it('picks whole-minute steps of about 120 points, whole hours past 6 h', () => {
    expect(stepFor({ fromMs: 0, toMs: 15 * 60_000 })).toBe(60);
    expect(stepFor({ fromMs: 0, toMs: 6 * 3_600_000 })).toBe(300);
    expect(stepFor({ fromMs: 0, toMs: 86_400_000 })).toBe(3600);
    expect(stepFor({ fromMs: 0, toMs: 30 * 86_400_000 })).toBe(21600);
  });
});

describe('percentile confidence', () => {
  it('requires 10 expected samples above the percentile', () => {
    expect([minSamples('p50'), minSamples('p95'), minSamples('p99')]).toEqual([20, 200, 1000]);
    expect(percentileConfidence('p99', 999)).toEqual({ enough: false, label: 'too few samples (n < 1000)' });
    expect(percentileConfidence('p99', 1000)).toEqual({ enough: true, label: '±1%' });
  });
});
