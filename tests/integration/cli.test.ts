import { spawnSync } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSecret } from '../../lib/auth/keys';
import { createTestDatabase, type TestDatabase } from '../support/db';

// The CLI as automation runs it: the package's bin in a child process, on a real database.
let database: TestDatabase;
const bin = path.resolve('bin/tailwatch.mjs');
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: '/', // any folder: the CLI finds its own migrations
    env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('npx tailwatch', () => {
  it('creates an admin, refuses a duplicate and a weak password', () => {
    expect(run('admin', 'create', '--email', 'ops@example.com', '--password', 'a long enough secret')).toMatchObject({ code: 0 });
    const dup = run('admin', 'create', '--email', 'OPS@example.com', '--password', 'a long enough secret');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('already exists');
    const weak = run('admin', 'create', '--email', 'x@example.com', '--password', 'short');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password');
  });

  it('creates a project owned by the first admin and prints its secrets as JSON', async () => {
    const r = run('project', 'create', '--name', 'payments', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out).sort()).toEqual(['apiToken', 'ingestKey', 'projectId', 'publicKey']);
    expect(out.ingestKey).toMatch(/^tw_ingest_/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const owner = await client.query(
        `SELECT u.email, m.role FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.project_id = $1`,
        [out.projectId],
      );
      expect(owner.rows).toEqual([{ email: 'ops@example.com', role: 'owner' }]);
      const stored = await client.query('SELECT secret_hash FROM api_keys WHERE project_id = $1 AND kind = $2', [out.projectId, 'ingest']);
      expect(stored.rows[0].secret_hash).toBe(hashSecret(out.ingestKey));
    } finally {
      await client.end();
    }
  });

  it('gives a named owner the project, and says clearly when the owner does not exist', () => {
    expect(run('project', 'create', '--name', 'p2', '--owner', 'ops@example.com', '--json').code).toBe(0);
    const missing = run('project', 'create', '--name', 'p3', '--owner', 'nobody@example.com');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('No user with e-mail nobody@example.com');
  });

  it('exits 2 with usage on bad input', () => {
    expect(run('project', 'create').code).toBe(2);
    expect(run('frobnicate').code).toBe(2);
    const help = run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('project create --name N');
  });
});
