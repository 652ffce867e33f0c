import { z } from 'zod';
import { WebhookError } from './webhook-error';

// Dates arrive as Date from Prisma or as ISO strings from an outbox JSON column; both are accepted.
const instant = z.union([z.date(), z.iso.datetime({ offset: true })]).transform((value) => new Date(value));

// Prometheus label-name rules, so labels pass unchanged into the Alertmanager payload.
export const labelName = z.string().regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, 'label names must match [a-zA-Z_][a-zA-Z0-9_]*');

/** A rule's state change, as the alert evaluator hands it to webhook delivery. */
export const alertEventSchema = z
  .object({
    /** Unique per state change; payloads carry it so receivers can correlate. */
    id: z.string().min(1),
    project: z.object({ id: z.string().min(1), name: z.string().min(1) }),
    rule: z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      description: z.string().optional(),
      severity: z.enum(['info', 'warning', 'critical']),
    }),
    state: z.enum(['firing', 'resolved']),
    /** When the condition started to hold. */
    startsAt: instant,
    /** When it stopped holding; required for `resolved`, absent or null while firing. */
    endsAt: instant.nullish(),
    /** Observed values in the evaluation window, by name, e.g. `{ p95_ms: 812.4, error_rate: 0.02 }`. */
    values: z.record(z.string().min(1), z.number().finite()),
    /** Conditions of the rule, e.g. `{ value: 'p95_ms', operator: '>', threshold: 500 }`. */
    thresholds: z.array(
      z.object({
        value: z.string().min(1),
        operator: z.enum(['>', '>=', '<', '<=']),
        threshold: z.number().finite(),
      }),
    ),
    /** The evaluated time range. */
    window: z.object({ from: instant, to: instant }),
    /** What the alert is about, e.g. `{ service: 'checkout', route: 'POST /pay', release: '1.4.2' }`. */
    labels: z.record(labelName, z.string()),
    annotations: z.record(labelName, z.string()).default({}),
  })
  .superRefine((event, ctx) => {
    if (event.state === 'resolved' && !event.endsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'a resolved event needs endsAt' });
    }
    if (event.window.to.getTime() < event.window.from.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['window'], message: 'window.to is before window.from' });
    }
  });

/** What callers pass in (dates as Date or ISO string). */
export type AlertEvent = z.input<typeof alertEventSchema>;
/** After validation: dates are Date, annotations present. */
export type ParsedAlertEvent = z.output<typeof alertEventSchema>;

export function parseAlertEvent(input: unknown): ParsedAlertEvent {
  const parsed = alertEventSchema.safeParse(input);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new WebhookError('invalid_alert_event', `Alert event is invalid: ${detail}`, { cause: parsed.error });
  }
  return parsed.data;
}

/** One-line human summary, e.g. `p95_ms = 812.4 (> 500)`. */
export function describeThresholds(event: ParsedAlertEvent): string {
  return event.thresholds
    .map((t) => `${t.value} = ${event.values[t.value] ?? 'n/a'} (${t.operator} ${t.threshold})`)
    .join(', ');
}
