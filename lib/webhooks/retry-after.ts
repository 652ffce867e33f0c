/**
 * Milliseconds a `Retry-After` header asks us to wait (delta-seconds or an HTTP date), relative to
 * `now`; null when absent or unparseable. Not capped here: `nextAttemptAt` applies the cap.
 */
export function parseRetryAfter(header: string | string[] | undefined, now: Date): number | null {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP dates always name a weekday and GMT; requiring the shape keeps Date.parse from guessing.
  if (!/^[A-Za-z]{3},? .*GMT$/.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
