import type { AllowHosts } from '../allow-hosts';
import { CLOSED_BREAKER } from '../circuit-breaker';
import type { Queryable } from '../outbox-db';
import { isUuid } from '../outbox-db';
import { disableEndpoint } from '../outbox-disable';
import { allowHostsFromEnv } from '../webhook-env';
import { checkEndpointUrl } from './check-endpoint-url';
import { ENDPOINT_COLUMNS, type EndpointRow, type EndpointView, endpointFromRow } from './endpoint-row';
import { type EndpointPatch, endpointPatchSchema } from './endpoint-schema';

const UPDATE = `
UPDATE webhook_endpoints AS e
SET name = coalesce($3, e.name), url = coalesce($4, e.url), format = coalesce($5::webhook_format, e.format),
    disabled_at = CASE WHEN $6 THEN NULL ELSE e.disabled_at END,
    disabled_reason = CASE WHEN $6 THEN NULL ELSE e.disabled_reason END,
    breaker = CASE WHEN $6 AND e.disabled_at IS NOT NULL THEN $7::jsonb ELSE e.breaker END,
    updated_at = now()
WHERE e.project_id = $1 AND e.id = $2
RETURNING ${ENDPOINT_COLUMNS}`;

const SELECT = `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints e WHERE e.project_id = $1 AND e.id = $2`;

/** Changes name, URL (SSRF guard again), format or enabled state; null when the project has no such endpoint. */
export async function updateEndpoint(
  db: Queryable,
  projectId: number,
  endpointId: string,
  patch: EndpointPatch,
  allow: AllowHosts = allowHostsFromEnv(),
  now: Date = new Date(),
): Promise<EndpointView | null> {
  const parsed = endpointPatchSchema.parse(patch);
  const url = parsed.url === undefined ? null : (await checkEndpointUrl(parsed.url, allow)).toString();
  if (!isUuid(endpointId)) return null;
  const result = await db.query<EndpointRow>(UPDATE, [
    projectId,
    endpointId,
    parsed.name ?? null,
    url,
    parsed.format ?? null,
    parsed.enabled === true,
    JSON.stringify(CLOSED_BREAKER),
  ]);
  if (!result.rows[0]) return null;
  if (parsed.enabled === false && !result.rows[0].disabled_at) {
    await disableEndpoint(db, endpointId, 'Disabled by a user.', now);
    const reread = await db.query<EndpointRow>(SELECT, [projectId, endpointId]);
    return endpointFromRow(reread.rows[0], now);
  }
  return endpointFromRow(result.rows[0], now);
}
