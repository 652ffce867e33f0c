import { utf8Slice } from './byte-slices';
import { OtlpDecodeError } from './decode-error';
import { int64Text, jsonNumber } from './json-text';
import type { JsonWriter } from './json-writer';
import { OTLP_LIMITS } from './limits';
import { knownFields, type WireReader } from './wire-reader';

// Protobuf KeyValue/AnyValue (common/v1/common.proto) straight into JSON bytes. Tags are literal so
// the switch compiles to a jump table: (field << 3) | wire type.
const KV_KNOWN = knownFields(1, 2);
const AV_KNOWN = knownFields(1, 2, 3, 4, 5, 6, 7);
const LIST_KNOWN = knownFields(1);

/** Byte ranges of the KeyValue last scanned (-1 when absent). */
export class PairRange {
  keyStart = -1;
  keyEnd = -1;
  valueStart = -1;
  valueEnd = -1;
}

/** Finds a KeyValue's key and value (either order on the wire) without decoding them. */
export function scanPair(r: WireReader, end: number, out: PairRange): void {
  out.keyStart = out.keyEnd = out.valueStart = out.valueEnd = -1;
  while (r.pos < end) {
    const t = r.tag();
    if (t === 10) {
      out.keyEnd = r.lengthEnd(end);
      out.keyStart = r.pos;
      r.pos = out.keyEnd;
    } else if (t === 18) {
      out.valueEnd = r.lengthEnd(end);
      out.valueStart = r.pos;
      r.pos = out.valueEnd;
    } else r.skip(t, end, KV_KNOWN);
  }
  r.assertAt(end);
}

/**
 * Recognises the usual attribute bytes: {key (tag 10), value (tag 18) {one scalar field}}, one-byte
 * lengths, in wire order. Fills `out` and returns the scalar's tag (10 string, 16 bool, 24 int,
 * 33 double), its payload starting after that tag; 0 means: use scanPair.
 */
export function simplePair(buf: Buffer, start: number, end: number, out: PairRange): number {
  if (start + 5 > end || buf[start] !== 10 || buf[start + 1] >= 0x80) return 0;
  const keyEnd = start + 2 + buf[start + 1];
  if (keyEnd + 3 > end || buf[keyEnd] !== 18 || keyEnd + 2 + buf[keyEnd + 1] !== end) return 0;
  const valueStart = keyEnd + 2;
  const tag = buf[valueStart];
  if (tag === 10) {
    if (buf[valueStart + 1] >= 0x80 || valueStart + 2 + buf[valueStart + 1] !== end) return 0;
  } else if (tag === 24 || tag === 16) {
    let i = valueStart + 1;
    while (i < end - 1 && buf[i] >= 0x80) i++;
    if (i !== end - 1 || buf[i] >= 0x80 || end - valueStart > 11) return 0;
  } else if (tag !== 33 || valueStart + 9 !== end) return 0;
  out.keyStart = start + 2;
  out.keyEnd = keyEnd;
  out.valueStart = valueStart;
  out.valueEnd = end;
  return tag;
}

/** `"key":value` for a scanned pair; leaves r.pos at `end`. */
export function writePair(r: WireReader, end: number, pair: PairRange, w: JsonWriter, depth: number): void {
  if (pair.keyStart < 0) w.ascii('""');
  else w.stringFromBytes(r.buf, pair.keyStart, pair.keyEnd);
  w.byte(0x3a);
  if (pair.valueStart < 0) w.ascii('null');
  else {
    r.pos = pair.valueStart;
    writeAnyValue(r, pair.valueEnd, w, depth);
  }
  r.pos = end;
}

/** True when the scanned key is over the key cap (counted in characters, like the JSON path). */
export function keyTooLong(r: WireReader, pair: PairRange): boolean {
  const bytes = pair.keyEnd - pair.keyStart;
  return (
    bytes > OTLP_LIMITS.attributeKeyChars &&
    utf8Slice(r.buf, pair.keyStart, pair.keyEnd).length > OTLP_LIMITS.attributeKeyChars
  );
}

function writeAnyValue(r: WireReader, end: number, w: JsonWriter, depth: number): void {
  const mark = w.len;
  let seen = false;
  while (r.pos < end) {
    const t = r.tag();
    if (t === 10 || t === 16 || t === 24 || t === 33 || t === 42 || t === 50 || t === 58) {
      if (seen) w.len = mark; // a repeated oneof member: the last one wins
      seen = true;
    }
    switch (t) {
      case 10: {
        // string_value
        const e = r.lengthEnd(end);
        w.stringFromBytes(r.buf, r.pos, e);
        r.pos = e;
        break;
      }
      case 16: // bool_value
        w.ascii(r.varint32() !== 0 ? 'true' : 'false');
        break;
      case 24: {
        // int_value
        const n = r.varint64();
        w.ascii(Number.isSafeInteger(n) ? String(n) : int64Text(r.hi, r.lo));
        break;
      }
      case 33: // double_value
        w.ascii(jsonNumber(r.double()));
        break;
      case 42: // array_value
        writeList(r, r.lengthEnd(end), w, depth + 1, false);
        break;
      case 50: // kvlist_value
        writeList(r, r.lengthEnd(end), w, depth + 1, true);
        break;
      case 58: {
        // bytes_value, base64 as in OTLP/JSON
        const e = r.lengthEnd(end);
        w.byte(0x22);
        w.ascii(r.buf.toString('base64', r.pos, e));
        w.byte(0x22);
        r.pos = e;
        break;
      }
      default:
        r.skip(t, end, AV_KNOWN);
    }
  }
  r.assertAt(end);
  if (!seen) w.ascii('null');
}

/** ArrayValue as `[...]` or KeyValueList as `{...}` (both `repeated values = 1`). */
function writeList(r: WireReader, end: number, w: JsonWriter, depth: number, isObject: boolean): void {
  if (depth > OTLP_LIMITS.anyValueDepth) {
    throw new OtlpDecodeError('too_deep', `attribute values nest deeper than ${OTLP_LIMITS.anyValueDepth} levels`);
  }
  w.byte(isObject ? 0x7b : 0x5b);
  const pair = isObject ? new PairRange() : null;
  let count = 0;
  while (r.pos < end) {
    const t = r.tag();
    if (t !== 10) {
      r.skip(t, end, LIST_KNOWN);
      continue;
    }
    const itemEnd = r.lengthEnd(end);
    if (count++ > 0) w.byte(0x2c);
    if (pair === null) writeAnyValue(r, itemEnd, w, depth);
    else {
      scanPair(r, itemEnd, pair);
      writePair(r, itemEnd, pair, w, depth);
    }
  }
  r.assertAt(end);
  w.byte(isObject ? 0x7d : 0x5d);
}
