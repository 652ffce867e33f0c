import { z } from 'zod';
import { type CreatedKey, clearKeyCache, createKey, type KeyKind, revokeKey } from '../auth/keys';
import { notFound } from '../http/api';
import { type ActionCtx, inTransaction } from './action-context';
import { keyRefSchema } from './revoke-project-key';

/** A new key of the same kind and name, and the old one revoked, in one transaction. */
export async function rotateProjectKey(ctx: ActionCtx, input: z.input<typeof keyRefSchema>): Promise<CreatedKey> {
  const { projectId, keyId } = keyRefSchema.parse(input);
  if (!z.uuid().safeParse(keyId).success) throw notFound('Key not found');
  const created = await inTransaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ kind: KeyKind; name: string }>(
      'SELECT kind, name FROM api_keys WHERE id = $1 AND project_id = $2 AND revoked_at IS NULL FOR UPDATE',
      [keyId, projectId],
    );
    if (!rows[0]) throw notFound('Key not found');
    const key = await createKey(client, projectId, rows[0].kind, rows[0].name);
    await revokeKey(client, projectId, keyId);
    return key;
  });
  // Again after COMMIT: a request verified between revokeKey's clear and the commit cached the old key as live.
  clearKeyCache();
  return created;
}
