import { latin1Slice, utf8Slice } from './byte-slices';

// Names, keys and low-cardinality values repeat across spans and requests. Returning the string
// decoded last time for the same bytes (hash + byte compare in JS) is several times cheaper than a
// native decode. Fixed size, overwritten on collision: a cache, never a source of truth.
const SLOTS = 4096;
const MAX_BYTES = 40;
const slab = new Uint8Array(SLOTS * MAX_BYTES);
const lengths = new Int32Array(SLOTS).fill(-1);
const strings: string[] = new Array<string>(SLOTS).fill('');

/** UTF-8 text of buf[start, end), interned when short. */
export function internString(buf: Buffer, start: number, end: number): string {
  const n = end - start;
  if (n > MAX_BYTES) return utf8Slice(buf, start, end);
  let h = n;
  let high = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i];
    high |= b;
    h = Math.imul(h ^ b, 0x01000193);
  }
  const slot = (h ^ (h >>> 16)) & (SLOTS - 1);
  const base = slot * MAX_BYTES;
  if (lengths[slot] === n) {
    let i = 0;
    while (i < n && slab[base + i] === buf[start + i]) i++;
    if (i === n) return strings[slot];
  }
  const s = high < 0x80 ? latin1Slice(buf, start, end) : utf8Slice(buf, start, end);
  for (let i = 0; i < n; i++) slab[base + i] = buf[start + i];
  lengths[slot] = n;
  strings[slot] = s;
  return s;
}
