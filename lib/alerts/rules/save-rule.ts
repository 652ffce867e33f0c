import type { Queryable } from '../../webhooks/outbox-db';
import { isUuid } from '../../webhooks/outbox-db';
import { comparatorName } from '../comparator';
import { type AlertRuleDefinition, type RuleInput, ruleInputSchema } from '../rule-schema';
import { RULE_COLUMNS, type RuleRow, ruleFromRow } from './rule-row';

const FIELDS = `name, description, enabled, metric, service, route, environment, release, group_by, comparator,
  threshold, window_seconds, for_seconds, repeat_interval_seconds, min_requests, severity, labels`;

const INSERT = `
INSERT INTO alert_rules AS r (id, project_id, ${FIELDS}, created_at, updated_at)
VALUES (gen_random_uuid(), $1, $2, $3, $4, $5::alert_metric, $6, $7, $8, $9, $10::text[], $11::alert_comparator,
        $12, $13, $14, $15, $16, $17::alert_severity, $18::jsonb, now(), now())
RETURNING ${RULE_COLUMNS}`;

// Saving replaces the definition; states stay, so a series keeps its firing alert across an edit and the
// next evaluation decides under the new condition (series that no longer exist resolve).
const UPDATE = `
UPDATE alert_rules AS r SET (${FIELDS}, updated_at) =
  ($3, $4, $5, $6::alert_metric, $7, $8, $9, $10, $11::text[], $12::alert_comparator,
   $13, $14, $15, $16, $17, $18::alert_severity, $19::jsonb, now())
WHERE r.project_id = $1 AND r.id = $2
RETURNING ${RULE_COLUMNS}`;

function values(input: RuleInput): unknown[] {
  const rule = ruleInputSchema.parse(input);
  return [
    rule.name,
    rule.description,
    rule.enabled,
    rule.metric,
    rule.filters.service,
    rule.filters.route,
    rule.filters.environment,
    rule.filters.release,
    rule.groupBy,
    comparatorName(rule.comparator),
    rule.threshold,
    rule.windowSeconds,
    rule.forSeconds,
    rule.repeatIntervalSeconds,
    rule.minRequests,
    rule.severity,
    JSON.stringify(rule.labels),
  ];
}

/** Validates (throws ZodError) and creates a rule in the project. */
export async function createRule(db: Queryable, projectId: number, input: RuleInput): Promise<AlertRuleDefinition> {
  const result = await db.query<RuleRow>(INSERT, [projectId, ...values(input)]);
  return ruleFromRow(result.rows[0]);
}

/** Validates and replaces a rule's definition; null when the project has no such rule. */
export async function updateRule(
  db: Queryable,
  projectId: number,
  ruleId: string,
  input: RuleInput,
): Promise<AlertRuleDefinition | null> {
  const fields = values(input);
  if (!isUuid(ruleId)) return null;
  const result = await db.query<RuleRow>(UPDATE, [projectId, ruleId, ...fields]);
  return result.rows[0] ? ruleFromRow(result.rows[0]) : null;
}
