import type { Queryable } from '../outbox-db';
import { isUuid } from '../outbox-db';

/** Deletes an endpoint with its outbox and log; false when the project has no such endpoint. */
export async function deleteEndpoint(db: Queryable, projectId: number, endpointId: string): Promise<boolean> {
  if (!isUuid(endpointId)) return false;
  const result = await db.query('DELETE FROM webhook_endpoints WHERE project_id = $1 AND id = $2', [
    projectId,
    endpointId,
  ]);
  return (result.rowCount ?? 0) > 0;
}
