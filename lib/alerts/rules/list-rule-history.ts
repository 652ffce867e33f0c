import type { Queryable } from '../../webhooks/outbox-db';
import type { SeriesLabels } from '../series-key';
import type { AlertStatus } from '../state-machine';

export interface AlertHistoryEntry {
  id: string;
  ruleId: string;
  ruleName: string;
  seriesKey: string;
  labels: SeriesLabels;
  fromStatus: AlertStatus;
  toStatus: AlertStatus;
  notified: boolean;
  value: number | null;
  at: Date;
  /** Webhook messages this entry produced, by status. */
  messages: { delivered: number; pending: number; failed: number };
}

// $2 null = every rule of the project. Newest first; `before` pages back.
const SQL = `
SELECT e.id, e.rule_id AS "ruleId", r.name AS "ruleName", e.series_key AS "seriesKey", e.labels,
       e.from_status AS "fromStatus", e.to_status AS "toStatus", e.notified, e.value, e.at,
       json_build_object(
         'delivered', count(m.id) FILTER (WHERE m.status = 'delivered'),
         'pending', count(m.id) FILTER (WHERE m.status = 'pending'),
         'failed', count(m.id) FILTER (WHERE m.status IN ('failed', 'cancelled'))) AS messages
FROM alert_events e
JOIN alert_rules r ON r.id = e.rule_id
LEFT JOIN webhook_messages m ON m.alert_event_id = e.id
WHERE e.project_id = $1 AND ($2::uuid IS NULL OR e.rule_id = $2) AND ($3::timestamptz IS NULL OR e.at < $3)
GROUP BY e.id, r.name
ORDER BY e.at DESC, e.id
LIMIT $4`;

export async function listAlertHistory(
  db: Queryable,
  projectId: number,
  options: { ruleId?: string | null; before?: Date | null; limit?: number } = {},
): Promise<AlertHistoryEntry[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 500);
  const result = await db.query<AlertHistoryEntry>(SQL, [
    projectId,
    options.ruleId ?? null,
    options.before ?? null,
    limit,
  ]);
  return result.rows;
}
