import { inflateGzipBody } from '../gzip-body';
import { decodeMetrics, decodeTraces, type OtlpContentType, undecodableMessage } from '../otlp';
import { type MetricBatch, metricBatch } from '../copy-text';
import { requestPayload } from '../payloads';
import { type SpanBatch, spanBatch } from '../span-batch';

// One export request, from the body as read to what the group commit takes. Runs on a decode thread
// (./threads.ts) or, with TAILWATCH_INGEST_DECODE_THREADS=0, on the event loop.
// - A gzip body is inflated first, under the body cap (gzip-body.ts).
// - Traces: decoded without details, the body kept (deflated) as the spans' payload, the rows encoded for COPY
//   and the request spans' rollup fields in columns. A gzip body of one member is stored as the deflate stream
//   it came in, not compressed again.
// - Metrics: decoded, the points written as COPY text lines (a few ~1 MB strings for the event loop to receive).

/** How the body came: gzipped or not, and the cap on its inflated size. */
export interface BodyEncoding {
  gzipped: boolean;
  maxBytes: number;
}
export const IDENTITY: BodyEncoding = { gzipped: false, maxBytes: Number.POSITIVE_INFINITY };

/** The COPY text a metrics request's points may expand to, per byte of the body cap. */
export const METRIC_TEXT_FACTOR = 16;

/** Not decodable at all: 400; 413 for a gzip body that inflates past the cap, or points that expand past theirs. */
export type Undecodable = { ok: false; status: 400 | 413; message: string };

export type SpanDecodeResult =
  | { ok: true; rejected: number; errorMessage: string; batch: SpanBatch | null } // null: no span accepted
  | Undecodable;

export type MetricDecodeResult =
  | { ok: true; rejected: number; errorMessage: string; batch: MetricBatch | null } // null: no point accepted
  | Undecodable;

export type DecodeResult = SpanDecodeResult | MetricDecodeResult;

/** One export request as read, of either signal (`body` is a Buffer here, a transferred Uint8Array to a thread). */
export interface ExportRequest<Body extends Uint8Array = Buffer> {
  signal: 'traces' | 'metrics';
  body: Body; // gzipped when encoding.gzipped
  type: OtlpContentType;
  encoding: BodyEncoding;
  projectId: number;
}

/** Decodes one export request on this thread: the one place a request's signal picks its decoder. */
export function decodeExportRequest(r: ExportRequest): DecodeResult {
  return r.signal === 'traces'
    ? decodeSpanRequest(r.body, r.type, r.projectId, r.encoding)
    : decodeMetricRequest(r.body, r.type, r.projectId, r.encoding);
}

type Inflated = { ok: true; body: Buffer; deflated: Buffer | null } | Undecodable;

function inflated(body: Buffer, encoding: BodyEncoding): Inflated {
  if (!encoding.gzipped) return { ok: true, body, deflated: null };
  const r = inflateGzipBody(body, encoding.maxBytes);
  if (r.ok) return r;
  return r.reason === 'too_large'
    ? { ok: false, status: 413, message: `Body larger than ${encoding.maxBytes} bytes (after decompression)` }
    : { ok: false, status: 400, message: 'Body is not valid gzip' };
}

export function decodeSpanRequest(
  body: Buffer,
  type: OtlpContentType,
  projectId: number,
  encoding: BodyEncoding = IDENTITY,
): SpanDecodeResult {
  const plain = inflated(body, encoding);
  if (!plain.ok) return plain;
  let decoded: ReturnType<typeof decodeTraces>;
  try {
    decoded = decodeTraces(plain.body, type, { details: false });
  } catch (err) {
    return { ok: false, status: 400, message: undecodableMessage(err) };
  }
  const batch =
    decoded.rows.length > 0
      ? spanBatch(projectId, decoded.rows, requestPayload(plain.body, type, plain.deflated))
      : null;
  return { ok: true, rejected: decoded.rejected, errorMessage: decoded.errorMessage, batch };
}

export function decodeMetricRequest(
  body: Buffer,
  type: OtlpContentType,
  projectId: number,
  encoding: BodyEncoding = IDENTITY,
): MetricDecodeResult {
  const plain = inflated(body, encoding);
  if (!plain.ok) return plain;
  let d: ReturnType<typeof decodeMetrics>;
  try {
    d = decodeMetrics(plain.body, type);
  } catch (err) {
    return { ok: false, status: 400, message: undecodableMessage(err) };
  }
  if (d.rows.length === 0) return { ok: true, rejected: d.rejected, errorMessage: d.errorMessage, batch: null };
  // Each point's line repeats its metric's name, unit and attributes, so a body of many tiny points with long
  // names expands many times over: bounded, so a request cannot take the memory of dozens of bodies.
  const maxChars = encoding.maxBytes * METRIC_TEXT_FACTOR;
  const batch = metricBatch(projectId, d.rows, maxChars);
  if (!batch)
    return {
      ok: false,
      status: 413,
      message: `Metric points expand to more than ${maxChars} bytes of rows (${METRIC_TEXT_FACTOR}x the body cap); send smaller batches`,
    };
  return { ok: true, rejected: d.rejected, errorMessage: d.errorMessage, batch };
}
