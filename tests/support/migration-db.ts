import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, migrate } from '@/lib/db/migrator';
import { dropDatabase } from './db';

/**
 * A new database migrated up to (not including) `migration`, to store data in the old shape before the
 * migration under test runs. `migrate()` then applies the rest; `drop()` removes the database.
 */
export async function databaseBefore(adminUrl: string, migration: string) {
  const name = `tw_t_${randomBytes(6).toString('hex')}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const before = await mkdtemp(path.join(tmpdir(), 'tw-migrations-'));
  for (const entry of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name >= migration) continue;
    await cp(path.join(MIGRATIONS_DIR, entry.name), path.join(before, entry.name), { recursive: true });
  }
  await migrate(url, before);
  return {
    url,
    migrate: () => migrate(url),
    async drop() {
      await dropDatabase(adminUrl, name);
      await rm(before, { recursive: true, force: true });
    },
  };
}
