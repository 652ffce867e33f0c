import type { AlertEvent } from '../webhooks/alert-event';
import { METRIC_INFO } from './alert-metrics';
import type { AlertRuleDefinition } from './rule-schema';
import type { SeriesLabels } from './series-key';
import type { Notification, SeriesState } from './state-machine';

export interface NotificationInput {
  eventId: string;
  rule: AlertRuleDefinition;
  projectName: string;
  labels: SeriesLabels;
  annotations?: Record<string, string>;
  /** The series state after the step that notified. */
  state: SeriesState;
  notification: Notification;
  now: Date;
}

/** The alert event handed to webhook delivery for one notification of one series. */
export function buildAlertEvent(input: NotificationInput): AlertEvent {
  const { rule, state, now } = input;
  const info = METRIC_INFO[rule.metric];
  const resolved = input.notification === 'resolved';
  return {
    id: input.eventId,
    project: { id: String(rule.projectId), name: input.projectName },
    rule: {
      id: rule.id,
      name: rule.name,
      description: rule.description || undefined,
      severity: rule.severity,
    },
    state: resolved ? 'resolved' : 'firing',
    startsAt: state.activeSince ?? state.firedAt ?? now,
    endsAt: resolved ? (state.resolvedAt ?? now) : null,
    values: state.value === null ? {} : { [info.valueName]: Math.round(state.value * 1000) / 1000 },
    thresholds: [{ value: info.valueName, operator: rule.comparator, threshold: rule.threshold }],
    window: { from: new Date(now.getTime() - rule.windowSeconds * 1000), to: now },
    // The series' own labels win: they say which service is in trouble.
    labels: { ...rule.labels, ...input.labels },
    annotations: input.annotations ?? {},
  };
}
