import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, TokenBuckets } from './token-buckets';

describe('TokenBuckets', () => {
  it('grants the burst, refuses, then refills at the rate', () => {
    const buckets = new TokenBuckets(60, 3); // one token per second
    const t0 = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('ip', t0).allowed)).toEqual([true, true, true]);
    const refused = buckets.take('ip', t0);
    expect(refused).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 3, retryAfterSeconds: 1 });
    expect(buckets.take('ip', t0 + 999).allowed).toBe(false);
    expect(buckets.take('ip', t0 + 1000).allowed).toBe(true);
    expect(buckets.take('other', t0).remaining).toBe(2);
  });

  it('never overfills and never reports retry-after 0 on a refusal', () => {
    const buckets = new TokenBuckets(6000, 2); // 100 per second
    expect(buckets.take('k', 0).remaining).toBe(1);
    expect(buckets.take('k', 10_000_000).remaining).toBe(1);
    buckets.take('k', 10_000_000);
    const refused = buckets.take('k', 10_000_000);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
  });

  it('keeps memory bounded by sweeping full buckets first', () => {
    const buckets = new TokenBuckets(60, 5, 10);
    for (let i = 0; i < 10; i++) buckets.take(`ip${i}`, 0);
    buckets.take('late', 60_000); // all earlier buckets have refilled: swept
    expect(buckets.size).toBe(1);
    for (let i = 0; i < 50; i++) buckets.take(`flood${i}`, 60_000);
    expect(buckets.size).toBeLessThanOrEqual(10);
  });

  it('renders the RateLimit headers and Retry-After only on refusal', () => {
    expect(rateLimitHeaders({ allowed: true, limit: 5, remaining: 4, resetSeconds: 12, retryAfterSeconds: 0 })).toEqual(
      {
        'ratelimit-limit': '5',
        'ratelimit-remaining': '4',
        'ratelimit-reset': '12',
      },
    );
    expect(
      rateLimitHeaders({ allowed: false, limit: 5, remaining: 0, resetSeconds: 60, retryAfterSeconds: 12 })[
        'retry-after'
      ],
    ).toBe('12');
  });
});
