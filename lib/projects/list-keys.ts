import type { z } from 'zod';
import type { KeyKind } from '../auth/keys';
import type { ActionCtx } from './action-context';
import { projectIdSchema } from './get-project';

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

/** The project's keys, live ones first; secrets are not stored, so only their prefixes are listed. */
export async function listKeys(ctx: ActionCtx, input: z.input<typeof projectIdSchema>): Promise<KeySummary[]> {
  const { projectId } = projectIdSchema.parse(input);
  const { rows } = await ctx.pool.query<{
    id: string;
    kind: KeyKind;
    name: string;
    prefix: string;
    public_key: string | null;
    created_at: Date;
    last_used_at: Date | null;
    revoked_at: Date | null;
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
