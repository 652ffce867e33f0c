import type pg from 'pg';
import { z } from 'zod';
import { createKey } from '../auth/keys';
import { allowedOriginsSchema } from '../feedback/poll-config/allowed-origins';
import { db } from '../db/pool';
import { inTransaction } from './action-context';

export interface CreatedProject {
  projectId: number;
  name: string;
  /** Secrets, returned once. */
  ingestKey: string;
  publicKey: string;
  apiToken: string;
}

/** The body of POST /api/v1/projects. */
export const projectNameSchema = z.object({ name: z.string().trim().min(1, 'Name the project').max(100) });

const createProjectSchema = projectNameSchema.extend({
  ownerUserId: z.string().optional(),
  allowedOrigins: allowedOriginsSchema.optional(),
});

/**
 * Creates a project with one key of each kind, in one transaction. `ownerUserId` becomes its owner;
 * without it the project belongs to the first admin (if any), so it shows up in that admin's dashboards.
 * (Input first, pool second: the shape the tests' tenant helper and the seeding scripts call.)
 */
export async function createProject(
  input: z.input<typeof createProjectSchema>,
  pool: pg.Pool = db(),
): Promise<CreatedProject> {
  const { name, ownerUserId, allowedOrigins } = createProjectSchema.parse(input);
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO projects (name, allowed_origins) VALUES ($1, $2) RETURNING id',
      [name, allowedOrigins ?? []],
    );
    const projectId = rows[0].id;
    let owner = ownerUserId;
    if (!owner) {
      const admin = await client.query<{ id: string }>(
        'SELECT id FROM users WHERE is_admin ORDER BY created_at, id LIMIT 1',
      );
      owner = admin.rows[0]?.id;
    }
    if (owner) {
      await client.query(`INSERT INTO memberships (user_id, project_id, role) VALUES ($1, $2, 'owner'::member_role)`, [
        owner,
        projectId,
      ]);
    }
    const ingest = await createKey(client, projectId, 'ingest', 'default');
    const pub = await createKey(client, projectId, 'public', 'widget');
    const api = await createKey(client, projectId, 'api', 'default');
    return { projectId, name, ingestKey: ingest.secret, publicKey: pub.secret, apiToken: api.secret };
  });
}
