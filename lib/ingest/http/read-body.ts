import type { IncomingMessage } from 'node:http';
import { gunzip } from 'node:zlib';
import { readCappedBody } from '../../http/read-capped-body';

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'bad_gzip' | 'aborted' };

/**
 * Reads a request body of at most `maxBytes` on the wire, then (for gzip) inflates it with zlib's own
 * running output limit: inflation stops as soon as the output would pass `maxBytes`, so a gzip bomb
 * never allocates more than the cap. A declared Content-Length over the cap is refused unread.
 */
export async function readBody(req: IncomingMessage, maxBytes: number, gzipped: boolean): Promise<BodyResult> {
  const raw = await readCappedBody(req, maxBytes);
  if (!raw.ok || !gzipped) return raw;
  return new Promise((resolve) => {
    gunzip(raw.body, { maxOutputLength: maxBytes }, (err, out) => {
      if (!err) return resolve({ ok: true, body: out });
      const code = (err as NodeJS.ErrnoException).code;
      resolve({ ok: false, reason: code === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'bad_gzip' });
    });
  });
}
