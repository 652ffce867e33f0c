import { latin1Slice, utf8Slice } from './byte-slices';

// Bytes a JSON string cannot hold verbatim (controls, quote, backslash) or that are not ASCII.
const SPECIAL = new Uint8Array(256);
for (let b = 0; b < 256; b++) SPECIAL[b] = b < 0x20 || b === 0x22 || b === 0x5c || b >= 0x80 ? 1 : 0;

/**
 * Builds one JSON text (a span's attributes, its events, a resource) as bytes and decodes it once,
 * instead of creating and concatenating a string per key and value. Reused across spans.
 */
export class JsonWriter {
  private buf = Buffer.allocUnsafe(4096);
  len = 0;
  private wide = false; // a byte >= 0x80 was written: decode as UTF-8 rather than latin1

  reset(): void {
    this.len = 0;
    this.wide = false;
  }

  private room(n: number): Uint8Array {
    if (this.len + n > this.buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
      this.buf.copy(next, 0, 0, this.len);
      this.buf = next;
    }
    return this.buf;
  }

  byte(c: number): void {
    this.room(1)[this.len++] = c;
  }

  /** A string of ASCII characters only (numbers, literals, hex). */
  ascii(s: string): void {
    const buf = this.room(s.length);
    let p = this.len;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.len = p;
  }

  /** Any well-formed JS string, as UTF-8. */
  text(s: string): void {
    const buf = this.room(s.length * 3);
    let p = this.len;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.len += this.buf.write(s, this.len, 'utf8');
        this.wide = true;
        return;
      }
      buf[p++] = c;
    }
    this.len = p;
  }

  /**
   * A JSON string literal from UTF-8 bytes. Plain ASCII is copied; anything needing escapes or
   * outside ASCII is decoded and re-encoded, so malformed UTF-8 can never corrupt the JSON text.
   */
  stringFromBytes(src: Buffer, start: number, end: number): void {
    const buf = this.room(end - start + 2);
    const mark = this.len;
    let p = mark;
    buf[p++] = 0x22;
    for (let i = start; i < end; i++) {
      const b = src[i];
      if (SPECIAL[b] === 1) {
        this.len = mark;
        this.text(JSON.stringify(utf8Slice(src, start, end)));
        return;
      }
      buf[p++] = b;
    }
    buf[p++] = 0x22;
    this.len = p;
  }

  /**
   * `"key":"value"` from two UTF-8 byte ranges in one pass: the common attribute shape. Returns false,
   * having written nothing, when either needs escaping or is not ASCII.
   */
  stringMember(src: Buffer, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): boolean {
    const buf = this.room(keyEnd - keyStart + valueEnd - valueStart + 5);
    let p = this.len;
    buf[p++] = 0x22;
    for (let i = keyStart; i < keyEnd; i++) {
      const b = src[i];
      if (SPECIAL[b] === 1) return false;
      buf[p++] = b;
    }
    buf[p++] = 0x22;
    buf[p++] = 0x3a;
    buf[p++] = 0x22;
    for (let i = valueStart; i < valueEnd; i++) {
      const b = src[i];
      if (SPECIAL[b] === 1) return false;
      buf[p++] = b;
    }
    buf[p++] = 0x22;
    this.len = p;
    return true;
  }

  /** `"key":` from UTF-8 bytes; false, having written nothing, when it needs escaping or is not ASCII. */
  keyMember(src: Buffer, keyStart: number, keyEnd: number): boolean {
    const buf = this.room(keyEnd - keyStart + 3);
    let p = this.len;
    buf[p++] = 0x22;
    for (let i = keyStart; i < keyEnd; i++) {
      const b = src[i];
      if (SPECIAL[b] === 1) return false;
      buf[p++] = b;
    }
    buf[p++] = 0x22;
    buf[p++] = 0x3a;
    this.len = p;
    return true;
  }

  toString(): string {
    return this.wide ? utf8Slice(this.buf, 0, this.len) : latin1Slice(this.buf, 0, this.len);
  }
}
