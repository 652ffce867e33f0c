import { isUuid, type Queryable } from '../../webhooks/outbox-db';
import type { AlertRuleDefinition } from '../rule-schema';
import { RULE_COLUMNS, type RuleRow, ruleFromRow } from './rule-row';

const SQL = `SELECT ${RULE_COLUMNS} FROM alert_rules r WHERE r.project_id = $1 AND r.id = $2`;

/** A rule of the project, or null (also for a malformed id: ids come from URLs). */
export async function getRule(db: Queryable, projectId: number, ruleId: string): Promise<AlertRuleDefinition | null> {
  if (!isUuid(ruleId)) return null;
  const result = await db.query<RuleRow>(SQL, [projectId, ruleId]);
  return result.rows[0] ? ruleFromRow(result.rows[0]) : null;
}
