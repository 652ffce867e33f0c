import { z } from 'zod';

/** The slice of feedback a dashboard request is about. */
export interface FeedbackFilter {
  from: Date;
  to: Date;
  release?: string;
  route?: string;
  /** Service of the linked trace's entry span: answers without a found trace belong to no service. */
  service?: string;
}

const DAY_MS = 86_400_000;
const MAX_RANGE_DAYS = 400;

const optionalName = z
  .string()
  .max(200)
  .optional()
  .transform((s) => (s === undefined || s === '' ? undefined : s));

const instant = z.union([
  z
    .string()
    .regex(/^\d+$/)
    .transform((s) => new Date(Number(s))),
  z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
]);

/**
 * Query parameters shared by the feedback APIs: `from`/`to` (ISO 8601 or epoch ms; default the last
 * 30 days), `release`, `route`, `service` (exact; '' or absent = all; `service` matches the service of the
 * answer's linked trace). Ranges are capped at 400 days.
 */
export const feedbackFilterSchema = z
  .object({
    project: z.coerce.number().int().positive(),
    from: instant.optional(),
    to: instant.optional(),
    release: optionalName,
    route: optionalName,
    service: optionalName,
  })
  .transform(({ project, from, to, ...rest }, ctx) => {
    const end = to ?? new Date();
    const start = from ?? new Date(end.getTime() - 30 * DAY_MS);
    if (!(start < end)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
    if (end.getTime() - start.getTime() > MAX_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: `the range is at most ${MAX_RANGE_DAYS} days` });
    }
    const filter: FeedbackFilter = { from: start, to: end, ...rest };
    return { projectId: project, filter };
  });
