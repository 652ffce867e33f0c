import { parentPort } from 'node:worker_threads';
import type { SpanBatch } from '../span-batch';
import { decodeExportRequest, type ExportRequest } from './decode-request';

// The decode thread's message loop (started by ./thread.mjs). Each request comes with its body in a buffer of
// its own; a span batch's typed arrays are transferred back, not copied (a metric batch is a few strings).

export interface DecodeRequest extends ExportRequest<Uint8Array> {
  id: number;
}

/**
 * An array that owns its whole buffer, copied when it does not: transferring a view would detach whatever else
 * shares its buffer (small Buffers share a pool).
 */
function owned<T extends Uint8Array | Float64Array | Uint32Array>(a: T): T {
  if (a.byteOffset === 0 && a.byteLength === a.buffer.byteLength) return a;
  const copy =
    a instanceof Float64Array
      ? new Float64Array(a.length)
      : a instanceof Uint32Array
        ? new Uint32Array(a.length)
        : new Uint8Array(a.length);
  copy.set(a);
  return copy as T;
}

function transferable(b: SpanBatch): ArrayBuffer[] {
  b.rows = owned(b.rows);
  b.payload.body = owned(b.payload.body);
  const r = b.requests;
  r.startUs = owned(r.startUs);
  r.durationMs = owned(r.durationMs);
  r.isError = owned(r.isError);
  r.series = owned(r.series);
  r.ids = owned(r.ids);
  return [b.rows, b.payload.body, r.startUs, r.durationMs, r.isError, r.series, r.ids].map(
    (a) => a.buffer as ArrayBuffer,
  );
}

const port = parentPort;
if (!port) throw new Error('the decode thread runs as a worker thread');
port.on('message', (m: DecodeRequest) => {
  try {
    const body = Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
    const result = decodeExportRequest({ ...m, body });
    const spans = result.ok && result.batch && 'payload' in result.batch ? result.batch : null;
    port.postMessage({ id: m.id, result }, spans ? transferable(spans) : []);
  } catch (err) {
    port.postMessage({ id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
