// A minimal protobuf writer for tests that need bytes the OpenTelemetry serializers never produce:
// reordered fields, unknown fields of every wire type, wrong wire types, truncation.

export function varint(value: number | bigint): Buffer {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Buffer.from(out);
}

export function fixed64(value: bigint): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt.asUintN(64, value));
  return b;
}

export function double(value: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(value);
  return b;
}

/** One field: wire 0 takes a number, 1 and 5 raw bytes, 2 bytes/string/nested message. */
export function field(no: number, wire: 0 | 1 | 2 | 5, payload: number | bigint | Buffer | string): Buffer {
  const tag = varint(no * 8 + wire);
  if (wire === 0) return Buffer.concat([tag, varint(payload as number | bigint)]);
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : (payload as Buffer);
  if (wire === 2) return Buffer.concat([tag, varint(bytes.length), bytes]);
  return Buffer.concat([tag, bytes]);
}

export const msg = (...parts: Buffer[]): Buffer => Buffer.concat(parts);

/** KeyValue with a string value. */
export const kvString = (key: string, value: string): Buffer => msg(field(1, 2, key), field(2, 2, field(1, 2, value)));

/** One field of every wire type under an unused field number, to be skipped. */
export const unknownFields = (): Buffer =>
  msg(field(900, 0, 7), field(901, 1, fixed64(1n)), field(902, 2, 'junk'), field(903, 5, Buffer.alloc(4, 1)));
