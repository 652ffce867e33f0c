import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'bad_gzip' | 'aborted' };

/**
 * Reads a request body of at most `maxBytes` on the wire, then (for gzip) inflates it with zlib's own
 * running output limit: inflation stops as soon as the output would pass `maxBytes`, so a gzip bomb
 * never allocates more than the cap. A declared Content-Length over the cap is refused unread.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, gzipped: boolean): Promise<BodyResult> {
  const raw = await readRaw(req, maxBytes);
  if (!raw.ok || !gzipped) return raw;
  return new Promise((resolve) => {
    gunzip(raw.body, { maxOutputLength: maxBytes }, (err, out) => {
      if (!err) return resolve({ ok: true, body: out });
      const code = (err as NodeJS.ErrnoException).code;
      resolve({ ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'bad_gzip' });
    });
  });
}

function readRaw(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ ok: false, reason: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ ok: false, reason: 'too_large' });
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ ok: true, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    req.once('error', () => finish({ ok: false, reason: 'aborted' }));
    req.once('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}
