import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { canConnect, type EmbeddedHandle, startEmbeddedPostgres } from '../../lib/db/embedded';

// The benchmarks' scratch databases, named tw_bench_<kind>_<8 hex>, created at the start and dropped (WITH FORCE)
// at the end. On BENCH_DATABASE_URL ?? DATABASE_URL ?? the local PostgreSQL at 127.0.0.1:5432; where none is
// set or running (a fresh machine), on the embedded PostgreSQL the app itself would run, in its own data dir
// (TAILWATCH_BENCH_DATA_DIR, default <temp>/tailwatch-bench) and port (TAILWATCH_BENCH_PG_PORT, default 54339),
// stopped again at the end.
const LOCAL = 'postgresql://postgres@127.0.0.1:5432/postgres';

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
  const pattern = new RegExp(`^tw_bench_${kind}_[0-9a-f]{8}$`);
  const name = reuse ?? `tw_bench_${kind}_${randomBytes(4).toString('hex')}`;
  if (!pattern.test(name)) throw new Error(`not a ${kind} bench database name: ${name}`); // names go into DDL
  const { adminUrl } = await benchServer();
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    await admin.end().catch(() => {});
    await releaseServer();
    throw err;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      } finally {
        await releaseServer();
      }
    },
    async keep() {
      try {
        await admin.end();
      } finally {
        await releaseServer();
      }
    },
  };
}

// One server per process, however many databases a bench makes (bench:ingest-ab makes two); an embedded one
// stops when the last of them is dropped or kept.
let shared: Promise<BenchServer> | null = null;
let users = 0;

interface BenchServer {
  adminUrl: string;
  embedded?: EmbeddedHandle;
}

function benchServer(): Promise<BenchServer> {
  users++;
  shared ??= findServer();
  return shared;
}

async function releaseServer(): Promise<void> {
  if (--users > 0 || !shared) return;
  const server = await shared;
  shared = null;
  await server.embedded?.stop();
}

async function findServer(): Promise<BenchServer> {
  const configured = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configured) return { adminUrl: configured };
  if (await canConnect(LOCAL)) return { adminUrl: LOCAL };
  const embedded = await startEmbeddedPostgres({
    baseDir: process.env.TAILWATCH_BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'tailwatch-bench'),
    port: Number(process.env.TAILWATCH_BENCH_PG_PORT ?? 54339), // not the app's 54329
    database: 'postgres',
  });
  console.log(`database: embedded PostgreSQL in ${embedded.dataDir} (no PostgreSQL at 127.0.0.1:5432)`);
  return { adminUrl: embedded.adminUrl, embedded };
}
