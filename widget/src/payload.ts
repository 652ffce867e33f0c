import {
  type FeedbackRequest,
  type FeedbackTimings,
  MAX_COMMENT,
  MAX_PATH,
  MAX_RELEASE,
  MAX_ROUTE,
  MAX_USER_SEGMENT,
} from './contract';
import { parseTraceId } from './traceparent';

/** What the app tells the widget through tailwatch.setContext(). */
export interface FeedbackContext {
  route?: string | null;
  traceId?: string | null; // a trace id or a whole traceparent
  userSegment?: string | null;
}

export interface AnswerInput
  extends Pick<FeedbackRequest, 'key' | 'rating' | 'scale' | 'trigger' | 'path' | 'comment' | 'release'> {
  context: FeedbackContext;
  seenTraceId?: string; // from the latest traceparent the page saw (Server-Timing, meta tag)
  timings: FeedbackTimings;
}

function clip(value: string | null | undefined, max: number): string | undefined {
  return (value || '').trim().slice(0, max) || undefined;
}

/**
 * Builds the request body. The app's explicit trace id wins over one the page merely saw; a
 * query string or fragment never leaves the page; unmeasured (zero) timings are left out.
 */
export function buildPayload({ context, seenTraceId, timings, ...answer }: AnswerInput): FeedbackRequest {
  const { rating, scale } = answer;
  if (!Number.isInteger(rating) || rating < 1 || rating > scale) {
    throw new Error('TW_BAD_RATING: the rating is not on the scale');
  }
  const ms: FeedbackTimings = {};
  for (const name in timings) {
    const value = timings[name as keyof FeedbackTimings];
    if (value !== undefined && value > 0 && value < Infinity) ms[name as keyof FeedbackTimings] = Math.round(value);
  }
  return {
    ...answer,
    v: 1,
    path: answer.path.split(/[?#]/)[0].slice(0, MAX_PATH) || '/',
    timings: ms,
    comment: clip(answer.comment, MAX_COMMENT),
    release: clip(answer.release, MAX_RELEASE),
    route: clip(context.route, MAX_ROUTE),
    traceId: parseTraceId(context.traceId) || seenTraceId,
    userSegment: clip(context.userSegment, MAX_USER_SEGMENT),
  };
}
