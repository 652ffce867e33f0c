import { randomBytes } from 'node:crypto';
import pg from 'pg';

// The benchmarks' scratch databases: on BENCH_DATABASE_URL ?? DATABASE_URL ?? the local PostgreSQL, named
// tw_bench_<kind>_<8 hex>, created at the start and dropped (WITH FORCE) at the end.

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops the database (connections still open are ended) and closes the admin connection. */
  drop(): Promise<void>;
  /** Closes the admin connection and keeps the database. */
  keep(): Promise<void>;
}

/** A new database, or with `reuse` an existing bench database of this kind (not created again). */
export async function benchDatabase(kind: string, reuse?: string): Promise<BenchDatabase> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const pattern = new RegExp(`^tw_bench_${kind}_[0-9a-f]{8}$`);
  const name = reuse ?? `tw_bench_${kind}_${randomBytes(4).toString('hex')}`;
  if (!pattern.test(name)) throw new Error(`not a ${kind} bench database name: ${name}`); // names go into DDL
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
    keep: () => admin.end(),
  };
}
