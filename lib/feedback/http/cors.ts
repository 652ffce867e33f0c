// CORS for the widget endpoints. No credentials ever: the public key in the body is the only
// identity, so Access-Control-Allow-Credentials is never sent and `*` is never used either: an
// origin is granted only when the project lists it.

/** Response headers a browser may read besides the safelisted ones (the rate-limit state). */
const EXPOSED = 'Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset';

/** `https://Shop.example:443/` and `https://shop.example` are the same origin; junk stays as typed. */
export function normalizeOrigin(origin: string): string {
  const trimmed = origin.trim();
  if (trimmed === 'null') return trimmed;
  try {
    const url = new URL(trimmed);
    return url.origin === 'null' ? trimmed.toLowerCase() : url.origin;
  } catch {
    return trimmed.toLowerCase();
  }
}

export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): origin is string {
  if (!origin) return false;
  const wanted = normalizeOrigin(origin);
  return allowed.some((entry) => normalizeOrigin(entry) === wanted);
}

/** Every response varies by Origin: caches must not hand one site's grant to another. */
export const VARY_ORIGIN = { vary: 'Origin' } as const;

/** The grant for an allowed origin: exactly that origin echoed, nothing else. */
export function corsGrant(origin: string): Record<string, string> {
  return { ...VARY_ORIGIN, 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED };
}

/**
 * The preflight answer for an allowed origin. Only `application/json` senders need it (the widget
 * posts text/plain, a simple request); Max-Age lets a browser skip it for a day.
 */
export function preflightGrant(origin: string, method: 'POST' | 'GET'): Record<string, string> {
  return {
    ...corsGrant(origin),
    'access-control-allow-methods': method,
    'access-control-allow-headers': 'Content-Type',
    'access-control-max-age': '86400',
  };
}
