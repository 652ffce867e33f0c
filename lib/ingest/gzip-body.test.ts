import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipHeaderLength, inflateGzipBody } from './gzip-body';

// The stream a one-member gzip body carries is stored as the payload as it came, so it must be exactly the
// member's deflate stream, and everything gzip allows besides must inflate as zlib's gunzip does.

const body = Buffer.from(JSON.stringify({ resourceSpans: Array.from({ length: 200 }, (_, i) => ({ i })) }));
const MIB = 1024 * 1024;

/** A gzip member with the optional header fields set (zlib writes none of them). */
function withHeaderFields(data: Buffer): Buffer {
  const plain = zlib.gzipSync(data);
  const extra = Buffer.from([6, 0, 0x41, 0x42, 2, 0, 0x78, 0x79]); // XLEN 6: subfield 'AB', 2 bytes long, 'xy'
  const name = Buffer.from('spans.pb\u0000', 'latin1');
  const comment = Buffer.from('from a test\u0000', 'latin1');
  const head = Buffer.from(plain.subarray(0, 10));
  head[3] = 0x04 | 0x08 | 0x10 | 0x02; // FEXTRA, FNAME, FCOMMENT, FHCRC
  const fields = Buffer.concat([head, extra, name, comment]);
  const crc16 = Buffer.alloc(2);
  crc16.writeUInt16LE(zlib.crc32(fields) & 0xffff);
  return Buffer.concat([fields, crc16, plain.subarray(10)]);
}

describe('inflateGzipBody', () => {
  it('inflates one member and hands back its deflate stream, which inflates to the body', () => {
    for (const level of [1, 6, 9]) {
      const gz = zlib.gzipSync(body, { level });
      const r = inflateGzipBody(gz, MIB);
      if (!r.ok || !r.deflated) throw new Error(`level ${level}: ${JSON.stringify(r)}`);
      expect(r.body.equals(body)).toBe(true);
      expect(r.deflated.equals(gz.subarray(10, gz.length - 8))).toBe(true);
      expect(zlib.inflateRawSync(r.deflated).equals(body)).toBe(true);
    }
  });

  it('reads past the optional header fields', () => {
    const gz = withHeaderFields(body);
    expect(zlib.gunzipSync(gz).equals(body)).toBe(true); // a well-formed member, as zlib reads it
    const r = inflateGzipBody(gz, MIB);
    if (!r.ok || !r.deflated) throw new Error(JSON.stringify(r));
    expect(gzipHeaderLength(gz)).toBe(10 + 8 + 9 + 12 + 2);
    expect(r.body.equals(body)).toBe(true);
    expect(zlib.inflateRawSync(r.deflated).equals(body)).toBe(true);
  });

  it('refuses a header whose own CRC does not match, as zlib does', () => {
    const gz = withHeaderFields(body);
    const at = gzipHeaderLength(gz) - 2; // the header CRC
    gz[at] ^= 0xff;
    expect(() => zlib.gunzipSync(gz)).toThrow(/header crc/);
    expect(gzipHeaderLength(gz)).toBe(-1);
    expect(inflateGzipBody(gz, MIB)).toEqual({ ok: false, reason: 'bad_gzip' });
  });

  it('inflates several members whole, as gunzip does, without a stream to reuse', () => {
    const gz = Buffer.concat([zlib.gzipSync(body.subarray(0, 1000)), zlib.gzipSync(body.subarray(1000))]);
    const r = inflateGzipBody(gz, MIB);
    expect(r.ok && r.body.equals(body)).toBe(true);
    expect(r.ok && r.deflated).toBe(null);
  });

  it('refuses a member whose CRC or length does not match what it inflates to', () => {
    const gz = zlib.gzipSync(body);
    const badCrc = Buffer.from(gz);
    badCrc[badCrc.length - 8] ^= 1;
    expect(inflateGzipBody(badCrc, MIB)).toEqual({ ok: false, reason: 'bad_gzip' });
    const badSize = Buffer.from(gz);
    badSize[badSize.length - 4] ^= 1;
    expect(inflateGzipBody(badSize, MIB)).toEqual({ ok: false, reason: 'bad_gzip' });
    expect(() => zlib.gunzipSync(badCrc)).toThrow(); // zlib refuses both as well
    expect(() => zlib.gunzipSync(badSize)).toThrow();
  });

  it('refuses what is not gzip, or is cut short', () => {
    const gz = zlib.gzipSync(body);
    for (const bad of [Buffer.from('not gzip'), gz.subarray(0, 9), gz.subarray(0, gz.length - 3), gz.subarray(0, 40)])
      expect(inflateGzipBody(bad, MIB)).toEqual({ ok: false, reason: 'bad_gzip' });
  });

  it('stops a gzip bomb at the cap', () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * MIB));
    expect(bomb.length).toBeLessThan(MIB);
    expect(inflateGzipBody(bomb, MIB)).toEqual({ ok: false, reason: 'too_large' });
    const twoMembers = Buffer.concat([zlib.gzipSync(Buffer.alloc(100)), bomb]);
    expect(inflateGzipBody(twoMembers, MIB)).toEqual({ ok: false, reason: 'too_large' });
    const exactly = zlib.gzipSync(Buffer.alloc(MIB));
    expect(inflateGzipBody(exactly, MIB).ok).toBe(true);
  });
});
