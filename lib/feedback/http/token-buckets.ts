/** What one take from a bucket decided, with what the RateLimit-* headers report. */
export interface BucketDecision {
  allowed: boolean;
  limit: number; // burst capacity
  remaining: number; // whole tokens left after this request
  resetSeconds: number; // until the bucket is full again
  retryAfterSeconds: number; // until the next token (only meaningful when refused)
}

interface Bucket {
  tokens: number;
  at: number; // ms of the last refill
}

/**
 * Token buckets by id (an IP, a project): `perMinute` tokens flow in continuously up to `burst`.
 * Per process: with several instances each grants its own budget (documented in README
 * "Configuration"). Memory stays bounded: full buckets carry no information and are swept first.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    perMinute: number,
    private readonly burst: number,
    private readonly maxEntries = 100_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(id: string, now: number): BucketDecision {
    let bucket = this.buckets.get(id);
    if (!bucket) {
      if (this.buckets.size >= this.maxEntries) this.sweep(now);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(id, bucket);
    }
    this.refill(bucket, now);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const secondsFor = (tokens: number) => (this.perMs > 0 ? Math.ceil(tokens / this.perMs / 1000) : 0);
    return {
      allowed,
      limit: this.burst,
      remaining: Math.floor(bucket.tokens),
      resetSeconds: secondsFor(this.burst - bucket.tokens),
      // Never 0 on a refusal: "retry now" would invite a tight loop.
      retryAfterSeconds: allowed ? 0 : Math.max(1, secondsFor(1 - bucket.tokens)),
    };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(bucket: Bucket, now: number): void {
    if (now > bucket.at) bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = Math.max(bucket.at, now);
  }

  private sweep(now: number): void {
    for (const [id, bucket] of this.buckets) {
      this.refill(bucket, now);
      if (bucket.tokens >= this.burst) this.buckets.delete(id);
    }
    // Still full of active ids (a flood of distinct ones): forget the oldest half rather than grow.
    if (this.buckets.size >= this.maxEntries) {
      let drop = Math.ceil(this.buckets.size / 2);
      for (const id of this.buckets.keys()) {
        if (drop-- <= 0) break;
        this.buckets.delete(id);
      }
    }
  }
}

/** The RateLimit-* response headers (IETF draft names) for a decision, plus Retry-After on a refusal. */
export function rateLimitHeaders(d: BucketDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'ratelimit-limit': String(d.limit),
    'ratelimit-remaining': String(d.remaining),
    'ratelimit-reset': String(d.resetSeconds),
  };
  if (!d.allowed) headers['retry-after'] = String(d.retryAfterSeconds);
  return headers;
}
