import type { AlertMetric } from '../alert-metrics';
import { type ComparatorName, comparatorSymbol } from '../comparator';
import type { AlertRuleDefinition, GroupDimension, Severity } from '../rule-schema';

/** Columns of alert_rules as selected by every rule query (alias `r`). */
export const RULE_COLUMNS = `r.id, r.project_id, r.name, r.description, r.enabled, r.metric, r.service, r.route,
  r.environment, r.release, r.group_by, r.comparator, r.threshold, r.window_seconds, r.for_seconds,
  r.repeat_interval_seconds, r.min_requests, r.severity, r.labels, r.created_at, r.updated_at`;

export interface RuleRow {
  id: string;
  project_id: number;
  name: string;
  description: string;
  enabled: boolean;
  metric: AlertMetric;
  service: string | null;
  route: string | null;
  environment: string | null;
  release: string | null;
  group_by: string[];
  comparator: ComparatorName;
  threshold: number;
  window_seconds: number;
  for_seconds: number;
  repeat_interval_seconds: number;
  min_requests: number;
  severity: Severity;
  labels: Record<string, string>;
  created_at: Date;
  updated_at: Date;
}

export function ruleFromRow(row: RuleRow): AlertRuleDefinition {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    description: row.description,
    enabled: row.enabled,
    metric: row.metric,
    filters: { service: row.service, route: row.route, environment: row.environment, release: row.release },
    groupBy: row.group_by as GroupDimension[],
    comparator: comparatorSymbol(row.comparator),
    threshold: row.threshold,
    windowSeconds: row.window_seconds,
    forSeconds: row.for_seconds,
    repeatIntervalSeconds: row.repeat_interval_seconds,
    minRequests: row.min_requests,
    severity: row.severity,
    labels: row.labels,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
