import { z } from 'zod';
import {
  MAX_COMMENT,
  MAX_KEY,
  MAX_PATH,
  MAX_RELEASE,
  MAX_ROUTE,
  MAX_USER_SEGMENT,
  SCALE_MAX,
  SCALE_MIN,
} from '../../widget/src/contract';

// The server side of widget/src/contract.ts: the same limits, imported rather than copied, so the
// widget and the endpoint cannot drift apart.

// PostgreSQL text cannot hold U+0000; refusing it names the field instead of failing the INSERT.
const text = (max: number) =>
  z
    .string({ error: 'must be a string' })
    .max(max, { error: `at most ${max} characters` })
    .refine((s) => !s.includes('\u0000'), { error: 'must not contain NUL characters' });

/** Optional strings: absent, null and blank all mean "not given". */
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => s?.trim() || undefined);

// An hour: a browser timing beyond that is a broken clock, not a slow page.
const ms = z
  .number({ error: 'must be a number of milliseconds' })
  .min(0, { error: 'must be >= 0' })
  .max(3_600_000, { error: 'must be <= 3600000' })
  .transform(Math.round)
  .nullish();

const ZERO_ID = /^0+$/;

export const feedbackInputSchema = z
  .object({
    v: z.literal(1, { error: 'must be 1 (the contract version)' }),
    key: z
      .string({ error: 'required' })
      .min(1, { error: 'required' })
      .max(MAX_KEY, { error: `at most ${MAX_KEY} characters` }),
    rating: z
      .number({ error: 'must be an integer' })
      .int({ error: 'must be an integer' })
      .min(1, { error: 'must be >= 1' }),
    scale: z
      .number({ error: 'must be an integer' })
      .int({ error: 'must be an integer' })
      .min(SCALE_MIN, { error: `must be >= ${SCALE_MIN}` })
      .max(SCALE_MAX, { error: `must be <= ${SCALE_MAX}` }),
    trigger: z.enum(['manual', 'pageviews', 'slow', 'control'], {
      error: 'must be manual, pageviews, slow or control',
    }),
    path: text(MAX_PATH)
      .min(1, { error: 'required' })
      .refine((p) => !/[?#]/.test(p), { error: 'must not contain a query string or fragment' }),
    timings: z
      .object(
        { ttfb: ms, domContentLoaded: ms, load: ms, lcp: ms, inp: ms, interaction: ms },
        { error: 'must be an object' },
      )
      .nullish()
      .transform((t) => t ?? {}),
    comment: optionalText(MAX_COMMENT),
    release: optionalText(MAX_RELEASE),
    route: optionalText(MAX_ROUTE),
    traceId: z
      .string({ error: 'must be a string' })
      .transform((s) => s.toLowerCase())
      .refine((s) => /^[0-9a-f]{32}$/.test(s) && !ZERO_ID.test(s), { error: 'must be 32 hex characters, not all zero' })
      .nullish(),
    userSegment: optionalText(MAX_USER_SEGMENT),
  })
  .refine((f) => f.rating <= f.scale, { path: ['rating'], error: 'must be <= scale' });

export type FeedbackInput = z.output<typeof feedbackInputSchema>;

export type FeedbackParse = { ok: true; input: FeedbackInput } | { ok: false; field: string; message: string };

/** Validates a decoded body; on failure names the first offending field (`timings.lcp`, `comment`...). */
export function parseFeedbackInput(raw: unknown): FeedbackParse {
  const parsed = feedbackInputSchema.safeParse(raw);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : 'body',
    message: issue.message,
  };
}
