import { config } from '../config';
import { TokenBuckets } from '../feedback/http/token-buckets';
import { ApiError } from '../http/api';

// Password guessing is slowed per client address and per e-mail (so neither one address trying many
// accounts nor many addresses trying one account get far). Per process, like the other token buckets.
const holder = globalThis as typeof globalThis & { __twLogin?: { ip: TokenBuckets; email: TokenBuckets } };

function buckets() {
  const n = config().TAILWATCH_LOGIN_ATTEMPTS_PER_MINUTE;
  holder.__twLogin ??= { ip: new TokenBuckets(n, n), email: new TokenBuckets(n, n) };
  return holder.__twLogin;
}

/** Takes one attempt for this address and e-mail; 429 with Retry-After when either is exhausted. */
export function takeLoginAttempt(ip: string, email: string): void {
  const now = Date.now();
  const b = buckets();
  const byIp = b.ip.take(ip, now);
  const byEmail = b.email.take(email.trim().toLowerCase(), now);
  if (!byIp.allowed || !byEmail.allowed) {
    const wait = Math.max(1, Math.ceil(Math.max(byIp.retryAfterSeconds, byEmail.retryAfterSeconds)));
    throw new ApiError(429, 'too_many_attempts', `Too many sign-in attempts; try again in ${wait} s`, undefined, {
      'retry-after': String(wait),
    });
  }
}
