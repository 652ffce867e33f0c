import { z } from 'zod';
import { type AlertEvent, parseAlertEvent } from './alert-event';
import { alertLinks } from './alert-links';

/**
 * Tailwatch's own alert payload (Standard Webhooks envelope: type, timestamp, data). Documented
 * contract for receivers; additive changes only.
 *
 * {
 *   "type": "alert.firing" | "alert.resolved",
 *   "timestamp": "2025-01-01T10:05:00.000Z",        // the state change: startsAt or endsAt
 *   "data": {
 *     "eventId": "evt_1", "state": "firing" | "resolved",
 *     "project": { "id": "p1", "name": "Shop" },
 *     "rule": { "id": "r1", "name": "Checkout p95", "description": "...", "severity": "critical" },
 *     "startsAt": ISO, "endsAt": ISO | null,
 *     "values": { "p95_ms": 812.4 },
 *     "thresholds": [{ "value": "p95_ms", "operator": ">", "threshold": 500 }],
 *     "window": { "from": ISO, "to": ISO, "durationSeconds": 300 },
 *     "labels": { "service": "checkout" }, "annotations": { "runbook_url": "..." },
 *     "links": { "rule": URL, "dashboard": URL }
 *   }
 * }
 */
export const tailwatchPayloadSchema = z.object({
  type: z.enum(['alert.firing', 'alert.resolved']),
  timestamp: z.iso.datetime(),
  data: z.object({
    eventId: z.string(),
    state: z.enum(['firing', 'resolved']),
    project: z.object({ id: z.string(), name: z.string() }),
    rule: z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().nullable(),
      severity: z.enum(['info', 'warning', 'critical']),
    }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime().nullable(),
    values: z.record(z.string(), z.number()),
    thresholds: z.array(
      z.object({ value: z.string(), operator: z.enum(['>', '>=', '<', '<=']), threshold: z.number() }),
    ),
    window: z.object({ from: z.iso.datetime(), to: z.iso.datetime(), durationSeconds: z.number().int().min(0) }),
    labels: z.record(z.string(), z.string()),
    annotations: z.record(z.string(), z.string()),
    links: z.object({ rule: z.url(), dashboard: z.url() }),
  }),
});

export type TailwatchAlertPayload = z.infer<typeof tailwatchPayloadSchema>;

export interface PayloadOptions {
  /** Public base URL of this Tailwatch instance, used for links. */
  externalUrl: string;
}

/** Builds the Tailwatch JSON payload; throws `invalid_alert_event` on bad input. */
export function buildTailwatchPayload(input: AlertEvent, options: PayloadOptions): TailwatchAlertPayload {
  const event = parseAlertEvent(input);
  const endsAt = event.endsAt ?? null;
  return {
    type: event.state === 'firing' ? 'alert.firing' : 'alert.resolved',
    timestamp: (event.state === 'resolved' && endsAt ? endsAt : event.startsAt).toISOString(),
    data: {
      eventId: event.id,
      state: event.state,
      project: { id: event.project.id, name: event.project.name },
      rule: {
        id: event.rule.id,
        name: event.rule.name,
        description: event.rule.description ?? null,
        severity: event.rule.severity,
      },
      startsAt: event.startsAt.toISOString(),
      endsAt: endsAt ? endsAt.toISOString() : null,
      values: event.values,
      thresholds: event.thresholds,
      window: {
        from: event.window.from.toISOString(),
        to: event.window.to.toISOString(),
        durationSeconds: Math.round((event.window.to.getTime() - event.window.from.getTime()) / 1000),
      },
      labels: event.labels,
      annotations: event.annotations,
      links: alertLinks(event, options.externalUrl),
    },
  };
}
