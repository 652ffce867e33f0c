import { ValueType } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  type MetricData,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeMetrics, OTLP_LIMITS } from './index';
import { memoryMeter, metricsJson, metricsProtobuf } from './test-fixtures';

const T0: [number, number] = [1_760_000_000, 0];
const T1: [number, number] = [1_760_000_060, 500_000];

function descriptor(name: string, valueType = ValueType.DOUBLE) {
  return { name, description: '', unit: '1', valueType };
}

/** Hand-made MetricData the SDK would never aggregate, serialised by the real serializers. */
const METRICS: MetricData[] = [
  {
    descriptor: descriptor('ok.gauge', ValueType.INT),
    aggregationTemporality: AggregationTemporality.DELTA,
    dataPointType: DataPointType.GAUGE,
    dataPoints: [
      { startTime: T0, endTime: T1, attributes: { z: 1, a: 'x' }, value: -40 },
      { startTime: [0, 0], endTime: [0, 0], attributes: {}, value: 1 },
    ],
  },
  {
    descriptor: descriptor('bad.histogram'),
    aggregationTemporality: AggregationTemporality.DELTA,
    dataPointType: DataPointType.HISTOGRAM,
    dataPoints: [
      {
        startTime: T0,
        endTime: T1,
        attributes: {},
        value: { buckets: { boundaries: [1, 2], counts: [1, 1] }, count: 2, sum: 3, min: 1, max: 2 },
      },
    ],
  },
  {
    descriptor: descriptor(''),
    aggregationTemporality: AggregationTemporality.DELTA,
    dataPointType: DataPointType.SUM,
    isMonotonic: true,
    dataPoints: [
      { startTime: T0, endTime: T1, attributes: {}, value: 1 },
      { startTime: T0, endTime: T1, attributes: { b: 1 }, value: 2 },
    ],
  },
  {
    descriptor: { ...descriptor('long.unit'), unit: 'u'.repeat(OTLP_LIMITS.unitChars + 1) },
    aggregationTemporality: AggregationTemporality.DELTA,
    dataPointType: DataPointType.GAUGE,
    dataPoints: [{ startTime: T0, endTime: T1, attributes: {}, value: 1 }],
  },
  {
    descriptor: descriptor('signed.exp'),
    aggregationTemporality: AggregationTemporality.DELTA,
    dataPointType: DataPointType.EXPONENTIAL_HISTOGRAM,
    dataPoints: [
      {
        startTime: T0,
        endTime: T1,
        attributes: {},
        value: {
          count: 6,
          sum: -3,
          scale: -2,
          zeroCount: 1,
          positive: { offset: 0, bucketCounts: [1, 0, 2] },
          negative: { offset: -3, bucketCounts: [2] },
        },
      },
    ],
  },
];

describe.each([
  ['protobuf', metricsProtobuf],
  ['json', metricsJson],
] as const)('decodeMetrics (%s) partial rejection', (format, serialize) => {
  let rm: ResourceMetrics;

  beforeAll(async () => {
    const collected = await memoryMeter().collect();
    rm = { resource: collected.resource, scopeMetrics: [{ scope: { name: 'handmade' }, metrics: METRICS }] };
  });

  it('rejects invalid points and metrics, keeping the valid ones', () => {
    const decoded = decodeMetrics(serialize(rm), format);
    expect(decoded.rows.map((r) => r.name)).toEqual(['ok.gauge', 'signed.exp']);
    expect(decoded.rejected).toBe(5);
    expect(decoded.errorMessage).toBe(
      '5 data points rejected: zero time (1), bucket count mismatch (1), missing metric name (2), unit too long (1)',
    );
  });

  it('rejects points with U+0000 in their attributes or name (jsonb and text cannot hold it); a literal backslash-u0000 is fine', () => {
    const gauge = (attributes: Record<string, string>) => ({
      descriptor: descriptor('nul.gauge'),
      aggregationTemporality: AggregationTemporality.DELTA,
      dataPointType: DataPointType.GAUGE,
      dataPoints: [{ startTime: T0, endTime: T1, attributes, value: 1 }],
    });
    const named = { ...gauge({}), descriptor: descriptor('nul\u0000name') };
    const metrics = [gauge({ q: 'a\u0000b' }), gauge({ q: 'a\\u0000b' }), gauge({ ['k\u0000']: 'x' }), named];
    const body = serialize({ ...rm, scopeMetrics: [{ scope: { name: 'nul' }, metrics: metrics as MetricData[] }] });
    const decoded = decodeMetrics(body, format);
    expect(decoded.rows.map((r) => r.attributesJson)).toEqual(['{"q":"a\\\\u0000b"}']);
    expect(decoded.errorMessage).toBe(
      '3 data points rejected: U+0000 or lone surrogate in attributes (2), NUL character in text (1)',
    );
  });

  it('decodes int gauges, delta temporality and signed exponential buckets', () => {
    const [gauge, exp] = decodeMetrics(serialize(rm), format).rows;
    expect(gauge).toMatchObject({
      kind: 'gauge',
      value: -40,
      temporality: 0,
      attributesJson: '{"a":"x","z":1}',
      startTimeMs: 1_760_000_000_000,
    });
    expect(gauge.timeMs).toBe(1_760_000_060_000.5);
    expect(exp).toMatchObject({
      kind: 'exp_histogram',
      temporality: 1,
      count: 6,
      sum: -3,
      min: null,
      max: null,
      expScale: -2,
      expZeroCount: 1,
      expPositiveOffset: 0,
      expPositiveCounts: [1, 0, 2],
      expNegativeOffset: -3,
      expNegativeCounts: [2],
    });
  });
});

describe('decodeMetrics OTLP/JSON specifics', () => {
  const body = (metrics: unknown[]) =>
    Buffer.from(JSON.stringify({ resourceMetrics: [{ scopeMetrics: [{ metrics }] }] }));

  it('accepts int64 as decimal strings and enums by name', () => {
    const { rows } = decodeMetrics(
      body([
        {
          name: 'c',
          sum: {
            aggregationTemporality: 'AGGREGATION_TEMPORALITY_DELTA',
            isMonotonic: true,
            dataPoints: [
              {
                timeUnixNano: '1760000000000001000',
                asInt: '9007199254740993',
                attributes: [{ key: 'n', value: { intValue: '9007199254740993' } }],
              },
            ],
          },
        },
      ]),
      'json',
    );
    expect(rows[0]).toMatchObject({
      kind: 'sum',
      temporality: 1,
      timeMs: 1_760_000_000_000.001,
      service: 'unknown_service',
      startTimeMs: 0,
    });
    expect(rows[0].attributesJson).toBe('{"n":9007199254740993}');
  });

  it('counts summaries as unsupported and malformed points as rejected', () => {
    const point = { timeUnixNano: '1760000000000000000', asDouble: 1 };
    const decoded = decodeMetrics(
      body([
        { name: 's', summary: { dataPoints: [point, point] } },
        {
          name: 'g',
          gauge: { dataPoints: [point, { ...point, asDouble: 'x' }, 7, { ...point, asDouble: undefined }] },
        },
      ]),
      'json',
    );
    expect(decoded.rows).toHaveLength(1);
    expect(decoded.errorMessage).toBe(
      '5 data points rejected: summary unsupported (2), malformed data point (2), missing value (1)',
    );
  });
});

describe('decodeMetrics (json) lone surrogates', () => {
  it('rejects a point whose attributes hold a lone surrogate (jsonb refuses it); a surrogate pair is fine', async () => {
    const collected = await memoryMeter().collect();
    const gauge = (attributes: Record<string, string>) => ({
      descriptor: descriptor('surrogate.gauge'),
      aggregationTemporality: AggregationTemporality.DELTA,
      dataPointType: DataPointType.GAUGE,
      dataPoints: [{ startTime: T0, endTime: T1, attributes, value: 1 }],
    });
    const metrics = [gauge({ q: 'a\ud800b' }), gauge({ q: 'rocket 🚀' })] as MetricData[];
    const rm = { resource: collected.resource, scopeMetrics: [{ scope: { name: 'surrogates' }, metrics }] };
    const decoded = decodeMetrics(metricsJson(rm), 'json');
    expect(decoded.rows.map((r) => r.attributesJson)).toEqual(['{"q":"rocket 🚀"}']);
    expect(decoded.errorMessage).toBe('1 data point rejected: U+0000 or lone surrogate in attributes (1)');
  });
});
