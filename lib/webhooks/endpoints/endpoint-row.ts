import { type BreakerState, parseBreakerState } from '../circuit-breaker';
import type { WebhookFormat } from '../outbox-payload';

/** An endpoint as the API shows it: never the secret, only its first characters. */
export interface EndpointView {
  id: string;
  projectId: number;
  name: string;
  url: string;
  format: WebhookFormat;
  secretPreview: string;
  /** While set, the previous secret still signs too. */
  previousSecretExpiresAt: Date | null;
  breaker: BreakerState;
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const ENDPOINT_COLUMNS = `e.id, e.project_id, e.name, e.url, e.format, e.secret, e.previous_secret_expires_at,
  e.breaker, e.disabled_at, e.disabled_reason, e.created_at, e.updated_at`;

export interface EndpointRow {
  id: string;
  project_id: number;
  name: string;
  url: string;
  format: WebhookFormat;
  secret: string;
  previous_secret_expires_at: Date | null;
  breaker: unknown;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export function endpointFromRow(row: EndpointRow, now: Date = new Date()): EndpointView {
  const expires = row.previous_secret_expires_at;
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    url: row.url,
    format: row.format,
    secretPreview: `${row.secret.slice(0, 10)}…`,
    previousSecretExpiresAt: expires && expires.getTime() > now.getTime() ? expires : null,
    breaker: parseBreakerState(row.breaker),
    disabledAt: row.disabled_at,
    disabledReason: row.disabled_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
