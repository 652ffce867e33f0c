import type { Queryable } from '../../webhooks/outbox-db';
import type { SeriesLabels } from '../series-key';
import type { AlertStatus } from '../state-machine';

export interface RuleSeriesState {
  seriesKey: string;
  labels: SeriesLabels;
  status: AlertStatus;
  value: number | null;
  activeSince: Date | null;
  firedAt: Date | null;
  resolvedAt: Date | null;
  lastNotifiedAt: Date | null;
  evaluatedAt: Date | null;
}

const SQL = `
SELECT s.series_key AS "seriesKey", s.labels, s.status, s.value, s.active_since AS "activeSince",
       s.fired_at AS "firedAt", s.resolved_at AS "resolvedAt", s.last_notified_at AS "lastNotifiedAt",
       nullif(s.evaluated_at, 'epoch'::timestamptz) AS "evaluatedAt"
FROM alert_states s JOIN alert_rules r ON r.id = s.rule_id
WHERE r.project_id = $1 AND r.id = $2
ORDER BY array_position(ARRAY['firing', 'pending', 'resolved', 'ok']::alert_status[], s.status), s.series_key`;

/** Current state of each series of a rule, most urgent first. */
export async function listRuleStates(db: Queryable, projectId: number, ruleId: string): Promise<RuleSeriesState[]> {
  const result = await db.query<RuleSeriesState>(SQL, [projectId, ruleId]);
  return result.rows;
}
