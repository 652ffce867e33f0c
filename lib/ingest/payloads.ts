import zlib from 'node:zlib';
import { decodeTraces, type OtlpContentType } from './otlp';
import type { SpanRow } from './rows';

// Span details (attributes, resource, events) are not columns of telemetry.spans: each export request's body
// is stored once in telemetry.span_payloads and every span row names its payload. The trace view decodes
// the payloads of a trace's spans again, with details, and matches spans by trace and span id.

export const PAYLOAD_FORMAT = {
  protobuf: 1, // an OTLP/HTTP ExportTraceServiceRequest (after any gzip), raw-deflate compressed
  json: 2, // the same in OTLP/JSON, raw-deflate compressed
  details: 3, // {"spans":[{traceId, spanId, attributes, resource, events}]}, plain: rows stored without a request
} as const;
export type PayloadFormat = (typeof PAYLOAD_FORMAT)[keyof typeof PAYLOAD_FORMAT];

export interface SpanPayload {
  /** Random, not unique: a collision only makes the trace view decode one more payload. */
  id: number;
  format: PayloadFormat;
  body: Buffer;
}

export interface SpanDetails {
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  events: unknown[];
}

/** A random 53-bit payload id (not a secret; Math.random is enough). */
export function payloadId(): number {
  return Math.floor(Math.random() * 2 ** 53);
}

// Level 1: ~56 us for a 40 KB body of 100 SDK spans here, ~6x smaller; PostgreSQL then writes (and WAL-logs)
// a sixth of the bytes (uncompressed bodies cost ~25% of the acknowledged spans/s). Synchronous on purpose:
// zlib's async API took more event-loop time per call (60-80 us: stream and thread-pool hand-off) than this.
const DEFLATE = { level: 1 };

/**
 * The body of an OTLP export request (as decoded), compressed: `deflated` when the request came as that raw
 * deflate stream already (a gzip body of one member, see gzip-body.ts), else deflated here. A client's stream
 * under 2x smaller than the body (gzip level 0 stores the bytes as they are) is deflated here as well, and the
 * smaller of the two kept.
 */
export function requestPayload(
  body: Buffer,
  contentType: OtlpContentType,
  deflated: Buffer | null = null,
): SpanPayload {
  let stored = deflated;
  if (stored === null || stored.length * 2 > body.length) {
    const own = zlib.deflateRawSync(body, DEFLATE);
    if (stored === null || own.length < stored.length) stored = own;
  }
  return {
    id: payloadId(),
    format: contentType === 'protobuf' ? PAYLOAD_FORMAT.protobuf : PAYLOAD_FORMAT.json,
    body: stored,
  };
}

/** The details of rows decoded with them (tools and tests that store rows without a request body). */
export function detailsPayload(rows: readonly SpanRow[]): SpanPayload {
  const spans = rows.map(
    (r) =>
      `{"traceId":"${r.traceId}","spanId":"${r.spanId}","attributes":${r.attributesJson || '{}'},"resource":${r.resourceJson || '{}'},"events":${r.eventsJson || '[]'}}`,
  );
  return { id: payloadId(), format: PAYLOAD_FORMAT.details, body: Buffer.from(`{"spans":[${spans.join(',')}]}`) };
}

/** Whether the payload is an export request body (decodable to span rows), not stored details. */
export const isRequestPayload = (format: number) =>
  format === PAYLOAD_FORMAT.protobuf || format === PAYLOAD_FORMAT.json;

/** The span rows of a stored export request (formats 1, 2), decoded as at ingest; throws for other formats. */
function decodeRequestPayload(format: number, body: Buffer, details: boolean): SpanRow[] {
  if (!isRequestPayload(format)) throw new Error(`payload format ${format} holds no export request`);
  const type: OtlpContentType = format === PAYLOAD_FORMAT.protobuf ? 'protobuf' : 'json';
  return decodeTraces(zlib.inflateRawSync(body), type, { details }).rows;
}

/** The span rows of a stored export request, as the ingest path decoded them (without details). */
export function payloadSpanRows(format: number, body: Buffer): SpanRow[] {
  return decodeRequestPayload(format, body, false);
}

/**
 * The details of the spans of one trace in a stored payload, by span id (only that trace's spans are parsed).
 * Throws on a body it cannot decode or a format it does not know.
 */
export function payloadDetails(format: number, body: Buffer, traceId: string): Map<string, SpanDetails> {
  const out = new Map<string, SpanDetails>();
  if (format === PAYLOAD_FORMAT.details) {
    const parsed = JSON.parse(body.toString('utf8')) as {
      spans: ({ traceId: string; spanId: string } & SpanDetails)[];
    };
    for (const s of parsed.spans) {
      if (s.traceId !== traceId) continue;
      out.set(s.spanId, { attributes: s.attributes, resource: s.resource, events: s.events });
    }
    return out;
  }
  for (const r of decodeRequestPayload(format, body, true)) {
    if (r.traceId !== traceId) continue;
    out.set(r.spanId, {
      attributes: JSON.parse(r.attributesJson),
      resource: JSON.parse(r.resourceJson),
      events: JSON.parse(r.eventsJson),
    });
  }
  return out;
}
