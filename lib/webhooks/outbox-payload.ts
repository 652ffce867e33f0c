import type { AlertEvent } from './alert-event';
import { buildAlertmanagerPayload } from './alertmanager-payload';
import { buildTailwatchPayload } from './tailwatch-payload';

export type WebhookFormat = 'tailwatch' | 'alertmanager';

/** The payload of an alert event in an endpoint's format; throws `invalid_alert_event` on bad input. */
export function payloadFor(
  event: AlertEvent,
  endpoint: { name: string; format: WebhookFormat },
  externalUrl: string,
): unknown {
  return endpoint.format === 'alertmanager'
    ? buildAlertmanagerPayload(event, { externalUrl, receiver: endpoint.name })
    : buildTailwatchPayload(event, { externalUrl });
}
