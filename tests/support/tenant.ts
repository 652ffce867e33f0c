import pg from 'pg';
import { type CreatedProject, createProject } from '@/lib/projects/create-project';

// A tenant for a test: a project with one key of each kind, created through the same code as the CLI and UI.
// Suites that share a database create one tenant each, so they never see each other's data.
export async function createTenant(
  databaseUrl: string,
  opts: { name?: string; allowedOrigins?: string[]; ownerUserId?: string } = {},
): Promise<CreatedProject> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  try {
    return await createProject(
      { name: opts.name ?? `test-${Math.random().toString(36).slice(2, 8)}`, ...opts },
      pool,
    );
  } finally {
    await pool.end();
  }
}
