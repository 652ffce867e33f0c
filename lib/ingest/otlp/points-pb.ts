import { readKeyValue } from './any-value-pb';
import type { AttributeValue } from './attribute-value';
import type { PointDraft } from './point-draft';
import { knownFields, tagOf, WIRE_I64, WIRE_LEN, WIRE_VARINT, type WireReader } from './wire-reader';

// metrics/v1/metrics.proto data points. Repeated numeric fields may arrive packed (LEN) or not.
const NUM_ATTRIBUTES = tagOf(7, WIRE_LEN);
const NUM_START = tagOf(2, WIRE_I64);
const NUM_TIME = tagOf(3, WIRE_I64);
const NUM_AS_DOUBLE = tagOf(4, WIRE_I64);
const NUM_AS_INT = tagOf(6, WIRE_I64);
const NUM_KNOWN = knownFields(2, 3, 4, 6, 7);

const HIST_ATTRIBUTES = tagOf(9, WIRE_LEN);
const HIST_COUNT = tagOf(4, WIRE_I64);
const HIST_SUM = tagOf(5, WIRE_I64);
const HIST_BUCKETS_PACKED = tagOf(6, WIRE_LEN);
const HIST_BUCKETS_ONE = tagOf(6, WIRE_I64);
const HIST_BOUNDS_PACKED = tagOf(7, WIRE_LEN);
const HIST_BOUNDS_ONE = tagOf(7, WIRE_I64);
const HIST_MIN = tagOf(11, WIRE_I64);
const HIST_MAX = tagOf(12, WIRE_I64);
const HIST_KNOWN = knownFields(2, 3, 4, 5, 6, 7, 9, 11, 12);

const EXP_ATTRIBUTES = tagOf(1, WIRE_LEN);
const EXP_SCALE = tagOf(6, WIRE_VARINT);
const EXP_ZERO_COUNT = tagOf(7, WIRE_I64);
const EXP_POSITIVE = tagOf(8, WIRE_LEN);
const EXP_NEGATIVE = tagOf(9, WIRE_LEN);
const EXP_MIN = tagOf(12, WIRE_I64);
const EXP_MAX = tagOf(13, WIRE_I64);
const EXP_KNOWN = knownFields(1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13);

const BUCKETS_OFFSET = tagOf(1, WIRE_VARINT);
const BUCKETS_COUNTS_PACKED = tagOf(2, WIRE_LEN);
const BUCKETS_COUNTS_ONE = tagOf(2, WIRE_VARINT);
const BUCKETS_KNOWN = knownFields(1, 2);

/** NumberDataPoint (gauge and sum). */
export function readNumberPoint(r: WireReader, end: number, p: PointDraft, value: AttributeValue): void {
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case NUM_ATTRIBUTES:
        p.addAttribute(readKeyValue(r, r.lengthEnd(end), value, true), value);
        break;
      case NUM_START:
        r.fixed64();
        p.startTime.setFixed64(r.hi, r.lo);
        break;
      case NUM_TIME:
        r.fixed64();
        p.time.setFixed64(r.hi, r.lo);
        break;
      case NUM_AS_DOUBLE:
        p.value = r.double();
        break;
      case NUM_AS_INT:
        p.value = r.sfixed64();
        break;
      default:
        r.skip(t, end, NUM_KNOWN);
    }
  }
  r.assertAt(end);
}

/** HistogramDataPoint (explicit buckets). */
export function readHistogramPoint(r: WireReader, end: number, p: PointDraft, value: AttributeValue): void {
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case HIST_ATTRIBUTES:
        p.addAttribute(readKeyValue(r, r.lengthEnd(end), value, true), value);
        break;
      case NUM_START:
        r.fixed64();
        p.startTime.setFixed64(r.hi, r.lo);
        break;
      case NUM_TIME:
        r.fixed64();
        p.time.setFixed64(r.hi, r.lo);
        break;
      case HIST_COUNT:
        p.count = r.fixed64();
        break;
      case HIST_SUM:
        p.sum = r.double();
        break;
      case HIST_BUCKETS_PACKED:
        readPackedI64(r, r.lengthEnd(end), p.bucketCounts, false);
        break;
      case HIST_BUCKETS_ONE:
        p.bucketCounts.push(r.fixed64());
        break;
      case HIST_BOUNDS_PACKED:
        readPackedI64(r, r.lengthEnd(end), p.explicitBounds, true);
        break;
      case HIST_BOUNDS_ONE:
        p.explicitBounds.push(r.double());
        break;
      case HIST_MIN:
        p.min = r.double();
        break;
      case HIST_MAX:
        p.max = r.double();
        break;
      default:
        r.skip(t, end, HIST_KNOWN);
    }
  }
  r.assertAt(end);
}

/** ExponentialHistogramDataPoint. */
export function readExpHistogramPoint(r: WireReader, end: number, p: PointDraft, value: AttributeValue): void {
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case EXP_ATTRIBUTES:
        p.addAttribute(readKeyValue(r, r.lengthEnd(end), value, true), value);
        break;
      case NUM_START:
        r.fixed64();
        p.startTime.setFixed64(r.hi, r.lo);
        break;
      case NUM_TIME:
        r.fixed64();
        p.time.setFixed64(r.hi, r.lo);
        break;
      case HIST_COUNT:
        p.count = r.fixed64();
        break;
      case HIST_SUM:
        p.sum = r.double();
        break;
      case EXP_SCALE:
        p.expScale = r.sint32();
        break;
      case EXP_ZERO_COUNT:
        p.expZeroCount = r.fixed64();
        break;
      case EXP_POSITIVE:
        p.expPositiveCounts = [];
        p.expPositiveOffset = readBuckets(r, r.lengthEnd(end), p.expPositiveCounts);
        break;
      case EXP_NEGATIVE:
        p.expNegativeCounts = [];
        p.expNegativeOffset = readBuckets(r, r.lengthEnd(end), p.expNegativeCounts);
        break;
      case EXP_MIN:
        p.min = r.double();
        break;
      case EXP_MAX:
        p.max = r.double();
        break;
      default:
        r.skip(t, end, EXP_KNOWN);
    }
  }
  r.assertAt(end);
}

/** ExponentialHistogramDataPoint.Buckets; fills `counts`, returns the offset. */
function readBuckets(r: WireReader, end: number, counts: number[]): number {
  let offset = 0;
  while (r.pos < end) {
    const t = r.tag();
    if (t === BUCKETS_OFFSET) offset = r.sint32();
    else if (t === BUCKETS_COUNTS_ONE) counts.push(r.varint64());
    else if (t === BUCKETS_COUNTS_PACKED) {
      const listEnd = r.lengthEnd(end);
      while (r.pos < listEnd) counts.push(r.varint64());
      r.assertAt(listEnd);
    } else r.skip(t, end, BUCKETS_KNOWN);
  }
  r.assertAt(end);
  return offset;
}

/** Packed fixed64 (counts) or double (bounds) values. */
function readPackedI64(r: WireReader, end: number, out: number[], asDouble: boolean): void {
  if ((end - r.pos) % 8 !== 0) r.fail('truncated', 'packed 64-bit field length is not a multiple of 8');
  while (r.pos < end) out.push(asDouble ? r.double() : r.fixed64());
}
