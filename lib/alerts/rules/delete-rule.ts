import type pg from 'pg';
import { inTransaction, isUuid } from '../../webhooks/outbox-db';
import { applyEvaluation } from '../apply-evaluation';
import { RULE_COLUMNS, type RuleRow, ruleFromRow } from './rule-row';

const LOCK = `
SELECT ${RULE_COLUMNS}, p.name AS project_name
FROM alert_rules r JOIN projects p ON p.id = r.project_id
WHERE r.project_id = $1 AND r.id = $2
FOR UPDATE OF r`;

/**
 * Deletes a rule. Its firing series are resolved first, in the same transaction, so receivers are told
 * the alert is over instead of keeping it open forever. False when the project has no such rule.
 */
export async function deleteRule(
  pool: pg.Pool,
  projectId: number,
  ruleId: string,
  ctx: { externalUrl: string; now?: Date },
): Promise<boolean> {
  if (!isUuid(ruleId)) return false;
  return inTransaction(pool, async (client) => {
    const found = await client.query<RuleRow & { project_name: string }>(LOCK, [projectId, ruleId]);
    const row = found.rows[0];
    if (!row) return false;
    await applyEvaluation(client, ruleFromRow(row), [], {
      now: ctx.now ?? new Date(),
      projectName: row.project_name,
      externalUrl: ctx.externalUrl,
    });
    await client.query('DELETE FROM alert_rules WHERE id = $1', [ruleId]);
    return true;
  });
}
