import { OtlpDecodeError } from './decode-error';

// Shared OTLP/JSON plumbing: body parsing, container shape checks and the scalar encodings the
// protobuf JSON mapping allows (int64 as number or decimal string, enums as integer or name).

export type JsonRecord = Record<string, unknown>;

export function isRecord(v: unknown): v is JsonRecord {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses the body and checks it is a JSON object; anything else is undecodable. */
export function parseJsonBody(body: Buffer): JsonRecord {
  let root: unknown;
  try {
    root = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new OtlpDecodeError('bad_json', `invalid JSON body: ${(error as Error).message}`, { cause: error });
  }
  if (!isRecord(root)) throw new OtlpDecodeError('bad_shape', 'OTLP/JSON body must be a JSON object');
  return root;
}

/**
 * A repeated container field (resourceSpans, scopeSpans...): absent means empty, anything but an
 * array of objects makes the request undecodable.
 */
export function containerList(parent: JsonRecord, key: string): JsonRecord[] {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new OtlpDecodeError('bad_shape', `"${key}" must be an array`);
  for (const item of v) {
    if (!isRecord(item)) throw new OtlpDecodeError('bad_shape', `"${key}" must contain objects`);
  }
  return v as JsonRecord[];
}

/** An item list (spans, dataPoints): absent means empty, null when not an array. */
export function itemList(parent: JsonRecord, key: string): unknown[] | null {
  const v = parent[key];
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : null;
}

const DECIMAL_INT = /^-?\d{1,20}$/;

/** int64/uint64 as number or decimal string; null when malformed. */
export function jsonInteger(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && DECIMAL_INT.test(v)) return Number(v);
  return null;
}

/** double as number, or the string forms the protobuf JSON mapping allows. */
export function jsonDouble(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return Number.NaN;
    if (v === 'Infinity') return Number.POSITIVE_INFINITY;
    if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
    const n = Number(v);
    return v.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Enum as integer (OTLP/JSON) or, leniently, by name; absent is 0. null when malformed. */
export function jsonEnum(v: unknown, names: readonly string[]): number | null {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v === 'string') {
    const i = names.indexOf(v);
    return i >= 0 ? i : null;
  }
  return null;
}

const HEX = /^[0-9a-fA-F]+$/;
const ZEROS = /^0+$/;

/** Lowercase hex id of `chars` length; '' when absent, wrong or all zero. */
export function jsonHexId(v: unknown, chars: number): string {
  if (typeof v !== 'string' || v.length !== chars || !HEX.test(v) || ZEROS.test(v)) return '';
  return v.toLowerCase();
}

export function jsonText(v: unknown): string | null {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : null;
}
