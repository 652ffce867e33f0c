import { AttributeValue, sortedObjectJson } from './attribute-value';
import { OtlpDecodeError } from './decode-error';
import { int64Text, jsonNumber, jsonString } from './json-text';
import { OTLP_LIMITS } from './limits';
import { knownFields, tagOf, WIRE_I64, WIRE_LEN, WIRE_VARINT, type WireReader } from './wire-reader';

// common/v1/common.proto: KeyValue {key 1, value 2}; AnyValue oneof {string 1, bool 2, int 3,
// double 4, array 5, kvlist 6, bytes 7}; ArrayValue/KeyValueList {values 1}.
const KV_KEY = tagOf(1, WIRE_LEN);
const KV_VALUE = tagOf(2, WIRE_LEN);
const KV_KNOWN = knownFields(1, 2);
const AV_STRING = tagOf(1, WIRE_LEN);
const AV_BOOL = tagOf(2, WIRE_VARINT);
const AV_INT = tagOf(3, WIRE_VARINT);
const AV_DOUBLE = tagOf(4, WIRE_I64);
const AV_ARRAY = tagOf(5, WIRE_LEN);
const AV_KVLIST = tagOf(6, WIRE_LEN);
const AV_BYTES = tagOf(7, WIRE_LEN);
const AV_KNOWN = knownFields(1, 2, 3, 4, 5, 6, 7);
const LIST_VALUES = tagOf(1, WIRE_LEN);
const LIST_KNOWN = knownFields(1);

/** Decodes one KeyValue message ending at `end`; returns the key and leaves the value in `out`. */
export function readKeyValue(r: WireReader, end: number, out: AttributeValue, sortKeys: boolean): string {
  let key = '';
  out.clear();
  while (r.pos < end) {
    const t = r.tag();
    if (t === KV_KEY) key = r.string(r.lengthEnd(end));
    else if (t === KV_VALUE) readAnyValue(r, r.lengthEnd(end), out, 0, sortKeys);
    else r.skip(t, end, KV_KNOWN);
  }
  r.assertAt(end);
  return key;
}

/** Decodes one AnyValue message ending at `end` into `out` (JSON text and scalar). */
export function readAnyValue(r: WireReader, end: number, out: AttributeValue, depth: number, sortKeys: boolean): void {
  out.clear();
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case AV_STRING: {
        const s = r.string(r.lengthEnd(end));
        out.scalar = s;
        out.json = jsonString(s);
        break;
      }
      case AV_BOOL: {
        const b = r.varint32() !== 0;
        out.scalar = b;
        out.json = b ? 'true' : 'false';
        break;
      }
      case AV_INT: {
        const n = r.varint64();
        out.scalar = n;
        out.json = Number.isSafeInteger(n) ? String(n) : int64Text(r.hi, r.lo);
        break;
      }
      case AV_DOUBLE: {
        const n = r.double();
        out.scalar = n;
        out.json = jsonNumber(n);
        break;
      }
      case AV_ARRAY:
        out.json = readList(r, r.lengthEnd(end), depth + 1, sortKeys, false);
        out.scalar = null;
        break;
      case AV_KVLIST:
        out.json = readList(r, r.lengthEnd(end), depth + 1, sortKeys, true);
        out.scalar = null;
        break;
      case AV_BYTES:
        out.json = `"${r.base64(r.lengthEnd(end))}"`;
        out.scalar = null;
        break;
      default:
        r.skip(t, end, AV_KNOWN);
    }
  }
  r.assertAt(end);
}

/** ArrayValue (`[...]`) or KeyValueList (`{...}`), both `repeated ... values = 1`. */
function readList(r: WireReader, end: number, depth: number, sortKeys: boolean, isObject: boolean): string {
  if (depth > OTLP_LIMITS.anyValueDepth) {
    throw new OtlpDecodeError('too_deep', `attribute values nest deeper than ${OTLP_LIMITS.anyValueDepth} levels`);
  }
  const item = new AttributeValue();
  const keys: string[] = [];
  const values: string[] = [];
  while (r.pos < end) {
    const t = r.tag();
    if (t !== LIST_VALUES) {
      r.skip(t, end, LIST_KNOWN);
      continue;
    }
    const itemEnd = r.lengthEnd(end);
    if (isObject) {
      item.clear();
      let key = '';
      while (r.pos < itemEnd) {
        const kt = r.tag();
        if (kt === KV_KEY) key = r.string(r.lengthEnd(itemEnd));
        else if (kt === KV_VALUE) readAnyValue(r, r.lengthEnd(itemEnd), item, depth, sortKeys);
        else r.skip(kt, itemEnd, KV_KNOWN);
      }
      r.assertAt(itemEnd);
      keys.push(key);
    } else {
      readAnyValue(r, itemEnd, item, depth, sortKeys);
    }
    values.push(item.json);
  }
  r.assertAt(end);
  if (!isObject) return `[${values.join(',')}]`;
  if (sortKeys) return sortedObjectJson(keys, values);
  let json = '{';
  for (let i = 0; i < keys.length; i++) json += `${i > 0 ? ',' : ''}${jsonString(keys[i])}:${values[i]}`;
  return `${json}}`;
}
