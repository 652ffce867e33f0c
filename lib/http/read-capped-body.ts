import type { IncomingMessage } from 'node:http';

export type CappedBody = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' };

// Shared by the fast-path endpoints (OTLP ingest, feedback), which read bodies without Next.

// A client refused for its body size is usually still sending it. Closing the connection then makes the
// kernel answer its next bytes with a reset, and the client sees a network error instead of the 413 (and an
// OTLP exporter retries the same batch). So the rest of the body is read and dropped, up to DISCARD_FACTOR
// times the cap or DISCARD_MS, whichever comes first; past that the connection is destroyed. Answer the 413
// without `Connection: close`, or Node closes the socket as soon as the answer is written.
export const DISCARD_FACTOR = 4;
export const DISCARD_MS = 10_000;

/** Reads and drops the rest of a refused request's body, within the bounds above. */
function discardRest(req: IncomingMessage, maxBytes: number): void {
  const limit = DISCARD_FACTOR * maxBytes;
  let seen = 0;
  const stop = () => {
    clearTimeout(timer);
    req.off('data', onData);
    req.socket.destroy();
  };
  const onData = (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > limit) stop();
  };
  const timer = setTimeout(stop, DISCARD_MS);
  timer.unref();
  req.on('data', onData);
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.resume();
}

/**
 * Reads a request body of at most `maxBytes`: a declared Content-Length over the cap is refused
 * before reading, a streamed body as soon as it crosses the cap (the rest is then dropped, see above).
 */
export function readCappedBody(req: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardRest(req, maxBytes);
    return Promise.resolve({ ok: false, reason: 'too_large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: CappedBody) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        finish({ ok: false, reason: 'too_large' });
        return discardRest(req, maxBytes);
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    req.once('error', () => finish({ ok: false, reason: 'aborted' }));
    req.once('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}
