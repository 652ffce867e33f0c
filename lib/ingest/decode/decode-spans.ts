import { decodeTraces, type OtlpContentType, undecodableMessage } from '../otlp';
import { requestPayload } from '../payloads';
import { type SpanBatch, spanBatch } from '../span-batch';

// One trace export request, from body to what the group commit takes: decoded (without details), its body
// deflated as the spans' payload, the rows encoded for COPY and the request spans' rollup fields in columns.
// Runs on a decode thread (./threads.ts) or, with TAILWATCH_INGEST_DECODE_THREADS=0, on the event loop.

export type SpanDecodeResult =
  | { ok: true; rejected: number; errorMessage: string; batch: SpanBatch | null } // null: no span accepted
  | { ok: false; message: string }; // not decodable at all: 400

export function decodeSpanRequest(body: Buffer, type: OtlpContentType, projectId: number): SpanDecodeResult {
  let decoded: ReturnType<typeof decodeTraces>;
  try {
    decoded = decodeTraces(body, type, { details: false });
  } catch (err) {
    return { ok: false, message: undecodableMessage(err) };
  }
  const batch = decoded.rows.length > 0 ? spanBatch(projectId, decoded.rows, requestPayload(body, type)) : null;
  return { ok: true, rejected: decoded.rejected, errorMessage: decoded.errorMessage, batch };
}
