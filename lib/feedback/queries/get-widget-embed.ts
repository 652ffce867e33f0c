import type { Queryable } from '../../webhooks/outbox-db';

export interface WidgetEmbed {
  /** Active public widget keys (write-only, embedded in pages as is), newest first. */
  publicKeys: string[];
  /** Origins allowed to send feedback (projects.allowed_origins). */
  allowedOrigins: string[];
}

const SQL = `
SELECT p.allowed_origins,
       coalesce(array_agg(k.public_key ORDER BY k.created_at DESC) FILTER (WHERE k.public_key IS NOT NULL), '{}') AS public_keys
FROM projects p
LEFT JOIN api_keys k ON k.project_id = p.id AND k.kind = 'public' AND k.revoked_at IS NULL
WHERE p.id = $1
GROUP BY p.id`;

/** What the embed snippet needs: the project's public keys and allowed origins; null for no such project. */
export async function getWidgetEmbed(db: Queryable, projectId: number): Promise<WidgetEmbed | null> {
  const result = await db.query<{ allowed_origins: string[]; public_keys: string[] }>(SQL, [projectId]);
  const row = result.rows[0];
  return row ? { publicKeys: row.public_keys, allowedOrigins: row.allowed_origins } : null;
}
