import { ALERT_METRICS, type AlertMetric } from '@/lib/alerts/alert-metrics';
import type { ComparatorSymbol } from '@/lib/alerts/comparator';
import {
  DEFAULT_REPEAT_INTERVAL_SECONDS,
  type GroupDimension,
  type ParsedRuleInput,
  type RuleCondition,
  ruleConditionSchema,
  ruleInputSchema,
  type Severity,
} from '@/lib/alerts/rule-schema';
import type { RuleJson } from './queries';

// The rule form edits strings (what inputs hold); these functions translate to and from the API's rule.

export interface RuleFormState {
  name: string;
  description: string;
  enabled: boolean;
  metric: AlertMetric;
  service: string;
  route: string;
  environment: string;
  release: string;
  groupBy: GroupDimension[];
  comparator: ComparatorSymbol;
  threshold: string;
  windowMinutes: string;
  forMinutes: string;
  repeatHours: string;
  minRequests: string;
  severity: Severity;
  /** One `name=value` per line. */
  labels: string;
}

export const NEW_RULE_FORM: RuleFormState = {
  name: '',
  description: '',
  enabled: true,
  metric: 'latency_p95',
  service: '',
  route: '',
  environment: '',
  release: '',
  groupBy: ['service'],
  comparator: '>',
  threshold: '500',
  windowMinutes: '5',
  forMinutes: '2',
  repeatHours: String(DEFAULT_REPEAT_INTERVAL_SECONDS / 3600),
  minRequests: '20',
  severity: 'warning',
  labels: '',
};

/**
 * A new-rule form prefilled from a link (e.g. "alert on it" beside a feedback-calibrated Apdex threshold):
 * `?metric=latency_p95&service=&route=&threshold=&name=`. Unknown or malformed values are ignored.
 */
export function formFromSearch(params: Record<string, string | string[] | undefined>): RuleFormState {
  const one = (key: string) => {
    const v = params[key];
    return typeof v === 'string' ? v.slice(0, 200) : undefined;
  };
  const form = { ...NEW_RULE_FORM };
  const metric = one('metric');
  if (metric && (ALERT_METRICS as readonly string[]).includes(metric)) form.metric = metric as AlertMetric;
  const threshold = one('threshold');
  if (threshold && Number.isFinite(Number(threshold)) && Number(threshold) > 0) form.threshold = threshold;
  for (const key of ['service', 'route', 'name'] as const) form[key] = one(key) ?? form[key];
  if (form.route) form.groupBy = [];
  return form;
}

export function formFromRule(rule: RuleJson): RuleFormState {
  return {
    name: rule.name,
    description: rule.description,
    enabled: rule.enabled,
    metric: rule.metric,
    service: rule.filters.service ?? '',
    route: rule.filters.route ?? '',
    environment: rule.filters.environment ?? '',
    release: rule.filters.release ?? '',
    groupBy: rule.groupBy,
    comparator: rule.comparator,
    threshold: String(rule.threshold),
    windowMinutes: String(rule.windowSeconds / 60),
    forMinutes: String(rule.forSeconds / 60),
    repeatHours: String(rule.repeatIntervalSeconds / 3600),
    minRequests: String(rule.minRequests),
    severity: rule.severity,
    labels: Object.entries(rule.labels)
      .map(([name, value]) => `${name}=${value}`)
      .join('\n'),
  };
}

const number = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

function rawRule(form: RuleFormState) {
  const labels: Record<string, string> = {};
  for (const line of form.labels.split('\n')) {
    const at = line.indexOf('=');
    if (line.trim() === '') continue;
    labels[(at < 0 ? line : line.slice(0, at)).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  return {
    name: form.name,
    description: form.description,
    enabled: form.enabled,
    metric: form.metric,
    filters: { service: form.service, route: form.route, environment: form.environment, release: form.release },
    groupBy: form.groupBy,
    comparator: form.comparator,
    threshold: number(form.threshold),
    windowSeconds: Math.round(number(form.windowMinutes) * 60),
    forSeconds: Math.round(number(form.forMinutes) * 60),
    repeatIntervalSeconds: Math.round(number(form.repeatHours) * 3600),
    minRequests: number(form.minRequests),
    severity: form.severity,
    labels,
  };
}

export type FormCheck = { ok: true; rule: ParsedRuleInput } | { ok: false; errors: Record<string, string> };

/** The rule to save, or messages keyed by field path (e.g. `threshold`, `filters.route`). */
export function checkRuleForm(form: RuleFormState): FormCheck {
  const parsed = ruleInputSchema.safeParse(rawRule(form));
  if (parsed.success) return { ok: true, rule: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join('.') || 'form'] ??= issue.message;
  return { ok: false, errors };
}

/** The condition to preview, or null while the condition part of the form is invalid. */
export function conditionFromForm(form: RuleFormState): RuleCondition | null {
  const parsed = ruleConditionSchema.safeParse(rawRule(form));
  return parsed.success ? parsed.data : null;
}
