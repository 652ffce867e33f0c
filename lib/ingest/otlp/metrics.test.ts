import { createHash } from 'node:crypto';
import { type HrTime, ValueType } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MetricPointRow } from '../rows';
import { decodeMetrics } from './index';
import { memoryMeter, metricsJson, metricsProtobuf } from './test-fixtures';

const nanos = (t: HrTime): bigint => BigInt(t[0]) * 1_000_000_000n + BigInt(t[1]);
const epochMs = (t: HrTime): number => Number(nanos(t) / 1_000_000n) + Number(nanos(t) % 1_000_000n) / 1e6;

/** Sorted-key JSON, computed independently of the decoder. */
function sortedJson(attributes: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** What each SDK data point must decode to (times checked separately, to the microsecond). */
function expectedRows(rm: ResourceMetrics): Partial<MetricPointRow>[] {
  const out: Partial<MetricPointRow>[] = [];
  for (const metric of rm.scopeMetrics.flatMap((s) => s.metrics)) {
    const { name, unit } = metric.descriptor;
    const temporality = metric.dataPointType === DataPointType.GAUGE ? 0 : metric.aggregationTemporality + 1;
    for (const p of metric.dataPoints) {
      const attributesJson = sortedJson(p.attributes);
      const seriesKey = createHash('sha1')
        .update(`${name}\0checkout\0production\0${attributesJson}`)
        .digest('hex')
        .slice(0, 16);
      const base = {
        name,
        unit,
        service: 'checkout',
        release: '2.4.1',
        environment: 'production',
        attributesJson,
        seriesKey,
        temporality,
      };
      const v = p.value;
      if (typeof v === 'number') {
        const kind = metric.dataPointType === DataPointType.SUM ? 'sum' : 'gauge';
        out.push({
          ...base,
          kind,
          value: v,
          isMonotonic: metric.dataPointType === DataPointType.SUM && metric.isMonotonic,
          count: null,
        });
      } else if ('buckets' in v) {
        const stats = { count: v.count, sum: v.sum ?? null, min: v.min ?? null, max: v.max ?? null };
        out.push({
          ...base,
          kind: 'histogram',
          value: null,
          ...stats,
          explicitBounds: v.buckets.boundaries,
          bucketCounts: v.buckets.counts,
        });
      } else {
        out.push({
          ...base,
          kind: 'exp_histogram',
          value: null,
          count: v.count,
          sum: v.sum ?? null,
          min: v.min ?? null,
          max: v.max ?? null,
          expScale: v.scale,
          expZeroCount: v.zeroCount,
          expPositiveOffset: v.positive.offset,
          expPositiveCounts: v.positive.bucketCounts,
          expNegativeOffset: v.negative.offset,
          expNegativeCounts: v.negative.bucketCounts,
        });
      }
    }
  }
  return out;
}

describe.each([
  ['protobuf', metricsProtobuf],
  ['json', metricsJson],
] as const)('decodeMetrics (%s) against the OpenTelemetry serializer', (format, serialize) => {
  let rm: ResourceMetrics;
  let rows: MetricPointRow[];

  beforeAll(async () => {
    const { meter, collect } = memoryMeter();
    meter.createGauge('cpu.temperature', { unit: 'Cel' }).record(61.5, { core: 1, socket: 'a' });
    meter.createGauge('queue.depth', { valueType: ValueType.INT }).record(-12, { queue: 'mail' });
    const requests = meter.createCounter('http.requests', { valueType: ValueType.INT });
    requests.add(3, { route: '/a', method: 'GET' });
    requests.add(2, { method: 'GET', route: '/a' }); // same series, other key order
    requests.add(1, { route: '/b', method: 'POST' });
    meter.createUpDownCounter('inflight').add(-2.25);
    const latency = meter.createHistogram('http.latency', {
      unit: 'ms',
      advice: { explicitBucketBoundaries: [10, 100, 1000] },
    });
    for (const v of [4, 42, 42, 5000]) latency.record(v, { route: '/a' });
    const exp = meter.createHistogram('payload.exp', { unit: 'By' });
    for (const v of [0, 0.5, 3, 70, 900, 900]) exp.record(v, { dir: 'in' });
    rm = await collect();
    const decoded = decodeMetrics(serialize(rm), format);
    expect(decoded).toMatchObject({ rejected: 0, errorMessage: '' });
    rows = decoded.rows;
  });

  it('emits one row per data point with every field round-tripped', () => {
    const expected = expectedRows(rm);
    expect(rows).toHaveLength(7);
    expect(rows).toEqual(expected.map((e) => expect.objectContaining(e)));
  });

  it('keeps point times to the microsecond', () => {
    const points = rm.scopeMetrics
      .flatMap((s) => s.metrics)
      .flatMap((m: MetricData): { startTime: HrTime; endTime: HrTime }[] => m.dataPoints);
    points.forEach((p, i) => {
      expect(rows[i].timeMs).toBeCloseTo(epochMs(p.endTime), 4);
      expect(rows[i].startTimeMs).toBeCloseTo(epochMs(p.startTime), 4);
    });
  });

  it('gives equal series equal keys whatever the attribute order', () => {
    const requests = rows.filter((r) => r.name === 'http.requests');
    expect(requests.map((r) => [r.attributesJson, r.value])).toEqual([
      ['{"method":"GET","route":"/a"}', 5],
      ['{"method":"POST","route":"/b"}', 1],
    ]);
    expect(new Set(rows.map((r) => r.seriesKey)).size).toBe(rows.length);
    expect(requests[0].seriesKey).toMatch(/^[0-9a-f]{16}$/);
  });

  it('reports cumulative temporality and monotonicity from the SDK', () => {
    expect(rows.find((r) => r.name === 'http.requests')).toMatchObject({
      temporality: AggregationTemporality.CUMULATIVE + 1,
      isMonotonic: true,
    });
    expect(rows.find((r) => r.name === 'inflight')).toMatchObject({ kind: 'sum', isMonotonic: false, value: -2.25 });
    expect(rows.find((r) => r.name === 'queue.depth')).toMatchObject({ kind: 'gauge', value: -12, temporality: 0 });
  });
});

describe('decodeMetrics protobuf and JSON agree', () => {
  it('produces identical rows from both encodings', async () => {
    const { meter, collect } = memoryMeter();
    meter.createCounter('jobs').add(7, { queue: 'a' });
    meter.createHistogram('size.exp').record(12);
    const rm = await collect();
    expect(decodeMetrics(metricsJson(rm), 'json').rows).toEqual(decodeMetrics(metricsProtobuf(rm), 'protobuf').rows);
  });
});
