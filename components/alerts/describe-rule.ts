import { METRIC_INFO } from '@/lib/alerts/alert-metrics';
import type { RuleCondition } from '@/lib/alerts/rule-schema';

/** Human duration for rule settings: 90 -> "1.5 m", 7200 -> "2 h". */
export function formatSeconds(seconds: number): string {
  if (seconds === 0) return '0 s';
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60) return `${Math.round((seconds / 60) * 10) / 10} m`;
  return `${seconds} s`;
}

/** "p95 latency > 500 ms over 5 m, for 2 m" */
export function describeCondition(
  rule: Pick<RuleCondition, 'metric' | 'comparator' | 'threshold' | 'windowSeconds' | 'forSeconds'>,
): string {
  const info = METRIC_INFO[rule.metric];
  const held = rule.forSeconds > 0 ? `, for ${formatSeconds(rule.forSeconds)}` : '';
  return `${info.label} ${rule.comparator} ${rule.threshold} ${info.unit} over ${formatSeconds(rule.windowSeconds)}${held}`;
}

/** "service=checkout, route=POST /pay" or "all data". */
export function describeFilters(filters: RuleCondition['filters']): string {
  const parts = Object.entries(filters)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${value}`);
  return parts.length > 0 ? parts.join(', ') : 'all data';
}

export function seriesLabel(labels: Record<string, string | undefined>): string {
  const parts = Object.entries(labels).map(([name, value]) => `${name}=${value === '' ? '(none)' : value}`);
  return parts.length > 0 ? parts.join(', ') : 'all';
}
