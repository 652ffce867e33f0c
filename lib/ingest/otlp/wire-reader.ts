import { OtlpDecodeError } from './decode-error';
import { internString } from './string-intern';

// Protobuf wire primitives over one request body. Decoders walk messages with `while (r.pos < end)`
// and switch on whole tags, so the hot path allocates nothing but the strings it keeps.

export const WIRE_VARINT = 0;
export const WIRE_I64 = 1;
export const WIRE_LEN = 2;
export const WIRE_I32 = 5;

/** The tag value a field arrives with: (field number << 3) | wire type. */
export function tagOf(field: number, wire: number): number {
  return field * 8 + wire;
}

/**
 * Bit mask of the field numbers (all < 31) a decoder reads: one of them arriving with another wire
 * type is an error; fields a decoder ignores are skipped whatever their wire type.
 */
export function knownFields(...fields: number[]): number {
  let mask = 0;
  for (const f of fields) mask |= 1 << f;
  return mask;
}

const TWO_32 = 4294967296;

export class WireReader {
  readonly buf: Buffer;
  pos = 0;
  /** Halves of the last fixed64 / 64-bit varint read, for callers that need the exact value. */
  lo = 0;
  hi = 0;

  constructor(buf: Buffer) {
    this.buf = buf;
  }

  fail(code: 'truncated' | 'bad_varint' | 'bad_tag', detail: string): never {
    throw new OtlpDecodeError(code, `invalid protobuf body: ${detail} at byte ${this.pos}`);
  }

  tag(): number {
    const buf = this.buf;
    const p = this.pos;
    let t: number;
    if (p < buf.length && buf[p] < 0x80) {
      t = buf[p];
      this.pos = p + 1;
    } else {
      t = this.varint32();
    }
    if (t < 8) this.fail('bad_tag', 'field number 0');
    return t;
  }

  /** A varint's low 32 bits, unsigned (enums, bools, uint32, lengths, tags). */
  varint32(): number {
    const buf = this.buf;
    let p = this.pos;
    if (p + 10 > buf.length) return this.varint32Slow();
    let b = buf[p++];
    let v = b & 0x7f;
    if (b >= 0x80) {
      b = buf[p++];
      v |= (b & 0x7f) << 7;
      if (b >= 0x80) {
        b = buf[p++];
        v |= (b & 0x7f) << 14;
        if (b >= 0x80) {
          b = buf[p++];
          v |= (b & 0x7f) << 21;
          if (b >= 0x80) {
            b = buf[p++];
            v |= (b & 0x0f) << 28;
            // Bytes 6..10 only carry bits above 32: skip them, but a varint ends by byte 10.
            let extra = 0;
            while (b >= 0x80) {
              if (++extra > 5) {
                this.pos = p;
                this.fail('bad_varint', 'varint longer than 10 bytes');
              }
              b = buf[p++];
            }
          }
        }
      }
    }
    this.pos = p;
    return v >>> 0;
  }

  private varint32Slow(): number {
    const buf = this.buf;
    let p = this.pos;
    let v = 0;
    for (let i = 0; i < 10; i++) {
      if (p >= buf.length) {
        this.pos = p;
        this.fail('truncated', 'varint runs past the end');
      }
      const b = buf[p++];
      if (i < 4) v |= (b & 0x7f) << (7 * i);
      else if (i === 4) v |= (b & 0x0f) << 28;
      if (b < 0x80) {
        this.pos = p;
        return v >>> 0;
      }
    }
    this.pos = p;
    return this.fail('bad_varint', 'varint longer than 10 bytes');
  }

  /** A (two's complement) int64 varint as a double; exact halves are left in lo/hi. */
  varint64(): number {
    const buf = this.buf;
    let p = this.pos;
    let lo = 0;
    let hi = 0;
    let done = false;
    for (let i = 0; i < 10; i++) {
      if (p >= buf.length) {
        this.pos = p;
        this.fail('truncated', 'varint runs past the end');
      }
      const b = buf[p++];
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= bits << 28;
        hi = bits >>> 4;
      } else hi |= bits << (7 * i - 32);
      if (b < 0x80) {
        done = true;
        break;
      }
    }
    this.pos = p;
    if (!done) this.fail('bad_varint', 'varint longer than 10 bytes');
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
    return signed64(this.hi, this.lo);
  }

  /** zigzag-encoded sint32. */
  sint32(): number {
    const v = this.varint32();
    return (v >>> 1) ^ -(v & 1);
  }

  /** fixed64 as an unsigned double; exact halves are left in lo/hi. */
  fixed64(): number {
    const buf = this.buf;
    const p = this.pos;
    if (p + 8 > buf.length) this.fail('truncated', 'fixed64 runs past the end');
    this.lo = (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
    this.hi = (buf[p + 4] | (buf[p + 5] << 8) | (buf[p + 6] << 16) | (buf[p + 7] << 24)) >>> 0;
    this.pos = p + 8;
    return this.hi * TWO_32 + this.lo;
  }

  sfixed64(): number {
    this.fixed64();
    return signed64(this.hi, this.lo);
  }

  double(): number {
    const p = this.pos;
    if (p + 8 > this.buf.length) this.fail('truncated', 'double runs past the end');
    this.pos = p + 8;
    return this.buf.readDoubleLE(p);
  }

  fixed32(): number {
    const buf = this.buf;
    const p = this.pos;
    if (p + 4 > buf.length) this.fail('truncated', 'fixed32 runs past the end');
    this.pos = p + 4;
    return (buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24)) >>> 0;
  }

  /** Reads a length prefix and returns where the field ends; it must fit inside `limit`. */
  lengthEnd(limit: number): number {
    const len = this.varint32();
    const end = this.pos + len;
    if (end > limit) this.fail('truncated', `length ${len} runs past its message`);
    return end;
  }

  /** UTF-8 text up to `end` (short strings are interned: names and keys repeat). */
  string(end: number): string {
    const s = internString(this.buf, this.pos, end);
    this.pos = end;
    return s;
  }

  base64(end: number): string {
    const s = this.buf.toString('base64', this.pos, end);
    this.pos = end;
    return s;
  }

  /** Skips a field the caller did not match; a field number in `known` here means a wrong wire type. */
  skip(tag: number, limit: number, known: number): void {
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field < 31 && ((known >>> field) & 1) === 1) {
      throw new OtlpDecodeError(
        'wire_type_mismatch',
        `invalid protobuf body: field ${field} has unexpected wire type ${wire} at byte ${this.pos}`,
      );
    }
    switch (wire) {
      case WIRE_VARINT:
        this.varint32();
        return;
      case WIRE_I64:
        if (this.pos + 8 > limit) this.fail('truncated', 'fixed64 runs past its message');
        this.pos += 8;
        return;
      case WIRE_LEN:
        this.pos = this.lengthEnd(limit);
        return;
      case WIRE_I32:
        if (this.pos + 4 > limit) this.fail('truncated', 'fixed32 runs past its message');
        this.pos += 4;
        return;
      default:
        this.fail('bad_tag', `unsupported wire type ${wire}`);
    }
  }

  /** A message's fields must end exactly at its declared length. */
  assertAt(end: number): void {
    if (this.pos !== end) this.fail('truncated', 'a field runs past its message');
  }
}

/** Two's complement 64-bit value from unsigned halves, as a double. */
export function signed64(hi: number, lo: number): number {
  if (hi < 0x80000000) return hi * TWO_32 + lo;
  const nlo = (~lo + 1) >>> 0;
  const nhi = (~hi + (nlo === 0 ? 1 : 0)) >>> 0;
  return -(nhi * TWO_32 + nlo);
}
