import type pg from 'pg';
import { inTransaction, isUuid } from '../outbox-db';
import { rotateSecret, SECRET_ROTATION_OVERLAP_MS } from '../secret';
import { ENDPOINT_COLUMNS, type EndpointRow, type EndpointView, endpointFromRow } from './endpoint-row';

// The row lock makes two concurrent rotations chain (each keeps the secret the other produced).
const SELECT = 'SELECT secret FROM webhook_endpoints WHERE project_id = $1 AND id = $2 FOR UPDATE';
const UPDATE = `
UPDATE webhook_endpoints AS e SET secret = $3, previous_secret = $4, previous_secret_expires_at = $5, updated_at = now()
WHERE e.project_id = $1 AND e.id = $2
RETURNING ${ENDPOINT_COLUMNS}`;

/**
 * A new signing secret, returned once. The old one keeps signing alongside it for 24 h, so receivers can
 * switch over without rejecting a message. Null when there is no such endpoint.
 */
export async function rotateEndpointSecret(
  pool: pg.Pool,
  projectId: number,
  endpointId: string,
  now: Date = new Date(),
  overlapMs: number = SECRET_ROTATION_OVERLAP_MS,
): Promise<{ endpoint: EndpointView; secret: string } | null> {
  if (!isUuid(endpointId)) return null;
  return inTransaction(pool, async (tx) => {
    const current = await tx.query<{ secret: string }>(SELECT, [projectId, endpointId]);
    if (!current.rows[0]) return null;
    const rotated = rotateSecret({ secret: current.rows[0].secret }, now, overlapMs);
    const result = await tx.query<EndpointRow>(UPDATE, [
      projectId,
      endpointId,
      rotated.secret,
      rotated.previousSecret,
      rotated.previousSecretExpiresAt,
    ]);
    return { endpoint: endpointFromRow(result.rows[0], now), secret: rotated.secret };
  });
}
