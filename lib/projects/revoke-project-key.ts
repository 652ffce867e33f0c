import { z } from 'zod';
import { revokeKey } from '../auth/keys';
import { notFound } from '../http/api';
import type { ActionCtx } from './action-context';
import { projectIdSchema } from './get-project';

export const keyRefSchema = projectIdSchema.extend({ keyId: z.string() });

/** Revokes a live key of the project (one statement); 404 for another project's key or an unknown id. */
export async function revokeProjectKey(ctx: ActionCtx, input: z.input<typeof keyRefSchema>): Promise<void> {
  const { projectId, keyId } = keyRefSchema.parse(input);
  if (!z.uuid().safeParse(keyId).success || !(await revokeKey(ctx.pool, projectId, keyId)))
    throw notFound('Key not found');
}
