// W3C Trace Context `traceparent`: version-traceid-parentid-flags, lowercase hex.
// https://www.w3.org/TR/trace-context/#traceparent-header

const ZERO = /^0+$/;

/**
 * The trace id of a traceparent; undefined when malformed, an id is all zeros, the version is ff,
 * or version 00 carries extra fields (later versions may append fields, which are ignored).
 */
export function parseTraceparent(value: string | null | undefined): string | undefined {
  const v = (value || '').trim();
  const m = /^([\da-f]{2})-([\da-f]{32})-([\da-f]{16})-[\da-f]{2}(-|$)/.exec(v);
  if (!m || m[1] === 'ff' || (m[1] === '00' && v.length > 55) || ZERO.test(m[2]) || ZERO.test(m[3])) return undefined;
  return m[2];
}

/** Accepts what an app passes as setContext({ traceId }): a bare 32-hex trace id or a whole traceparent. */
export function parseTraceId(value: string | null | undefined): string | undefined {
  const v = (value || '').trim().toLowerCase();
  return /^[\da-f]{32}$/.test(v) ? (ZERO.test(v) ? undefined : v) : parseTraceparent(v);
}
