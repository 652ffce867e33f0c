import { z } from 'zod';
import { type AlertEvent, describeThresholds, parseAlertEvent } from './alert-event';
import { alertLinks } from './alert-links';
import { labelFingerprint } from './label-fingerprint';
import type { PayloadOptions } from './tailwatch-payload';

// Alertmanager writes the zero Go time for alerts that have not ended.
const ZERO_TIME = '0001-01-01T00:00:00Z';

const labelSet = z.record(z.string(), z.string());

/** Alertmanager webhook payload, version 4, so existing Alertmanager receivers work unchanged. */
export const alertmanagerPayloadSchema = z.object({
  version: z.literal('4'),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().min(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet,
  externalURL: z.string(),
  alerts: z.array(
    z.object({
      status: z.enum(['firing', 'resolved']),
      labels: labelSet,
      annotations: labelSet,
      startsAt: z.string(),
      endsAt: z.string(),
      generatorURL: z.string(),
      fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
    }),
  ),
});

export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

export interface AlertmanagerOptions extends PayloadOptions {
  /** Shown as `receiver`; use the endpoint's name. */
  receiver: string;
}

/** Builds an Alertmanager-compatible payload with one alert; throws `invalid_alert_event` on bad input. */
export function buildAlertmanagerPayload(input: AlertEvent, options: AlertmanagerOptions): AlertmanagerPayload {
  const event = parseAlertEvent(input);
  const links = alertLinks(event, options.externalUrl);
  // Ours are applied last: a user label must not rename the alert or hide which rule fired.
  const labels: Record<string, string> = {
    ...event.labels,
    alertname: event.rule.name,
    severity: event.rule.severity,
    tailwatch_project: event.project.name,
    tailwatch_rule_id: event.rule.id,
  };
  const annotations: Record<string, string> = {
    summary: `${event.rule.name}: ${describeThresholds(event)}`,
    ...(event.rule.description ? { description: event.rule.description } : {}),
    dashboard_url: links.dashboard,
    ...event.annotations,
  };
  const groupLabels = { alertname: labels.alertname, tailwatch_rule_id: labels.tailwatch_rule_id };
  return {
    version: '4',
    groupKey: `{}:${formatLabelSet(groupLabels)}`,
    truncatedAlerts: 0,
    status: event.state,
    receiver: options.receiver,
    groupLabels,
    commonLabels: labels,
    commonAnnotations: annotations,
    externalURL: options.externalUrl,
    alerts: [
      {
        status: event.state,
        labels,
        annotations,
        startsAt: event.startsAt.toISOString(),
        endsAt: event.state === 'resolved' && event.endsAt ? event.endsAt.toISOString() : ZERO_TIME,
        generatorURL: links.rule,
        fingerprint: labelFingerprint(labels),
      },
    ],
  };
}

// Prometheus LabelSet.String(): `{a="x", b="y"}`, sorted, values quoted.
function formatLabelSet(labels: Record<string, string>): string {
  const pairs = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `{${pairs.join(', ')}}`;
}
