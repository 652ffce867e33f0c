import type { AllowHosts } from '../allow-hosts';
import type { Queryable } from '../outbox-db';
import { generateSecret } from '../secret';
import { allowHostsFromEnv } from '../webhook-env';
import { checkEndpointUrl } from './check-endpoint-url';
import { ENDPOINT_COLUMNS, type EndpointRow, type EndpointView, endpointFromRow } from './endpoint-row';
import { type EndpointInput, endpointInputSchema } from './endpoint-schema';

const SQL = `
INSERT INTO webhook_endpoints AS e (id, project_id, name, url, format, secret, created_at, updated_at)
VALUES (gen_random_uuid(), $1, $2, $3, $4::webhook_format, $5, now(), now())
RETURNING ${ENDPOINT_COLUMNS}`;

/**
 * Validates (ZodError), applies the SSRF guard (WebhookError `invalid_url` / `ssrf_blocked`) and creates
 * an endpoint with a new signing secret. The secret is returned here and never again.
 */
export async function createEndpoint(
  db: Queryable,
  projectId: number,
  input: EndpointInput,
  allow: AllowHosts = allowHostsFromEnv(),
): Promise<{ endpoint: EndpointView; secret: string }> {
  const parsed = endpointInputSchema.parse(input);
  const url = await checkEndpointUrl(parsed.url, allow);
  const secret = generateSecret();
  const result = await db.query<EndpointRow>(SQL, [projectId, parsed.name, url.toString(), parsed.format, secret]);
  return { endpoint: endpointFromRow(result.rows[0]), secret };
}
