import { z } from 'zod';
import { type CreatedKey, createKey } from '../auth/keys';
import { notFound } from '../http/api';
import { type ActionCtx, inTransaction } from './action-context';
import { projectIdSchema } from './get-project';

/** The body of POST /api/v1/projects/{id}/keys. */
export const keyCreateSchema = z.object({
  kind: z.enum(['ingest', 'public', 'api']),
  name: z.string().trim().max(60).default(''),
});

const createProjectKeySchema = keyCreateSchema.extend(projectIdSchema.shape);

/** A new key for the project; its secret is in the result and nowhere else. */
export async function createProjectKey(
  ctx: ActionCtx,
  input: z.input<typeof createProjectKeySchema>,
): Promise<CreatedKey> {
  const { projectId, kind, name } = createProjectKeySchema.parse(input);
  return inTransaction(ctx.pool, async (client) => {
    // Locks the project row: a concurrent delete cannot leave a key behind (nor fail on the foreign key).
    const { rowCount } = await client.query('SELECT 1 FROM projects WHERE id = $1 FOR SHARE', [projectId]);
    if (!rowCount) throw notFound('Project not found');
    return createKey(client, projectId, kind, name);
  });
}
