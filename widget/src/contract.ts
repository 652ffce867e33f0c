// The request the widget sends to POST <tailwatch origin>/api/v1/feedback.
// This file is the contract between public/tw.js and the server endpoint: the server validates
// against these shapes and limits (widget/README.md "Request contract").

/** Which trigger opened the poll; 'control' is an ordinary interaction sampled beside slow ones. */
export type FeedbackTrigger = 'manual' | 'pageviews' | 'slow' | 'control';

/** Client-measured timings in whole milliseconds; a field is absent when the browser cannot measure it. */
export interface FeedbackTimings {
  ttfb?: number; // navigation responseStart
  domContentLoaded?: number; // navigation domContentLoadedEventEnd
  load?: number; // navigation loadEventEnd (absent while the page is still loading)
  lcp?: number; // last largest-contentful-paint entry startTime
  inp?: number; // interaction to next paint estimate (web-vitals method: p98 of interaction durations)
  interaction?: number; // duration of the interaction that triggered a 'slow' or 'control' poll
}

// Limits the server enforces and the widget respects (it clips strings rather than lose an answer).
// Separate constants, not an object: esbuild inlines them into the widget bundle.
export const MAX_KEY = 64;
export const MAX_RELEASE = 100;
export const MAX_ROUTE = 200;
export const MAX_PATH = 500;
export const MAX_COMMENT = 1000;
export const MAX_USER_SEGMENT = 64;
export const SCALE_MIN = 2;
export const SCALE_MAX = 10;

/**
 * The JSON body. Sent as `text/plain;charset=UTF-8` (a CORS-simple request, so no preflight and no
 * keepalive-with-preflight gaps); the server parses the body as JSON whatever the content type.
 */
export interface FeedbackRequest {
  v: 1; // contract version
  key: string; // project public key (data-key)
  rating: number; // integer, 1..scale (1 = slowest)
  scale: number; // points on the scale, SCALE_MIN..SCALE_MAX
  trigger: FeedbackTrigger;
  path: string; // location.pathname: never a query string or fragment
  timings: FeedbackTimings;
  comment?: string; // trimmed, non-empty, at most MAX_COMMENT chars (other strings: MAX_*)
  release?: string; // data-release
  route?: string; // setContext({ route }), the app's route template such as '/orders/:id'
  traceId?: string; // 32 lowercase hex chars, not all zero
  userSegment?: string; // setContext({ userSegment })
}
