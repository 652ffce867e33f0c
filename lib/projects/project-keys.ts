import type pg from 'pg';
import { z } from 'zod';
import { notFound } from '../http/api';
import { type CreatedKey, createKey, type KeyKind, revokeKey } from '../auth/keys';

export interface KeySummary {
  id: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  /** Public widget keys only: they are embedded in pages, so they stay readable. */
  publicKey: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const keyCreateSchema = z.object({
  kind: z.enum(['ingest', 'public', 'api']),
  name: z.string().trim().max(60).default(''),
});

type Q = Pick<pg.Pool, 'query'>;

export async function listKeys(q: Q, projectId: number): Promise<KeySummary[]> {
  const { rows } = await q.query<{
    id: string; kind: KeyKind; name: string; prefix: string; public_key: string | null;
    created_at: Date; last_used_at: Date | null; revoked_at: Date | null;
  }>(
    `SELECT id, kind, name, prefix, public_key, created_at, last_used_at, revoked_at FROM api_keys
     WHERE project_id = $1 ORDER BY revoked_at IS NOT NULL, kind, created_at`,
    [projectId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    prefix: r.prefix,
    publicKey: r.public_key,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  }));
}

export async function addKey(q: Q, projectId: number, input: z.input<typeof keyCreateSchema>): Promise<CreatedKey> {
  const { kind, name } = keyCreateSchema.parse(input);
  return createKey(q, projectId, kind, name);
}

export async function revokeProjectKey(q: Q, projectId: number, keyId: string): Promise<void> {
  if (!z.uuid().safeParse(keyId).success || !(await revokeKey(q, projectId, keyId))) throw notFound('Key not found');
}

/** A new key of the same kind and name, and the old one revoked, in one transaction. */
export async function rotateKey(pool: pg.Pool, projectId: number, keyId: string): Promise<CreatedKey> {
  if (!z.uuid().safeParse(keyId).success) throw notFound('Key not found');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ kind: KeyKind; name: string }>(
      'SELECT kind, name FROM api_keys WHERE id = $1 AND project_id = $2 AND revoked_at IS NULL FOR UPDATE',
      [keyId, projectId],
    );
    if (!rows[0]) throw notFound('Key not found');
    const created = await createKey(client, projectId, rows[0].kind, rows[0].name);
    await revokeKey(client, projectId, keyId);
    await client.query('COMMIT');
    return created;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
