import type { Queryable } from '../../webhooks/outbox-db';
import type { AlertRuleDefinition } from '../rule-schema';
import type { AlertStatus } from '../state-machine';
import { RULE_COLUMNS, type RuleRow, ruleFromRow } from './rule-row';

export interface RuleSummary extends AlertRuleDefinition {
  /** The most urgent status among the rule's series. */
  status: AlertStatus;
  seriesCount: number;
  firingCount: number;
  pendingCount: number;
  lastEvaluatedAt: Date | null;
}

const SQL = `
SELECT ${RULE_COLUMNS},
       coalesce(s.series_count, 0)::int  AS series_count,
       coalesce(s.firing_count, 0)::int  AS firing_count,
       coalesce(s.pending_count, 0)::int AS pending_count,
       coalesce(s.resolved_count, 0)::int AS resolved_count,
       s.last_evaluated_at
FROM alert_rules r
LEFT JOIN LATERAL (
  SELECT count(*) AS series_count,
         count(*) FILTER (WHERE status = 'firing')   AS firing_count,
         count(*) FILTER (WHERE status = 'pending')  AS pending_count,
         count(*) FILTER (WHERE status = 'resolved') AS resolved_count,
         nullif(max(evaluated_at), 'epoch'::timestamptz) AS last_evaluated_at
  FROM alert_states WHERE rule_id = r.id
) s ON true
WHERE r.project_id = $1
ORDER BY r.name, r.id`;

type Row = RuleRow & {
  series_count: number;
  firing_count: number;
  pending_count: number;
  resolved_count: number;
  last_evaluated_at: Date | null;
};

/** The project's rules with their current state, for the rules list. */
export async function listRules(db: Queryable, projectId: number): Promise<RuleSummary[]> {
  const result = await db.query<Row>(SQL, [projectId]);
  return result.rows.map((row) => ({
    ...ruleFromRow(row),
    status:
      row.firing_count > 0 ? 'firing' : row.pending_count > 0 ? 'pending' : row.resolved_count > 0 ? 'resolved' : 'ok',
    seriesCount: row.series_count,
    firingCount: row.firing_count,
    pendingCount: row.pending_count,
    lastEvaluatedAt: row.last_evaluated_at,
  }));
}
