// Attribute JSON is assembled as text while decoding (no intermediate objects per span), so these
// produce exactly what JSON.stringify would for the same value, only faster for the common case.

/** JSON string literal; the quote-only fast path covers the usual printable, escape-free text. */
export function jsonString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** JSON for a double; NaN and the infinities (not JSON numbers) become their names as strings. */
export function jsonNumber(n: number): string {
  if (Number.isFinite(n)) return Object.is(n, -0) ? '0' : String(n);
  return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"';
}

/** Exact decimal text of a signed 64-bit integer given its unsigned halves. */
export function int64Text(hi: number, lo: number): string {
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString();
}
