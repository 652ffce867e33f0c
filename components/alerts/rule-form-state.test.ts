import { describe, expect, it } from 'vitest';
import { checkRuleForm, conditionFromForm, formFromRule, formFromSearch, NEW_RULE_FORM } from './rule-form-state';

describe('rule form', () => {
  it('turns the form strings into a rule in API units', () => {
    const check = checkRuleForm({
      ...NEW_RULE_FORM,
      name: 'Checkout p95',
      service: 'checkout',
      windowMinutes: '10',
      forMinutes: '0.5',
      repeatHours: '0',
      labels: 'team=payments\n\n runbook = https://wiki/run ',
    });
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.rule).toMatchObject({
      name: 'Checkout p95',
      filters: { service: 'checkout', route: null, environment: null, release: null },
      windowSeconds: 600,
      forSeconds: 30,
      repeatIntervalSeconds: 0,
      threshold: 500,
      labels: { team: 'payments', runbook: 'https://wiki/run' },
    });
  });

  it('reports problems by field', () => {
    const check = checkRuleForm({ ...NEW_RULE_FORM, threshold: '', windowMinutes: '0', labels: 'severity=high' });
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors).sort()).toEqual(['labels.severity', 'name', 'threshold', 'windowSeconds']);
  });

  it('previews a valid condition even before the rule has a name', () => {
    expect(conditionFromForm(NEW_RULE_FORM)).toMatchObject({ metric: 'latency_p95', windowSeconds: 300 });
    expect(conditionFromForm({ ...NEW_RULE_FORM, threshold: 'abc' })).toBeNull();
  });

  it('round-trips a stored rule', () => {
    const check = checkRuleForm({ ...NEW_RULE_FORM, name: 'x', labels: 'a=1' });
    if (!check.ok) throw new Error('invalid');
    const stored = { ...check.rule, id: 'r', projectId: 1, createdAt: '', updatedAt: '' };
    const again = checkRuleForm(formFromRule(stored));
    expect(again).toEqual(check);
  });
});

describe('formFromSearch', () => {
  it('prefills a rule from an "alert on it" link and ignores what it does not know', () => {
    const form = formFromSearch({
      metric: 'latency_p95',
      service: 'storefront',
      route: '/checkout',
      threshold: '740',
      name: 'felt slow',
    });
    expect(form).toMatchObject({
      metric: 'latency_p95',
      service: 'storefront',
      route: '/checkout',
      threshold: '740',
      name: 'felt slow',
      groupBy: [],
    });
    const junk = formFromSearch({ metric: 'drop_tables', threshold: '-3', route: ['a', 'b'] });
    expect(junk.metric).toBe(NEW_RULE_FORM.metric);
    expect(junk.threshold).toBe(NEW_RULE_FORM.threshold);
    expect(junk.route).toBe('');
  });
});
