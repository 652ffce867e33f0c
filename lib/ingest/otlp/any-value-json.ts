import { type AttributeValue, sortedObjectJson } from './attribute-value';
import { OtlpDecodeError } from './decode-error';
import { isRecord, jsonDouble } from './json-body';
import { jsonNumber, jsonString } from './json-text';
import { OTLP_LIMITS } from './limits';

const DECIMAL_INT = /^-?\d{1,20}$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * An OTLP/JSON KeyValue ({key, value: AnyValue}) into `out`; returns the key, or null when the
 * pair is malformed (the item carrying it is then rejected).
 */
export function readJsonKeyValue(kv: unknown, out: AttributeValue, sortKeys: boolean): string | null {
  if (!isRecord(kv) || typeof kv.key !== 'string') return null;
  return readJsonAnyValue(kv.value, out, 0, sortKeys) ? kv.key : null;
}

function readJsonAnyValue(v: unknown, out: AttributeValue, depth: number, sortKeys: boolean): boolean {
  out.clear();
  if (v === undefined || v === null) return true;
  if (!isRecord(v)) return false;
  if (v.stringValue !== undefined) {
    if (typeof v.stringValue !== 'string') return false;
    out.scalar = v.stringValue;
    out.json = jsonString(v.stringValue);
    return true;
  }
  if (v.boolValue !== undefined) {
    if (typeof v.boolValue !== 'boolean') return false;
    out.scalar = v.boolValue;
    out.json = v.boolValue ? 'true' : 'false';
    return true;
  }
  if (v.intValue !== undefined) return readJsonInt(v.intValue, out);
  if (v.doubleValue !== undefined) {
    const n = jsonDouble(v.doubleValue);
    if (n === null) return false;
    out.scalar = n;
    out.json = jsonNumber(n);
    return true;
  }
  if (v.bytesValue !== undefined) {
    if (typeof v.bytesValue !== 'string') return false;
    out.json = jsonString(v.bytesValue);
    return true;
  }
  if (v.arrayValue !== undefined) return readJsonList(v.arrayValue, out, depth + 1, sortKeys, false);
  if (v.kvlistValue !== undefined) return readJsonList(v.kvlistValue, out, depth + 1, sortKeys, true);
  return true;
}

function readJsonInt(v: unknown, out: AttributeValue): boolean {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return false;
    out.scalar = v;
    out.json = String(v);
    return true;
  }
  if (typeof v !== 'string' || !DECIMAL_INT.test(v)) return false;
  const big = BigInt(v);
  if (big < INT64_MIN || big > INT64_MAX) return false;
  out.scalar = Number(v);
  out.json = big.toString(); // exact, even past 2^53
  return true;
}

function readJsonList(
  list: unknown,
  out: AttributeValue,
  depth: number,
  sortKeys: boolean,
  isObject: boolean,
): boolean {
  if (depth > OTLP_LIMITS.anyValueDepth) {
    throw new OtlpDecodeError('too_deep', `attribute values nest deeper than ${OTLP_LIMITS.anyValueDepth} levels`);
  }
  if (!isRecord(list)) return false;
  const items = list.values ?? [];
  if (!Array.isArray(items)) return false;
  const keys: string[] = [];
  const values: string[] = [];
  for (const item of items) {
    if (isObject) {
      if (!isRecord(item) || typeof item.key !== 'string') return false;
      if (!readJsonAnyValue(item.value, out, depth, sortKeys)) return false;
      keys.push(item.key);
    } else if (!readJsonAnyValue(item, out, depth, sortKeys)) {
      return false;
    }
    values.push(out.json);
  }
  out.scalar = null;
  if (!isObject) {
    out.json = `[${values.join(',')}]`;
  } else if (sortKeys) {
    out.json = sortedObjectJson(keys, values);
  } else {
    let json = '{';
    for (let i = 0; i < keys.length; i++) json += `${i > 0 ? ',' : ''}${jsonString(keys[i])}:${values[i]}`;
    out.json = `${json}}`;
  }
  return true;
}
