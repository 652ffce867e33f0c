// COPY ... FROM STDIN (FORMAT binary): a signature header, then per row a 16-bit field count and each field
// as a 32-bit length (-1 for NULL) followed by the type's binary send format, then a -1 trailer. PostgreSQL
// takes these values without parsing text (no timestamp, bytea-hex or number parsing per row).

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
/** Signature, flags (0: no OIDs), header extension length (0). */
export const COPY_BINARY_HEADER = Buffer.concat([SIGNATURE, Buffer.alloc(8)]);
export const COPY_BINARY_TRAILER = Buffer.from([0xff, 0xff]);

const TWO_32 = 4_294_967_296;
const SHORT_TEXT = 64;
/** Hex digit -> value; 0xff for every other character code below 256. */
const HEX_VALUE = new Uint8Array(256).fill(0xff);
for (let c = 0; c < 16; c++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(c)] = c;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(c)] = c;
}
/**
 * Writes the `n` bytes of hex text `hex` (2n digits, either case) at `at`; false, part-written, on a character
 * that is not a hex digit. Byte by byte through a table: ids are 8 or 16 bytes, where a native hex write costs
 * more per call.
 */
export function writeHex(buf: Uint8Array, at: number, hex: string, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const a = hex.charCodeAt(2 * i);
    const b = hex.charCodeAt(2 * i + 1);
    const hi = a < 256 ? HEX_VALUE[a] : 0xff;
    const lo = b < 256 ? HEX_VALUE[b] : 0xff;
    if ((hi | lo) > 15) return false;
    buf[at + i] = (hi << 4) | lo;
  }
  return true;
}

/** timestamptz is int64 microseconds since 2000-01-01 00:00 UTC. */
const PG_EPOCH_MS = 946_684_800_000;

/** A growing buffer of binary COPY rows (no header or trailer: a group writes those once). */
export class BinaryRows {
  private buf: Buffer;
  private pos = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** The rows written so far (a view, valid until the next write). */
  bytes(): Buffer {
    return this.buf.subarray(0, this.pos);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  row(fields: number): void {
    this.room(2);
    this.buf.writeInt16BE(fields, this.pos);
    this.pos += 2;
  }

  null(): void {
    this.room(4);
    this.buf.writeInt32BE(-1, this.pos);
    this.pos += 4;
  }

  bool(v: boolean): void {
    this.room(5);
    this.buf.writeInt32BE(1, this.pos);
    this.buf[this.pos + 4] = v ? 1 : 0;
    this.pos += 5;
  }

  int2(v: number): void {
    this.room(6);
    this.buf.writeInt32BE(2, this.pos);
    this.buf.writeInt16BE(v, this.pos + 4);
    this.pos += 6;
  }

  int4(v: number): void {
    this.room(8);
    this.buf.writeInt32BE(4, this.pos);
    this.buf.writeInt32BE(v, this.pos + 4);
    this.pos += 8;
  }

  /** int8 from a safe integer (|v| < 2^53). */
  int8(v: number): void {
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    const hi = Math.floor(v / TWO_32);
    this.buf.writeInt32BE(hi, this.pos + 4);
    this.buf.writeUInt32BE(v - hi * TWO_32, this.pos + 8);
    this.pos += 12;
  }

  float8(v: number): void {
    this.room(12);
    this.buf.writeInt32BE(8, this.pos);
    this.buf.writeDoubleBE(v, this.pos + 4);
    this.pos += 12;
  }

  /** timestamptz from integer microseconds since the Unix epoch. */
  timestampMicros(us: number): void {
    this.int8(us - PG_EPOCH_MS * 1000);
  }

  text(s: string): void {
    this.room(4 + s.length * 3);
    const buf = this.buf;
    const start = this.pos + 4;
    // Short ASCII strings (names, routes, services) byte by byte: a native utf8 write costs more per call.
    if (s.length <= SHORT_TEXT) {
      let i = 0;
      for (; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x80) break;
        buf[start + i] = c;
      }
      if (i === s.length) {
        buf.writeInt32BE(i, this.pos);
        this.pos = start + i;
        return;
      }
    }
    const n = buf.write(s, start, 'utf8');
    buf.writeInt32BE(n, this.pos);
    this.pos = start + n;
  }

  /** bytea from hex text; throws on odd length or a non-hex digit (Buffer's hex decoding would stop there). */
  hexBytes(hex: string): void {
    const n = hex.length >> 1;
    if (n * 2 !== hex.length) throw new TypeError(`not hex: ${JSON.stringify(hex.slice(0, 40))}`);
    this.room(4 + n);
    const start = this.pos + 4;
    if (!writeHex(this.buf, start, hex, n)) throw new TypeError(`not hex: ${JSON.stringify(hex.slice(0, 40))}`);
    this.buf.writeInt32BE(n, this.pos);
    this.pos = start + n;
  }

  bytea(b: Uint8Array): void {
    this.room(4 + b.length);
    this.buf.writeInt32BE(b.length, this.pos);
    this.buf.set(b, this.pos + 4);
    this.pos += 4 + b.length;
  }
}
