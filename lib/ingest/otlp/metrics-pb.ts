import type { Decoded, MetricKind, MetricPointRow } from '../rows';
import { AttributeValue } from './attribute-value';
import { headerReason, type MetricHeader, PointDraft } from './point-draft';
import { readExpHistogramPoint, readHistogramPoint, readNumberPoint } from './points-pb';
import { RejectTally } from './reject-tally';
import { EMPTY_RESOURCE, type ResourceIdentity } from './resource';
import { readResource } from './resource-pb';
import { knownFields, tagOf, WIRE_LEN, WIRE_VARINT, WireReader } from './wire-reader';

// collector/metrics/v1/metrics_service.proto and metrics/v1/metrics.proto.
const REQ_RESOURCE_METRICS = tagOf(1, WIRE_LEN);
const REQ_KNOWN = knownFields(1);
const RM_RESOURCE = tagOf(1, WIRE_LEN);
const RM_SCOPE_METRICS = tagOf(2, WIRE_LEN);
const RM_RESOURCE_KNOWN = knownFields(1); // each pass checks the wire type of the field it reads
const RM_SCOPE_KNOWN = knownFields(2);
const SM_METRICS = tagOf(2, WIRE_LEN);
const SM_KNOWN = knownFields(2);
const METRIC_NAME = tagOf(1, WIRE_LEN);
const METRIC_UNIT = tagOf(3, WIRE_LEN);
const METRIC_GAUGE = tagOf(5, WIRE_LEN);
const METRIC_SUM = tagOf(7, WIRE_LEN);
const METRIC_HISTOGRAM = tagOf(9, WIRE_LEN);
const METRIC_EXP_HISTOGRAM = tagOf(10, WIRE_LEN);
const METRIC_SUMMARY = tagOf(11, WIRE_LEN);
const METRIC_KNOWN = knownFields(1, 3, 5, 7, 9, 10, 11);
// Gauge, Sum, Histogram, ExponentialHistogram, Summary: data_points 1, aggregation_temporality 2,
// is_monotonic 3 (Sum only).
const DATA_POINTS = tagOf(1, WIRE_LEN);
const DATA_TEMPORALITY = tagOf(2, WIRE_VARINT);
const DATA_MONOTONIC = tagOf(3, WIRE_VARINT);
const DATA_HEADER_KNOWN = knownFields(2, 3);
const DATA_POINTS_KNOWN = knownFields(1);

const KIND_BY_TAG = new Map<number, MetricKind>([
  [METRIC_GAUGE, 'gauge'],
  [METRIC_SUM, 'sum'],
  [METRIC_HISTOGRAM, 'histogram'],
  [METRIC_EXP_HISTOGRAM, 'exp_histogram'],
]);

class MetricsContext {
  readonly rows: MetricPointRow[] = [];
  readonly tally = new RejectTally();
  readonly point = new PointDraft();
  readonly value = new AttributeValue();
}

/** Decodes an ExportMetricsServiceRequest; throws OtlpDecodeError when the body is not one. */
export function decodeMetricsProtobuf(body: Buffer): Decoded<MetricPointRow> {
  const r = new WireReader(body);
  const ctx = new MetricsContext();
  const end = body.length;
  while (r.pos < end) {
    const t = r.tag();
    if (t === REQ_RESOURCE_METRICS) readResourceMetrics(r, r.lengthEnd(end), ctx);
    else r.skip(t, end, REQ_KNOWN);
  }
  r.assertAt(end);
  return { rows: ctx.rows, rejected: ctx.tally.total, errorMessage: ctx.tally.summary('data point', 'data points') };
}

function readResourceMetrics(r: WireReader, end: number, ctx: MetricsContext): void {
  const start = r.pos;
  let resource = EMPTY_RESOURCE;
  while (r.pos < end) {
    const t = r.tag();
    if (t === RM_RESOURCE) resource = readResource(r, r.lengthEnd(end), ctx.value);
    else r.skip(t, end, RM_RESOURCE_KNOWN);
  }
  r.assertAt(end);
  r.pos = start;
  while (r.pos < end) {
    const t = r.tag();
    if (t !== RM_SCOPE_METRICS) {
      r.skip(t, end, RM_SCOPE_KNOWN);
      continue;
    }
    const scopeEnd = r.lengthEnd(end);
    while (r.pos < scopeEnd) {
      const st = r.tag();
      if (st === SM_METRICS) readMetric(r, r.lengthEnd(scopeEnd), ctx, resource);
      else r.skip(st, scopeEnd, SM_KNOWN);
    }
    r.assertAt(scopeEnd);
  }
}

function readMetric(r: WireReader, end: number, ctx: MetricsContext, resource: ResourceIdentity): void {
  let name = '';
  let unit = '';
  let dataTag = 0;
  let dataStart = 0;
  let dataEnd = 0;
  // The data oneof may precede name/unit on the wire: note where it is, decode it last.
  while (r.pos < end) {
    const t = r.tag();
    if (t === METRIC_NAME) name = r.string(r.lengthEnd(end));
    else if (t === METRIC_UNIT) unit = r.string(r.lengthEnd(end));
    else if (KIND_BY_TAG.has(t) || t === METRIC_SUMMARY) {
      dataEnd = r.lengthEnd(end);
      dataStart = r.pos;
      dataTag = t;
      r.pos = dataEnd;
    } else r.skip(t, end, METRIC_KNOWN);
  }
  r.assertAt(end);
  if (dataTag === 0) return;
  r.pos = dataStart;
  if (dataTag === METRIC_SUMMARY) {
    ctx.tally.add('summary unsupported', countPoints(r, dataEnd));
  } else {
    const header: MetricHeader = {
      name,
      unit,
      kind: KIND_BY_TAG.get(dataTag) ?? 'gauge',
      temporality: 0,
      isMonotonic: false,
      resource,
    };
    readData(r, dataEnd, ctx, header);
  }
  r.pos = end;
}

/** Gauge/Sum/Histogram/ExponentialHistogram body: header fields first, then every point. */
function readData(r: WireReader, end: number, ctx: MetricsContext, h: MetricHeader): void {
  const start = r.pos;
  while (r.pos < end) {
    const t = r.tag();
    if (t === DATA_TEMPORALITY) h.temporality = r.varint32();
    else if (t === DATA_MONOTONIC) h.isMonotonic = r.varint32() !== 0;
    else r.skip(t, end, h.kind === 'gauge' ? 0 : DATA_HEADER_KNOWN);
  }
  r.assertAt(end);
  if (h.kind !== 'sum') h.isMonotonic = false;
  if (h.kind === 'gauge') h.temporality = 0;
  const rejection = headerReason(h);
  const p = ctx.point;
  r.pos = start;
  while (r.pos < end) {
    const t = r.tag();
    if (t !== DATA_POINTS) {
      r.skip(t, end, DATA_POINTS_KNOWN);
      continue;
    }
    const pointEnd = r.lengthEnd(end);
    p.reset();
    if (h.kind === 'histogram') readHistogramPoint(r, pointEnd, p, ctx.value);
    else if (h.kind === 'exp_histogram') readExpHistogramPoint(r, pointEnd, p, ctx.value);
    else readNumberPoint(r, pointEnd, p, ctx.value);
    p.finish(h, rejection, ctx.rows, ctx.tally);
  }
}

function countPoints(r: WireReader, end: number): number {
  let n = 0;
  while (r.pos < end) {
    const t = r.tag();
    if (t === DATA_POINTS) n++;
    r.skip(t, end, 0);
  }
  r.assertAt(end);
  return n;
}
