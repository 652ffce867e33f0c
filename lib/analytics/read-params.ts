import { z } from 'zod';
import { ApiError } from '@/lib/http/api';
import type { ReadFilters } from './filters';

// Query-string parsing shared by the read endpoints: one schema, errors naming the field (400).

const DEFAULT_RANGE_MS = 24 * 3600_000;
const MAX_RANGE_MS = 400 * 24 * 3600_000;
const MAX_POINTS = 2000;

const text = z.string().trim().min(1, 'must not be empty').max(512, 'at most 512 characters');
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time with a time zone' });

export const readFilterShape = {
  project: z.coerce
    .number({ message: 'required: a positive integer' })
    .int('must be an integer')
    .positive('must be positive'),
  service: text.optional(),
  route: text.optional(),
  release: text.optional(),
  environment: text.optional(),
  method: text.optional(),
  from: instant.optional(),
  to: instant.optional(),
};

export const readFiltersSchema = z.object(readFilterShape);
export const seriesParamsSchema = z.object({
  ...readFilterShape,
  step: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int('must be whole seconds')
    .min(60, 'at least 60 seconds')
    .optional(),
});

type RawFilters = z.output<typeof readFiltersSchema>;

/** Filters with defaults: to = now, from = to − 24 h (or `defaultRangeMs`); checks from < to. */
export function toReadFilters(q: RawFilters, defaultRangeMs = DEFAULT_RANGE_MS, nowMs = Date.now()): ReadFilters {
  const toMs = q.to ? Date.parse(q.to) : nowMs;
  const fromMs = q.from ? Date.parse(q.from) : toMs - defaultRangeMs;
  if (!(fromMs < toMs)) throw badField('from', 'must be before to');
  if (toMs - fromMs > MAX_RANGE_MS) throw badField('from', 'the range may span at most 400 days');
  return {
    projectId: q.project,
    service: q.service,
    route: q.route,
    release: q.release,
    environment: q.environment,
    method: q.method,
    fromMs,
    toMs,
  };
}

/**
 * Step in ms: whole minutes (the finest tier); default ~120 points rounded to a friendly step. A step
 * that would produce more than 2000 points is refused.
 */
export function toStepMs(stepSeconds: number | undefined, filters: ReadFilters): number {
  const range = filters.toMs - filters.fromMs;
  if (stepSeconds === undefined) return defaultStepMs(range);
  if (stepSeconds % 60 !== 0) throw badField('step', 'must be a multiple of 60 seconds');
  const stepMs = stepSeconds * 1000;
  if (range / stepMs > MAX_POINTS) throw badField('step', `too small for the range: at most ${MAX_POINTS} points`);
  return stepMs;
}

const FRIENDLY_STEPS_S = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

export function defaultStepMs(rangeMs: number): number {
  const wanted = rangeMs / 120 / 1000;
  const step = FRIENDLY_STEPS_S.find((s) => s >= wanted) ?? Math.ceil(wanted / 86400) * 86400;
  return step * 1000;
}

export function badField(field: string, message: string): ApiError {
  return new ApiError(400, 'invalid_input', `${field}: ${message}`, { [field]: message });
}
