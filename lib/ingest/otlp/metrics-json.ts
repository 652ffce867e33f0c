import type { Decoded, MetricKind, MetricPointRow } from '../rows';
import { readJsonKeyValue } from './any-value-json';
import { AttributeValue } from './attribute-value';
import { OtlpDecodeError } from './decode-error';
import {
  containerList,
  isRecord,
  itemList,
  type JsonRecord,
  jsonDouble,
  jsonEnum,
  jsonInteger,
  jsonText,
  parseJsonBody,
} from './json-body';
import { headerReason, type MetricHeader, PointDraft } from './point-draft';
import { RejectTally } from './reject-tally';
import type { ResourceIdentity } from './resource';
import { readJsonResource } from './resource-json';

const TEMPORALITIES = [
  'AGGREGATION_TEMPORALITY_UNSPECIFIED',
  'AGGREGATION_TEMPORALITY_DELTA',
  'AGGREGATION_TEMPORALITY_CUMULATIVE',
] as const;
const DATA_KEYS: ReadonlyArray<[string, MetricKind]> = [
  ['gauge', 'gauge'],
  ['sum', 'sum'],
  ['histogram', 'histogram'],
  ['exponentialHistogram', 'exp_histogram'],
];
const MALFORMED = 'malformed data point';

/** Decodes an OTLP/JSON ExportMetricsServiceRequest; throws OtlpDecodeError when the body is not one. */
export function decodeMetricsJson(body: Buffer): Decoded<MetricPointRow> {
  const root = parseJsonBody(body);
  const rows: MetricPointRow[] = [];
  const tally = new RejectTally();
  const point = new PointDraft();
  const value = new AttributeValue();
  for (const rm of containerList(root, 'resourceMetrics')) {
    const resource = readJsonResource(rm.resource, value);
    for (const sm of containerList(rm, 'scopeMetrics')) {
      for (const metric of containerList(sm, 'metrics')) readMetric(metric, resource, { rows, tally, point, value });
    }
  }
  return { rows, rejected: tally.total, errorMessage: tally.summary('data point', 'data points') };
}

interface JsonMetricsContext {
  rows: MetricPointRow[];
  tally: RejectTally;
  point: PointDraft;
  value: AttributeValue;
}

function readMetric(m: JsonRecord, resource: ResourceIdentity, ctx: JsonMetricsContext): void {
  if (isRecord(m.summary)) {
    const points = itemList(m.summary, 'dataPoints');
    ctx.tally.add('summary unsupported', points === null ? 1 : points.length);
    return;
  }
  const found = DATA_KEYS.find(([key]) => m[key] !== undefined && m[key] !== null);
  if (found === undefined) return;
  const [key, kind] = found;
  const data = m[key];
  const points = isRecord(data) ? itemList(data, 'dataPoints') : null;
  if (!isRecord(data) || points === null)
    throw new OtlpDecodeError('bad_shape', `"${key}" must hold a dataPoints array`);
  const name = jsonText(m.name);
  const unit = jsonText(m.unit);
  const temporality = kind === 'gauge' ? 0 : jsonEnum(data.aggregationTemporality, TEMPORALITIES);
  const monotonic = data.isMonotonic ?? false;
  if (name === null || unit === null || temporality === null || typeof monotonic !== 'boolean') {
    ctx.tally.add(MALFORMED, points.length);
    return;
  }
  const header: MetricHeader = { name, unit, kind, temporality, isMonotonic: kind === 'sum' && monotonic, resource };
  const rejection = headerReason(header);
  for (const item of points) {
    ctx.point.reset();
    if (isRecord(item) && fillPoint(item, kind, ctx.point, ctx.value))
      ctx.point.finish(header, rejection, ctx.rows, ctx.tally);
    else ctx.tally.add(MALFORMED);
  }
}

function fillPoint(d: JsonRecord, kind: MetricKind, p: PointDraft, value: AttributeValue): boolean {
  if (!p.time.setJson(d.timeUnixNano) || !p.startTime.setJson(d.startTimeUnixNano)) return false;
  const attributes = itemList(d, 'attributes');
  if (attributes === null) return false;
  for (const kv of attributes) {
    const key = readJsonKeyValue(kv, value, true);
    if (key === null) return false;
    p.addAttribute(key, value);
  }
  if (kind === 'gauge' || kind === 'sum') {
    if (d.asDouble !== undefined && d.asDouble !== null) p.value = jsonDouble(d.asDouble);
    else if (d.asInt !== undefined && d.asInt !== null) p.value = jsonInteger(d.asInt);
    return p.value !== null || (d.asDouble === undefined && d.asInt === undefined);
  }
  const count = optionalNumber(d.count, jsonInteger);
  const sum = optionalNumber(d.sum, jsonDouble);
  const min = optionalNumber(d.min, jsonDouble);
  const max = optionalNumber(d.max, jsonDouble);
  if (count === undefined || sum === undefined || min === undefined || max === undefined) return false;
  p.count = count ?? 0;
  p.sum = sum;
  p.min = min;
  p.max = max;
  if (kind === 'histogram') {
    const counts = numberList(d.bucketCounts, jsonInteger);
    const bounds = numberList(d.explicitBounds, jsonDouble);
    if (counts === null || bounds === null) return false;
    p.bucketCounts = counts;
    p.explicitBounds = bounds;
    return true;
  }
  const scale = jsonInteger(d.scale ?? 0);
  const zeroCount = jsonInteger(d.zeroCount ?? 0);
  if (scale === null || zeroCount === null) return false;
  p.expScale = scale;
  p.expZeroCount = zeroCount;
  return fillBuckets(d.positive, p, true) && fillBuckets(d.negative, p, false);
}

function fillBuckets(b: unknown, p: PointDraft, positive: boolean): boolean {
  if (b === undefined || b === null) return true;
  if (!isRecord(b)) return false;
  const offset = jsonInteger(b.offset ?? 0);
  const counts = numberList(b.bucketCounts, jsonInteger);
  if (offset === null || counts === null) return false;
  if (positive) {
    p.expPositiveOffset = offset;
    p.expPositiveCounts = counts;
  } else {
    p.expNegativeOffset = offset;
    p.expNegativeCounts = counts;
  }
  return true;
}

/** Absent -> null; present but malformed -> undefined (the point is rejected). */
function optionalNumber(v: unknown, parse: (v: unknown) => number | null): number | null | undefined {
  if (v === undefined || v === null) return null;
  return parse(v) ?? undefined;
}

function numberList(v: unknown, parse: (v: unknown) => number | null): number[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return null;
  const out: number[] = [];
  for (const item of v) {
    const n = parse(item);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}
