import { describe, expect, it } from 'vitest';
import { OtlpDecodeError } from './decode-error';
import { JsonWriter } from './json-writer';
import { diffNanos, TimeParts } from './nanos';
import { internString } from './string-intern';
import { fixed64, varint } from './test-wire';
import { WireReader } from './wire-reader';

function* seededBigInts(count: number): Generator<bigint> {
  let x = 0x9e3779b97f4a7c15n;
  for (let i = 0; i < count; i++) {
    x ^= x << 13n;
    x ^= x >> 7n;
    x ^= x << 17n;
    x = BigInt.asUintN(64, x);
    yield x;
  }
}

describe('TimeParts', () => {
  it('splits any fixed64 into exact milliseconds and nanoseconds', () => {
    const t = new TimeParts();
    for (const n of [
      0n,
      1n,
      999_999n,
      1_000_000n,
      1_760_000_000_123_456_789n,
      2n ** 64n - 1n,
      ...seededBigInts(2000),
    ]) {
      t.setFixed64(Number(n >> 32n), Number(n & 0xffffffffn));
      expect([t.ms, t.ns]).toEqual([Number(n / 1_000_000n), Number(n % 1_000_000n)]);
    }
  });

  it('parses decimal strings exactly and rejects other text', () => {
    const t = new TimeParts();
    expect(t.setJson('1760000000123456789')).toBe(true);
    expect([t.ms, t.ns]).toEqual([1_760_000_000_123, 456_789]);
    expect(t.setJson('42')).toBe(true);
    expect([t.ms, t.ns]).toEqual([0, 42]);
    for (const bad of ['-1', '1e9', ' 1', '0x10', true, {}, -5]) expect(t.setJson(bad)).toBe(false);
  });

  it('computes durations as exact integer differences', () => {
    const [a, b] = [new TimeParts(), new TimeParts()];
    a.setJson('1760000000999999999');
    b.setJson('1760000001000000001');
    expect(diffNanos(a, b)).toBe(2);
    expect(diffNanos(b, a)).toBe(-2);
  });
});

describe('WireReader', () => {
  it('reads int64 varints as signed values with exact halves', () => {
    for (const v of [0n, 1n, 127n, 128n, -1n, 2n ** 31n, -(2n ** 31n), 2n ** 53n, 2n ** 63n - 1n, -(2n ** 63n)]) {
      const r = new WireReader(varint(v));
      expect(r.varint64()).toBe(Number(v));
      expect((BigInt(r.hi) << 32n) | BigInt(r.lo)).toBe(BigInt.asUintN(64, v));
    }
  });

  it('reads the low 32 bits of long varints and zigzag sint32', () => {
    expect(new WireReader(varint(2n ** 40n + 5n)).varint32()).toBe(5);
    for (const [encoded, value] of [
      [0, 0],
      [1, -1],
      [2, 1],
      [4_294_967_295, -2_147_483_648],
    ]) {
      expect(new WireReader(varint(encoded)).sint32()).toBe(value);
    }
  });

  it('reads fixed64 halves and refuses reads past the body', () => {
    const r = new WireReader(fixed64(2n ** 40n + 3n));
    expect(r.fixed64()).toBe(2 ** 40 + 3);
    expect([r.hi, r.lo]).toEqual([256, 3]);
    expect(() => new WireReader(Buffer.alloc(7)).fixed64()).toThrow(OtlpDecodeError);
    expect(() => new WireReader(Buffer.alloc(3)).double()).toThrow(OtlpDecodeError);
  });
});

describe('internString', () => {
  it('returns the right text for interleaved, repeated and non-ASCII strings', () => {
    const words = Array.from({ length: 6000 }, (_, i) => (i % 7 === 0 ? `zoë-${i % 97}` : `key.${i % 5000}`));
    const buf = Buffer.from(words.join(''));
    let at = 0;
    for (const word of [...words]) {
      const end = at + Buffer.byteLength(word);
      expect(internString(buf, at, end)).toBe(word);
      at = end;
    }
  });
});

describe('JsonWriter', () => {
  it('writes JSON string literals equal to JSON.stringify, malformed UTF-8 included', () => {
    const w = new JsonWriter();
    const samples = ['plain', 'q"uote', 'back\\slash', 'nl\n\ttab', 'zoë 東京 🚀', '\u0000', ''];
    const bytes = [...samples.map((s) => Buffer.from(s)), Buffer.from([0x61, 0xc3]), Buffer.from([0xff, 0x22, 0x5c])];
    for (const b of bytes) {
      w.reset();
      w.stringFromBytes(b, 0, b.length);
      expect(w.toString()).toBe(JSON.stringify(b.toString('utf8')));
    }
  });

  it('grows past its initial buffer', () => {
    const w = new JsonWriter();
    const big = Buffer.from('x'.repeat(100_000));
    w.stringFromBytes(big, 0, big.length);
    expect(w.toString()).toBe(`"${'x'.repeat(100_000)}"`);
  });
});
