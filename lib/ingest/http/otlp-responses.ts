import type { ServerResponse } from 'node:http';
import type { OtlpContentType } from '../otlp';

// OTLP/HTTP response bodies, encoded in the request's content type: Export*ServiceResponse on success
// (with partial_success when items were rejected) and google.rpc.Status on errors. Both messages are tiny,
// so they are written by hand (field 1 varint/message, field 2 string).

export type Signal = 'traces' | 'metrics';

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v > 0x7f) {
    out.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

const lenField = (field: number, bytes: Buffer) =>
  Buffer.concat([Buffer.from([(field << 3) | 2, ...varint(bytes.length)]), bytes]);
const varintField = (field: number, n: number) => Buffer.from([(field << 3) | 0, ...varint(n)]);

/** `{1: int (omitted when 0), 2: string (omitted when empty)}`: both Status and *PartialSuccess have this shape. */
function pair(n: number, message: string): Buffer {
  const parts: Buffer[] = [];
  if (n !== 0) parts.push(varintField(1, n));
  if (message) parts.push(lenField(2, Buffer.from(message, 'utf8')));
  return Buffer.concat(parts);
}

const CONTENT_TYPE: Record<OtlpContentType, string> = { protobuf: 'application/x-protobuf', json: 'application/json' };

function send(
  res: ServerResponse,
  status: number,
  type: OtlpContentType,
  body: Buffer,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': CONTENT_TYPE[type], 'content-length': body.length, ...headers });
  res.end(body);
}

/** 200: ExportTraceServiceResponse / ExportMetricsServiceResponse, partial_success only when something was rejected. */
export function sendExportResponse(
  res: ServerResponse,
  type: OtlpContentType,
  signal: Signal,
  rejected: number,
  message: string,
) {
  if (type === 'protobuf') {
    return send(res, 200, type, rejected > 0 || message ? lenField(1, pair(rejected, message)) : Buffer.alloc(0));
  }
  const field = signal === 'traces' ? 'rejectedSpans' : 'rejectedDataPoints';
  const body = rejected > 0 || message ? { partialSuccess: { [field]: String(rejected), errorMessage: message } } : {};
  return send(res, 200, type, Buffer.from(JSON.stringify(body)));
}

// google.rpc.Code values for the statuses we answer with.
const RPC_CODE: Record<number, number> = { 400: 3, 401: 16, 413: 3, 415: 3, 429: 8, 503: 14 };

/** An error status with a google.rpc.Status body (JSON when the request's type is unknown). */
export function sendStatus(
  res: ServerResponse,
  status: number,
  type: OtlpContentType | null,
  message: string,
  headers: Record<string, string> = {},
) {
  const t = type ?? 'json';
  const code = RPC_CODE[status] ?? 2;
  const body = t === 'protobuf' ? pair(code, message) : Buffer.from(JSON.stringify({ code, message }));
  send(res, status, t, body, headers);
}
