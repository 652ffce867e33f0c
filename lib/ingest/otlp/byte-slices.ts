// Buffer's per-encoding slice methods skip toString's argument normalisation, which dominates for
// the short strings telemetry is made of. They are undocumented, so fall back to toString.
interface SliceMethods {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

const proto = Buffer.prototype as Partial<SliceMethods>;
const HAS_SLICES = typeof proto.utf8Slice === 'function' && typeof proto.latin1Slice === 'function';

export function utf8Slice(buf: Buffer, start: number, end: number): string {
  return HAS_SLICES ? (buf as Buffer & SliceMethods).utf8Slice(start, end) : buf.toString('utf8', start, end);
}

/** For bytes known to be ASCII (cheaper than UTF-8 decoding). */
export function latin1Slice(buf: Buffer, start: number, end: number): string {
  return HAS_SLICES ? (buf as Buffer & SliceMethods).latin1Slice(start, end) : buf.toString('latin1', start, end);
}
