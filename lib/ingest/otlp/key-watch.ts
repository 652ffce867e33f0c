/**
 * The few attribute keys rows derive fields from, matched on raw key bytes so other attributes
 * never become strings at all.
 */
export class KeyWatch {
  private readonly keyBytes: Buffer[];
  private readonly ids = new Map<string, number>();
  private readonly lengths = new Uint8Array(256); // 1 where some watched key has that byte length

  constructor(keys: readonly string[]) {
    this.keyBytes = keys.map((key) => Buffer.from(key));
    keys.forEach((key, id) => {
      this.ids.set(key, id);
    });
    for (const bytes of this.keyBytes) if (bytes.length < 256) this.lengths[bytes.length] = 1;
  }

  /** Index of the watched key equal to buf[start, end), or -1. */
  match(buf: Buffer, start: number, end: number): number {
    const n = end - start;
    if (n >= 256 || this.lengths[n] === 0) return -1;
    const keys = this.keyBytes;
    for (let id = 0; id < keys.length; id++) {
      const key = keys[id];
      if (key.length !== n) continue;
      let i = 0;
      while (i < n && key[i] === buf[start + i]) i++;
      if (i === n) return id;
    }
    return -1;
  }

  /** Index of a watched key given as a string (OTLP/JSON path), or -1. */
  idOf(key: string): number {
    return this.ids.get(key) ?? -1;
  }
}
