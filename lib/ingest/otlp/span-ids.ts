import { latin1Slice } from './byte-slices';
import type { SpanDraft } from './span-draft';
import type { WireReader } from './wire-reader';

/** Offset of an id of `size` bytes ending at `end`, or -1 when its length is wrong or it is all zero. */
export function validId(r: WireReader, end: number, size: number): number {
  const at = r.pos;
  r.pos = end;
  return end - at === size && !isZero(r.buf, at, end) ? at : -1;
}

export function isZero(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (buf[i] !== 0) return false;
  return true;
}

const HEX_DIGITS = Buffer.from('0123456789abcdef');
const idText = Buffer.allocUnsafe(64);

/** Lowercase hex ids from one decode (three native calls cost more than the shared one). */
export function setIds(buf: Buffer, span: SpanDraft, traceAt: number, spanAt: number, parentAt: number): void {
  const spanOffset = hexInto(buf, traceAt, 16, 0);
  const parentOffset = hexInto(buf, spanAt, 8, spanOffset);
  const all = latin1Slice(idText, 0, hexInto(buf, parentAt, 8, parentOffset));
  span.traceId = traceAt < 0 ? '' : all.slice(0, 32);
  span.spanId = spanAt < 0 ? '' : all.slice(spanOffset, spanOffset + 16);
  span.parentSpanId = parentAt < 0 ? '' : all.slice(parentOffset, parentOffset + 16);
}

/** Writes hex of buf[at, at + size) into idText at p (nothing when at < 0); returns the new end. */
function hexInto(buf: Buffer, at: number, size: number, p: number): number {
  if (at < 0) return p;
  for (let i = at; i < at + size; i++) {
    idText[p++] = HEX_DIGITS[buf[i] >>> 4];
    idText[p++] = HEX_DIGITS[buf[i] & 15];
  }
  return p;
}
