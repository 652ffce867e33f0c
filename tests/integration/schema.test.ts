import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '../../lib/db/migrator';
import { diffToSchema } from '../../lib/db/schema-engine';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { describeSchema } from '../support/describe-schema';

// The live schema (built by our migrator from prisma/migrations) must equal what Prisma's schema engine
// generates from schema.prisma. The engine's live introspection through the pg adapter cannot read the
// catalog's "char" columns in this version, so we compare catalogs of two real databases instead.
describe('database schema', () => {
  let live: TestDatabase;
  let reference: TestDatabase;
  beforeAll(async () => {
    live = await createTestDatabase();
    reference = await createTestDatabase();
  });
  afterAll(async () => Promise.all([live?.drop(), reference?.drop()]));

  it('the migrated database matches prisma/schema.prisma exactly', async () => {
    const { sql } = await diffToSchema(live.url, { tag: 'empty' });
    expect(sql).toContain('CREATE TABLE "users"');
    const ref = new pg.Client({ connectionString: reference.url });
    await ref.connect();
    await ref.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await ref.query(sql);
    const expected = await describeSchema(ref);
    await ref.end();
    const client = new pg.Client({ connectionString: live.url });
    await client.connect();
    const actual = await describeSchema(client);
    await client.end();
    expect(actual).toEqual(expected);
  });

  it('records every migration in _prisma_migrations with its sha256 checksum, as Prisma does', async () => {
    const client = new pg.Client({ connectionString: live.url });
    await client.connect();
    const rows = await client.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      'SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    await client.end();
    const files = await readMigrations();
    expect(rows.rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.rows.every((r) => r.applied_steps_count === 1)).toBe(true);
  });
});
