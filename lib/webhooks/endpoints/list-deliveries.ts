import type { Queryable } from '../outbox-db';

export interface DeliveryAttemptView {
  number: number;
  startedAt: Date;
  outcome: 'success' | 'retry' | 'disable' | 'refused';
  httpStatus: number | null;
  latencyMs: number;
  error: string | null;
  responseExcerpt: string;
}

export interface DeliveryView {
  id: string;
  webhookId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  nextAttemptAt: Date | null;
  createdAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
  /** The exact signed body, for debugging a receiver. */
  body: string;
  attemptLog: DeliveryAttemptView[];
}

// Attempts are aggregated per message so one round trip serves the whole page.
const SQL = `
SELECT m.id, m.webhook_id AS "webhookId", m.event_type AS "eventType", m.status, m.attempts,
       CASE WHEN m.status = 'pending' THEN m.next_attempt_at END AS "nextAttemptAt",
       m.created_at AS "createdAt", m.delivered_at AS "deliveredAt", m.last_error AS "lastError", m.body,
       coalesce((SELECT json_agg(json_build_object(
                   'number', a.number, 'startedAt', a.started_at, 'outcome', a.outcome, 'httpStatus', a.http_status,
                   'latencyMs', a.latency_ms, 'error', a.error, 'responseExcerpt', a.response_excerpt)
                 ORDER BY a.number DESC)
                 FROM webhook_attempts a WHERE a.message_id = m.id), '[]') AS "attemptLog"
FROM webhook_messages m JOIN webhook_endpoints e ON e.id = m.endpoint_id
WHERE e.project_id = $1 AND m.endpoint_id = $2 AND ($3::timestamptz IS NULL OR m.created_at < $3)
ORDER BY m.created_at DESC, m.id
LIMIT $4`;

/** The endpoint's delivery log, newest message first, each with its attempts (newest first). */
export async function listDeliveries(
  db: Queryable,
  projectId: number,
  endpointId: string,
  options: { before?: Date | null; limit?: number } = {},
): Promise<DeliveryView[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const result = await db.query<
    Omit<DeliveryView, 'attemptLog'> & {
      attemptLog: (Omit<DeliveryAttemptView, 'startedAt'> & { startedAt: string })[];
    }
  >(SQL, [projectId, endpointId, options.before ?? null, limit]);
  return result.rows.map((row) => ({
    ...row,
    attemptLog: row.attemptLog.map((a) => ({ ...a, startedAt: new Date(a.startedAt) })),
  }));
}
