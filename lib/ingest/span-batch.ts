import { BinaryRows, writeHex } from './copy-binary';
import { dayNumber, startMicros } from './copy-text';
import type { SpanPayload } from './payloads';
import type { SpanRow } from './rows';

// One export request's spans as the group commit and the rollup flush take them: binary COPY rows for
// telemetry.spans, the UTC days they fall on, and the request spans' rollup fields in columns. Built where the
// request is decoded (a decode thread, see decode/threads.ts), so the event loop that serves HTTP and talks to
// PostgreSQL neither encodes rows nor holds one object per span. Typed arrays move between threads without a
// copy; the series names are the only strings, once per distinct series.

/** The request spans (SERVER and CONSUMER) of one batch, column by column. */
export interface RequestSpans {
  count: number;
  startUs: Float64Array; // start in integer microseconds, as stored (rollup buckets must match PostgreSQL)
  durationMs: Float64Array;
  isError: Uint8Array; // 1 or 0
  series: Uint32Array; // per span: its series, an index into `names` / SERIES_FIELDS
  names: string[]; // per series: service, environment, release, route, method
  ids: Uint8Array; // per span ID_BYTES bytes: trace id (16) then span id (8)
}

export const SERIES_FIELDS = 5;
export const ID_BYTES = 24;

/** One request's spans, ready for the group commit. */
export interface SpanBatch {
  projectId: number;
  payload: SpanPayload; // the request body the rows name (their details stay there)
  spanCount: number;
  rows: Buffer; // binary COPY rows in SPAN_COLUMNS order, no header or trailer
  days: number[]; // distinct UTC day numbers (days since 1970-01-01) of the spans' starts
  requests: RequestSpans;
}

export const SPAN_COLUMNS =
  'project_id, trace_id, span_id, parent_span_id, start_time, duration_ms, name, kind, status_code, status_message, service, release, environment, route, method, http_status, is_request, is_error, payload_id';
const SPAN_FIELDS = 19;

/** Rows of telemetry.spans (SPAN_COLUMNS order) for `rows`, naming payload `payloadId`. */
export function encodeSpanRows(out: BinaryRows, projectId: number, rows: readonly SpanRow[], payloadId: number): void {
  for (const r of rows) {
    out.row(SPAN_FIELDS);
    out.int4(projectId);
    out.hexBytes(r.traceId);
    out.hexBytes(r.spanId);
    if (r.parentSpanId === '') out.null();
    else out.hexBytes(r.parentSpanId);
    out.timestampMicros(startMicros(r.startMs));
    out.float8(r.durationMs);
    out.text(r.name);
    out.int2(r.kind);
    out.int2(r.statusCode);
    out.text(r.statusMessage);
    out.text(r.service);
    out.text(r.release);
    out.text(r.environment);
    out.text(r.route);
    out.text(r.method);
    out.int4(r.httpStatus | 0);
    out.bool(r.isRequest);
    out.bool(r.isError);
    out.int8(payloadId);
  }
}

/** Writes hex id `hex` (exactly `bytes` bytes) at `at`; throws on anything else (a short id would shift the rest). */
function putHex(out: Uint8Array, at: number, hex: string, bytes: number): void {
  if (hex.length !== bytes * 2) throw new TypeError(`not a ${bytes}-byte hex id: ${JSON.stringify(hex.slice(0, 40))}`);
  if (!writeHex(out, at, hex, bytes)) throw new TypeError(`not a hex id: ${JSON.stringify(hex.slice(0, 40))}`);
}

/** The request spans among `rows`, in columns. */
export function requestSpans(rows: readonly SpanRow[]): RequestSpans {
  let count = 0;
  for (const r of rows) if (r.isRequest) count++;
  const out: RequestSpans = {
    count,
    startUs: new Float64Array(count),
    durationMs: new Float64Array(count),
    isError: new Uint8Array(count),
    series: new Uint32Array(count),
    names: [],
    ids: new Uint8Array(count * ID_BYTES),
  };
  // Series by resource (service, environment, release: the same strings for every span of a resource), then
  // by route and method. NUL cannot occur in these (the decoders reject it), so it separates safely.
  const byResource = new Map<string, Map<string, number>>();
  let service: string | null = null;
  let environment = '';
  let release = '';
  let ofResource = new Map<string, number>();
  let i = 0;
  for (const r of rows) {
    if (!r.isRequest) continue;
    if (r.service !== service || r.environment !== environment || r.release !== release) {
      service = r.service;
      environment = r.environment;
      release = r.release;
      const key = `${service}\u0000${environment}\u0000${release}`;
      let m = byResource.get(key);
      if (!m) {
        m = new Map();
        byResource.set(key, m);
      }
      ofResource = m;
    }
    const key = `${r.route}\u0000${r.method}`;
    let s = ofResource.get(key);
    if (s === undefined) {
      s = out.names.length / SERIES_FIELDS;
      ofResource.set(key, s);
      out.names.push(service, environment, release, r.route, r.method);
    }
    out.series[i] = s;
    out.startUs[i] = startMicros(r.startMs);
    out.durationMs[i] = r.durationMs;
    out.isError[i] = r.isError ? 1 : 0;
    putHex(out.ids, i * ID_BYTES, r.traceId, 16);
    putHex(out.ids, i * ID_BYTES + 16, r.spanId, 8);
    i++;
  }
  return out;
}

/** The spans at `indexes` (ascending) of `spans`. */
export function selectSpans(spans: RequestSpans, indexes: readonly number[]): RequestSpans {
  const n = indexes.length;
  const out: RequestSpans = {
    count: n,
    startUs: new Float64Array(n),
    durationMs: new Float64Array(n),
    isError: new Uint8Array(n),
    series: new Uint32Array(n),
    names: spans.names,
    ids: new Uint8Array(n * ID_BYTES),
  };
  for (let j = 0; j < n; j++) {
    const i = indexes[j];
    out.startUs[j] = spans.startUs[i];
    out.durationMs[j] = spans.durationMs[i];
    out.isError[j] = spans.isError[i];
    out.series[j] = spans.series[i];
    out.ids.set(spans.ids.subarray(i * ID_BYTES, (i + 1) * ID_BYTES), j * ID_BYTES);
  }
  return out;
}

/** Trace id then span id of request span `i`, as hex (48 characters). */
export function spanKeyHex(spans: RequestSpans, i: number): string {
  return Buffer.from(spans.ids.buffer, spans.ids.byteOffset + i * ID_BYTES, ID_BYTES).toString('hex');
}

/** Trace id of request span `i`, as hex. */
export function traceIdHex(spans: RequestSpans, i: number): string {
  return Buffer.from(spans.ids.buffer, spans.ids.byteOffset + i * ID_BYTES, 16).toString('hex');
}

/** A batch of decoded rows and their payload: what the decode thread hands over (also tools and tests). */
export function spanBatch(projectId: number, rows: readonly SpanRow[], payload: SpanPayload): SpanBatch {
  const out = new BinaryRows(rows.length * 160 + 64);
  encodeSpanRows(out, projectId, rows, payload.id);
  const days = new Set<number>();
  let last = Number.NaN;
  for (const r of rows) {
    const day = dayNumber(r.startMs);
    if (day === last) continue;
    days.add(day);
    last = day;
  }
  return {
    projectId,
    payload,
    spanCount: rows.length,
    rows: out.bytes(),
    days: [...days],
    requests: requestSpans(rows),
  };
}
