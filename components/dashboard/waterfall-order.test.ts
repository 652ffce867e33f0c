import { describe, expect, it } from 'vitest';
import type { TraceSpan } from '@/lib/analytics/get-trace';
import { waterfallOrder } from './waterfall-order';

const span = (spanId: string, parentSpanId: string | null, startMs: number) =>
  ({ spanId, parentSpanId, startMs }) as TraceSpan;

describe('waterfall order', () => {
  it('nests children under parents depth first, by start time', () => {
    const rows = waterfallOrder([span('c', 'a', 5), span('a', null, 0), span('b', 'a', 2), span('d', 'b', 3)]);
    expect(rows.map((r) => `${r.span.spanId}${r.depth}`)).toEqual(['a0', 'b1', 'd2', 'c1']);
  });
  it('treats spans with a missing parent as roots', () => {
    const rows = waterfallOrder([span('x', 'gone', 1), span('y', 'x', 2)]);
    expect(rows.map((r) => `${r.span.spanId}${r.depth}`)).toEqual(['x0', 'y1']);
  });
});
