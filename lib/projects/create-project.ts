import type pg from 'pg';
import { db } from '../db/pool';
import { createKey } from '../auth/keys';

export interface CreatedProject {
  projectId: number;
  name: string;
  /** Secrets, returned once. */
  ingestKey: string;
  publicKey: string;
  apiToken: string;
}

/**
 * Creates a project with one key of each kind, in one transaction. `ownerUserId` becomes its owner;
 * without it the project belongs to the first admin (if any), so it shows up in that admin's dashboards.
 */
export async function createProject(
  input: { name: string; ownerUserId?: string; allowedOrigins?: string[] },
  pool: pg.Pool = db(),
): Promise<CreatedProject> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>(
      'INSERT INTO projects (name, allowed_origins) VALUES ($1, $2) RETURNING id',
      [input.name, input.allowedOrigins ?? []],
    );
    const projectId = rows[0].id;
    let owner = input.ownerUserId;
    if (!owner) {
      const admin = await client.query<{ id: string }>(
        'SELECT id FROM users WHERE is_admin ORDER BY created_at, id LIMIT 1',
      );
      owner = admin.rows[0]?.id;
    }
    if (owner) {
      await client.query(
        `INSERT INTO memberships (user_id, project_id, role) VALUES ($1, $2, 'owner'::member_role)`,
        [owner, projectId],
      );
    }
    const ingest = await createKey(client, projectId, 'ingest', 'default');
    const pub = await createKey(client, projectId, 'public', 'widget');
    const api = await createKey(client, projectId, 'api', 'default');
    await client.query('COMMIT');
    return { projectId, name: input.name, ingestKey: ingest.secret, publicKey: pub.secret, apiToken: api.secret };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
