import type { IncomingHttpHeaders } from 'node:http';
import { parseRetryAfter } from './retry-after';

interface AttemptRecord {
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  latencyMs: number;
  /** The first characters of the response body, whitespace-collapsed, for the delivery log. */
  responseExcerpt: string;
}

/**
 * What one attempt means for the caller:
 * - success: 2xx. Mark delivered, record success on the breaker.
 * - retry: any other failure (3xx - never followed, 4xx other than 410, 5xx, timeout, network).
 *   Schedule with `nextAttemptAt(..., retryAfterMs)`, record failure on the breaker.
 * - disable: 410 Gone. The receiver asked to stop: disable the endpoint, stop this message.
 * - refused: nothing was sent (unsafe or invalid URL, unusable secret). Retrying cannot help:
 *   fail the message and surface `message` to the user.
 */
export type DeliveryOutcome =
  | ({ kind: 'success'; status: number } & AttemptRecord)
  | ({
      kind: 'retry';
      code: 'redirect' | 'http_error' | 'timeout' | 'network_error';
      message: string;
      retryAfterMs: number | null;
    } & AttemptRecord)
  | ({ kind: 'disable'; code: 'gone'; message: string; status: 410 } & AttemptRecord)
  | ({ kind: 'refused'; code: 'invalid_url' | 'ssrf_blocked' | 'invalid_secret'; message: string } & AttemptRecord);

export const EXCERPT_CHARS = 256;

export function excerpt(body: string): string {
  return body
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .trim()
    .slice(0, EXCERPT_CHARS);
}

export function refused(code: 'invalid_url' | 'ssrf_blocked' | 'invalid_secret', message: string): DeliveryOutcome {
  return { kind: 'refused', code, message, status: null, latencyMs: 0, responseExcerpt: '' };
}

/** Classifies a received response. */
export function responseOutcome(
  status: number,
  headers: IncomingHttpHeaders,
  body: string,
  latencyMs: number,
  now: Date,
): DeliveryOutcome {
  const record = { latencyMs, responseExcerpt: excerpt(body) };
  if (status >= 200 && status < 300) return { kind: 'success', status, ...record };
  if (status === 410) {
    return {
      kind: 'disable',
      code: 'gone',
      status,
      message: 'Receiver answered 410 Gone: endpoint disabled.',
      ...record,
    };
  }
  const retryAfterMs = parseRetryAfter(headers['retry-after'], now);
  if (status >= 300 && status < 400) {
    const location = headers.location ? ` to ${headers.location}` : '';
    const message = `Receiver redirected (${status})${location}; redirects are not followed, update the endpoint URL.`;
    return { kind: 'retry', code: 'redirect', status, message, retryAfterMs, ...record };
  }
  return {
    kind: 'retry',
    code: 'http_error',
    status,
    message: `Receiver answered ${status}.`,
    retryAfterMs,
    ...record,
  };
}

/** Classifies an attempt that got no response. */
export function errorOutcome(error: Error, timedOut: boolean, latencyMs: number, timeoutMs: number): DeliveryOutcome {
  const record = { status: null, latencyMs, responseExcerpt: '', retryAfterMs: null };
  if (timedOut) {
    return { kind: 'retry', code: 'timeout', message: `No complete response within ${timeoutMs} ms.`, ...record };
  }
  const errno = (error as NodeJS.ErrnoException).code;
  const message = errno ? `${errno}: ${error.message}` : error.message;
  return { kind: 'retry', code: 'network_error', message, ...record };
}
