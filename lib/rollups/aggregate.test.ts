import { describe, expect, it } from 'vitest';
import type { SpanRow } from '../ingest/rows';
import { requestSpans } from '../ingest/span-batch';
import { quantile } from '../sketch';
import { coarsen, minuteRollups, type NewSpans, routeTiers, SLOW_EXEMPLARS } from './aggregate';

const span = (i: number, over: Partial<SpanRow> = {}): SpanRow => ({
  traceId: i.toString(16).padStart(32, '0'),
  spanId: i.toString(16).padStart(16, '0'),
  parentSpanId: '',
  name: 'n',
  kind: 2,
  startMs: 0,
  durationMs: 10,
  statusCode: 0,
  statusMessage: '',
  service: 's',
  release: 'r',
  environment: 'e',
  route: '/x',
  method: 'GET',
  httpStatus: 200,
  isRequest: true,
  isError: false,
  attributesJson: '{}',
  resourceJson: '{}',
  eventsJson: '[]',
  ...over,
});
const fresh = (rows: SpanRow[], projectId = 1): NewSpans[] => [{ projectId, spans: requestSpans(rows) }];

describe('minuteRollups', () => {
  it('buckets by UTC minute on the stored microsecond and ignores non-request spans', () => {
    const rows = [
      span(1, { startMs: 59_999.9994 }), // rounds down to 59,999.999 ms: minute 0
      span(2, { startMs: 59_999.9996 }), // rounds up to 60,000 ms: minute 1, like PostgreSQL
      span(3, { isRequest: false }),
    ];
    const out = minuteRollups(fresh(rows));
    expect(out.map((r) => [r.bucketMs, r.count])).toEqual([
      [0, 1],
      [60_000, 1],
    ]);
  });

  it('counts, errors, extremes, sketch and exemplars per key', () => {
    const rows = Array.from({ length: 100 }, (_, i) =>
      span(i, { durationMs: i + 1, isError: i % 10 === 0, startMs: i }),
    );
    const [r] = minuteRollups(fresh(rows));
    expect([r.count, r.errorCount, r.minMs, r.maxMs, r.sumMs]).toEqual([100, 10, 1, 100, 5050]);
    expect(Math.abs((quantile(r.sketch, 0.5) ?? Number.NaN) - 50) / 50).toBeLessThanOrEqual(0.01);
    expect(r.slow.map((s) => s.durationMs)).toEqual([100, 99, 98, 97, 96].slice(0, SLOW_EXEMPLARS));
    expect(r.errors[0]).toBe(rows[90].traceId); // newest failure first
  });
});

describe('coarsen / routeTiers', () => {
  it('hour and day rows add up the minute rows and keep the key order', () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      span(i, { startMs: i * 37_000, route: `/r${i % 3}`, durationMs: 1 + (i % 17), isError: i % 5 === 0 }),
    );
    const tiers = routeTiers(minuteRollups(fresh(rows)));
    for (const tier of ['minute', 'hour', 'day'] as const) {
      expect(tiers[tier].reduce((n, r) => n + r.count, 0)).toBe(300);
      expect(tiers[tier].reduce((n, r) => n + r.errorCount, 0)).toBe(60);
      expect(tiers[tier].reduce((n, r) => n + r.sketch.count, 0)).toBe(300);
    }
    expect(tiers.day.map((r) => r.route)).toEqual(['/r0', '/r1', '/r2']);
    expect(coarsen(tiers.minute, 'day').map((r) => r.maxMs)).toEqual([17, 17, 17]);
  });

  it('keeps projects apart', () => {
    const out = routeTiers(minuteRollups([...fresh([span(1)], 1), ...fresh([span(2)], 2)]));
    expect(out.day.map((r) => r.projectId)).toEqual([1, 2]);
  });
});
