// The demo's project: "Demo shop", owned by the first admin so it shows up in their dashboards. Keys are
// secrets stored hashed, so each run makes fresh demo keys (revoking the previous run's) unless
// TAILWATCH_DEMO_INGEST_KEY and TAILWATCH_DEMO_PUBLIC_KEY name existing ones.
import { createKey } from '../../lib/auth/keys';
import { connectDatabase } from '../../lib/db/connect';
import { closePool, db } from '../../lib/db/pool';
import { createProject } from '../../lib/projects/create-project';

export interface DemoProject {
  projectId: number;
  name: string;
  ingestKey: string;
  publicKey: string;
  /** The origin the demo's poll answers come from; on the project's allowed list. */
  origin: string;
}

const NAME = 'Demo shop';

export async function demoProject(baseUrl: string): Promise<DemoProject> {
  const origin = new URL(baseUrl).origin;
  const envIngest = process.env.TAILWATCH_DEMO_INGEST_KEY;
  const envPublic = process.env.TAILWATCH_DEMO_PUBLIC_KEY;
  if (envIngest && envPublic) return { projectId: 0, name: '(from env)', ingestKey: envIngest, publicKey: envPublic, origin };

  await connectDatabase(); // DATABASE_URL, else the embedded server `npm start` is running
  try {
    const admin = await db().query<{ id: string; email: string }>(
      'SELECT id, email FROM users WHERE is_admin ORDER BY created_at, id LIMIT 1',
    );
    if (!admin.rows[0]) {
      throw new Error(`No admin yet: open ${baseUrl}/setup to create one (or set TAILWATCH_ADMIN_EMAIL/PASSWORD), then run the demo again.`);
    }
    const existing = await db().query<{ id: number }>(
      `SELECT p.id FROM projects p JOIN memberships m ON m.project_id = p.id
       WHERE p.name = $1 AND m.user_id = $2 ORDER BY p.id LIMIT 1`,
      [NAME, admin.rows[0].id],
    );
    if (!existing.rows[0]) {
      const created = await createProject({ name: NAME, ownerUserId: admin.rows[0].id, allowedOrigins: [origin] });
      return { projectId: created.projectId, name: NAME, ingestKey: created.ingestKey, publicKey: created.publicKey, origin };
    }
    const projectId = existing.rows[0].id;
    await db().query(
      `UPDATE projects SET allowed_origins = array_append(allowed_origins, $2)
       WHERE id = $1 AND NOT ($2 = ANY (allowed_origins))`,
      [projectId, origin],
    );
    await db().query(
      `UPDATE api_keys SET revoked_at = now() WHERE project_id = $1 AND name = 'demo' AND revoked_at IS NULL`,
      [projectId],
    );
    const ingest = await createKey(db(), projectId, 'ingest', 'demo');
    const pub = await createKey(db(), projectId, 'public', 'demo');
    return { projectId, name: NAME, ingestKey: ingest.secret, publicKey: pub.secret, origin };
  } finally {
    await closePool();
  }
}
