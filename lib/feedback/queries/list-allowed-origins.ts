import type { Queryable } from '../../webhooks/outbox-db';

const SQL = `SELECT DISTINCT unnest(allowed_origins) AS origin FROM projects`;

/** Every origin any project allows, as stored (for preflights, which carry no key). */
export async function listAllowedOrigins(db: Queryable): Promise<string[]> {
  const result = await db.query<{ origin: string }>(SQL);
  return result.rows.map((r) => r.origin);
}
