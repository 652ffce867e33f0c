import { describe, expect, it } from 'vitest';
import type { AlertEvent } from './alert-event';
import { alertmanagerPayloadSchema, buildAlertmanagerPayload } from './alertmanager-payload';
import { labelFingerprint } from './label-fingerprint';
import { buildTailwatchPayload, tailwatchPayloadSchema } from './tailwatch-payload';
import { WebhookError } from './webhook-error';

const firing: AlertEvent = {
  id: 'evt_1',
  project: { id: 'proj 1', name: 'Shop' },
  rule: { id: 'rule_9', name: 'Checkout p95', description: 'p95 latency of checkout', severity: 'critical' },
  state: 'firing',
  startsAt: new Date('2025-01-01T10:05:00Z'),
  values: { p95_ms: 812.4 },
  thresholds: [{ value: 'p95_ms', operator: '>', threshold: 500 }],
  window: { from: '2025-01-01T10:00:00Z', to: '2025-01-01T10:05:00Z' },
  labels: { service: 'checkout', route: 'POST /pay', alertname: 'sneaky' },
  annotations: { runbook_url: 'https://runbooks.example/checkout' },
};
const resolved: AlertEvent = { ...firing, id: 'evt_2', state: 'resolved', endsAt: '2025-01-01T10:20:00.000Z' };
const options = { externalUrl: 'https://tailwatch.example/', receiver: 'ops-hook' };

describe('Tailwatch payload', () => {
  it('carries rule, state, values, thresholds, window, labels and dashboard links', () => {
    const payload = buildTailwatchPayload(firing, options);
    expect(tailwatchPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload.type).toBe('alert.firing');
    expect(payload.timestamp).toBe('2025-01-01T10:05:00.000Z');
    expect(payload.data).toMatchObject({
      eventId: 'evt_1',
      state: 'firing',
      rule: { id: 'rule_9', severity: 'critical' },
      values: { p95_ms: 812.4 },
      thresholds: [{ value: 'p95_ms', operator: '>', threshold: 500 }],
      window: { from: '2025-01-01T10:00:00.000Z', durationSeconds: 300 },
      labels: { service: 'checkout' },
      endsAt: null,
    });
    expect(payload.data.links.rule).toBe('https://tailwatch.example/projects/proj%201/alerts/rule_9');
    const dashboard = new URL(payload.data.links.dashboard);
    expect(dashboard.searchParams.get('from')).toBe('2025-01-01T10:00:00.000Z');
    expect(dashboard.searchParams.get('service')).toBe('checkout');
  });

  it('stamps a resolution with its end time', () => {
    const payload = buildTailwatchPayload(resolved, options);
    expect(payload).toMatchObject({ type: 'alert.resolved', timestamp: '2025-01-01T10:20:00.000Z' });
    expect(payload.data.endsAt).toBe('2025-01-01T10:20:00.000Z');
  });

  it.each([
    ['a resolved event without endsAt', { ...firing, state: 'resolved' }, 'endsAt'],
    ['a label name Alertmanager cannot carry', { ...firing, labels: { 'service.name': 'x' } }, 'labels'],
    ['a non-finite value', { ...firing, values: { p95_ms: Number.NaN } }, 'values'],
    [
      'a window that ends before it starts',
      { ...firing, window: { from: firing.window.to, to: firing.window.from } },
      'window',
    ],
    ['an unparseable date', { ...firing, startsAt: 'yesterday' }, 'startsAt'],
  ])('rejects %s with invalid_alert_event', (_name, input, path) => {
    const attempt = () => buildTailwatchPayload(input as AlertEvent, options);
    expect(attempt).toThrow(WebhookError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'invalid_alert_event' }));
    expect(attempt).toThrow(path);
  });
});

describe('Alertmanager payload', () => {
  it('matches the version 4 webhook shape', () => {
    const payload = buildAlertmanagerPayload(firing, options);
    expect(alertmanagerPayloadSchema.parse(payload)).toEqual(payload);
    expect(payload).toMatchObject({
      version: '4',
      status: 'firing',
      receiver: 'ops-hook',
      truncatedAlerts: 0,
      externalURL: 'https://tailwatch.example/',
      groupLabels: { alertname: 'Checkout p95', tailwatch_rule_id: 'rule_9' },
      groupKey: '{}:{alertname="Checkout p95", tailwatch_rule_id="rule_9"}',
    });
    const [alert] = payload.alerts;
    expect(alert).toMatchObject({
      status: 'firing',
      startsAt: '2025-01-01T10:05:00.000Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://tailwatch.example/projects/proj%201/alerts/rule_9',
      labels: { alertname: 'Checkout p95', severity: 'critical', service: 'checkout', tailwatch_project: 'Shop' },
      annotations: {
        summary: 'Checkout p95: p95_ms = 812.4 (> 500)',
        runbook_url: 'https://runbooks.example/checkout',
      },
    });
    expect(payload.commonLabels).toEqual(alert.labels);
    expect(payload.commonAnnotations).toEqual(alert.annotations);
  });

  it('keeps one fingerprint from firing to resolved, so receivers pair them', () => {
    const fired = buildAlertmanagerPayload(firing, options).alerts[0];
    const ended = buildAlertmanagerPayload(resolved, options).alerts[0];
    expect(ended).toMatchObject({ status: 'resolved', endsAt: '2025-01-01T10:20:00.000Z' });
    expect(ended.fingerprint).toBe(fired.fingerprint);
    expect(fired.fingerprint).toBe(labelFingerprint(fired.labels));
  });

  it('computes fingerprints exactly like Prometheus', () => {
    // Expected values from prometheus/common model/signature_test.go (decimal there).
    expect(labelFingerprint({})).toBe(14695981039346656037n.toString(16));
    expect(labelFingerprint({ name: 'garland, briggs', fear: 'love is not enough' })).toBe(
      5799056148416392346n.toString(16).padStart(16, '0'),
    );
    expect(labelFingerprint({ 'first-label': 'first-label-value' })).toBe(
      5146282821936882169n.toString(16).padStart(16, '0'),
    );
  });
});
