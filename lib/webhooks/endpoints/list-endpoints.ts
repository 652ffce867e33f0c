import type { Queryable } from '../outbox-db';
import { isUuid } from '../outbox-db';
import { ENDPOINT_COLUMNS, type EndpointRow, type EndpointView, endpointFromRow } from './endpoint-row';

export interface EndpointSummary extends EndpointView {
  pendingMessages: number;
  failedLast24h: number;
  lastDeliveredAt: Date | null;
}

const SQL = `
SELECT ${ENDPOINT_COLUMNS},
       (SELECT count(*) FROM webhook_messages m WHERE m.endpoint_id = e.id AND m.status = 'pending')::int AS pending,
       (SELECT count(*) FROM webhook_messages m WHERE m.endpoint_id = e.id AND m.status = 'failed'
          AND m.last_attempt_at > now() - interval '24 hours')::int AS failed_24h,
       (SELECT max(m.delivered_at) FROM webhook_messages m WHERE m.endpoint_id = e.id) AS last_delivered_at
FROM webhook_endpoints e
WHERE e.project_id = $1 AND ($2::uuid IS NULL OR e.id = $2)
ORDER BY e.created_at, e.id`;

type Row = EndpointRow & { pending: number; failed_24h: number; last_delivered_at: Date | null };

export async function listEndpoints(db: Queryable, projectId: number): Promise<EndpointSummary[]> {
  const result = await db.query<Row>(SQL, [projectId, null]);
  return result.rows.map(summary);
}

export async function getEndpoint(
  db: Queryable,
  projectId: number,
  endpointId: string,
): Promise<EndpointSummary | null> {
  if (!isUuid(endpointId)) return null;
  const result = await db.query<Row>(SQL, [projectId, endpointId]);
  return result.rows[0] ? summary(result.rows[0]) : null;
}

function summary(row: Row): EndpointSummary {
  return {
    ...endpointFromRow(row),
    pendingMessages: row.pending,
    failedLast24h: row.failed_24h,
    lastDeliveredAt: row.last_delivered_at,
  };
}
