// OTLP times are uint64 nanoseconds since the epoch, beyond a double's 2^53 exact range. We keep
// them as whole milliseconds plus the nanoseconds below them (both exact), so a duration is an exact
// integer difference and an epoch-ms double keeps sub-microsecond detail.

const NS_PER_MS = 1_000_000;
const DECIMAL_NANOS = /^\d{1,20}$/;

/** Reusable holder for one timestamp; decoders fill it in place to stay allocation-free per span. */
export class TimeParts {
  ms = 0; // whole milliseconds since the epoch
  ns = 0; // 0..999_999 nanoseconds past `ms`

  /** From the two 32-bit halves of a fixed64. */
  setFixed64(hi: number, lo: number): void {
    // hi * 2^32 = hi * 4294 * 1e6 + hi * 967_296; the second term and lo stay below 2^53.
    const low = hi * 967_296 + lo;
    let q = Math.floor(low / NS_PER_MS);
    let rem = low - q * NS_PER_MS;
    if (rem < 0) {
      q -= 1;
      rem += NS_PER_MS;
    } else if (rem >= NS_PER_MS) {
      q += 1;
      rem -= NS_PER_MS;
    }
    this.ms = hi * 4294 + q;
    this.ns = rem;
  }

  /** From OTLP/JSON: a decimal string (exact) or a number (as exact as the sender's double). */
  setJson(value: unknown): boolean {
    if (typeof value === 'string') {
      if (!DECIMAL_NANOS.test(value)) return false;
      const cut = value.length - 6;
      this.ms = cut > 0 ? Number(value.slice(0, cut)) : 0;
      this.ns = Number(cut > 0 ? value.slice(cut) : value);
      return true;
    }
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      this.ms = Math.floor(value / NS_PER_MS);
      this.ns = Math.max(0, Math.min(NS_PER_MS - 1, Math.round(value - this.ms * NS_PER_MS)));
      return true;
    }
    if (value === undefined || value === null) {
      this.ms = 0;
      this.ns = 0;
      return true;
    }
    return false;
  }

  clear(): void {
    this.ms = 0;
    this.ns = 0;
  }

  isZero(): boolean {
    return this.ms === 0 && this.ns === 0;
  }

  /** Epoch milliseconds as a double (microseconds survive: ulp at 1.7e12 ms is ~0.24 us). */
  epochMs(): number {
    return this.ms + this.ns / NS_PER_MS;
  }
}

/** end - start in nanoseconds, exact while under 2^53 ns (~104 days). */
export function diffNanos(start: TimeParts, end: TimeParts): number {
  return (end.ms - start.ms) * NS_PER_MS + (end.ns - start.ns);
}
