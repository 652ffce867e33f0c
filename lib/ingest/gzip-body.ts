import zlib from 'node:zlib';

// A gzip request body (Content-Encoding: gzip, what an OpenTelemetry Collector sends by default), inflated under
// the body cap. A gzip file is a header, one raw deflate stream, and a trailer (CRC-32 and length of the
// inflated bytes); the stored payloads are raw deflate streams (payloads.ts). So when the body is exactly one
// such member, its deflate stream is the payload as it came: the request body is not compressed a second time.
// Anything else gzip allows (several members, bytes after the member) is inflated as a whole by zlib's gunzip,
// as before, and the payload is deflated from the result.

export type InflatedBody =
  | { ok: true; body: Buffer; deflated: Buffer | null } // deflated: the raw deflate stream of `body`, when it is one
  | { ok: false; reason: 'too_large' | 'bad_gzip' };

const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
const TRAILER = 8;

/** Length of the gzip member header at the start of `gz` (RFC 1952 2.3), or -1 when it is not a valid one. */
export function gzipHeaderLength(gz: Buffer): number {
  if (gz.length < 10 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 8) return -1;
  const flags = gz[3];
  if (flags & 0xe0) return -1; // reserved bits must be zero
  let at = 10;
  if (flags & FEXTRA) {
    if (at + 2 > gz.length) return -1;
    at += 2 + gz.readUInt16LE(at);
  }
  for (const flag of [FNAME, FCOMMENT]) {
    if (!(flags & flag)) continue;
    const end = gz.indexOf(0, at);
    if (end < 0) return -1;
    at = end + 1;
  }
  if (flags & FHCRC) {
    // The low 16 bits of the CRC-32 of the header before it (zlib refuses a mismatch, so do we).
    if (at + 2 > gz.length || gz.readUInt16LE(at) !== (zlib.crc32(gz.subarray(0, at)) & 0xffff)) return -1;
    at += 2;
  }
  return at <= gz.length ? at : -1;
}

const zlibCode = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** Inflates gzip body `gz` to at most `maxBytes`: a larger result (a gzip bomb) stops inflating at the cap. */
export function inflateGzipBody(gz: Buffer, maxBytes: number): InflatedBody {
  const at = gzipHeaderLength(gz);
  if (at >= 0) {
    const stream = gz.subarray(at);
    try {
      const { buffer, engine } = zlib.inflateRawSync(stream, { maxOutputLength: maxBytes, info: true }) as unknown as {
        buffer: Buffer;
        engine: { bytesWritten: number };
      };
      const used = engine.bytesWritten; // input bytes the deflate stream took
      if (stream.length - used === TRAILER) {
        const crc = gz.readUInt32LE(gz.length - 8);
        const size = gz.readUInt32LE(gz.length - 4);
        if (zlib.crc32(buffer) !== crc || size !== buffer.length % 2 ** 32) return { ok: false, reason: 'bad_gzip' };
        return { ok: true, body: buffer, deflated: stream.subarray(0, used) };
      }
    } catch (err) {
      if (zlibCode(err) === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'too_large' };
      // Anything else: gunzip below decides, with its own reason.
    }
  }
  try {
    return { ok: true, body: zlib.gunzipSync(gz, { maxOutputLength: maxBytes }), deflated: null };
  } catch (err) {
    return { ok: false, reason: zlibCode(err) === 'ERR_BUFFER_TOO_LARGE' ? 'too_large' : 'bad_gzip' };
  }
}
