import next from 'next';
import { ensureAdminFromEnv } from './lib/auth/bootstrap-admin';
import { config } from './lib/config';
import { connectDatabase } from './lib/db/connect';
import { closePool, db } from './lib/db/pool';
import { rollupsSettled } from './lib/ingest/writer';
import { log } from './lib/log';
import { recoverPending } from './lib/rollups/flush';
import { startAppServer } from './lib/server/app-server';
import { registerAllWorkers } from './lib/server/register-workers';
import { startWorkers } from './lib/server/workers';

// The process entry: database (embedded unless DATABASE_URL), migrations, Next, the ingest fast path and
// the background workers, in one process.
async function main() {
  const started = Date.now();
  const dev = process.argv.includes('--dev');
  const cfg = config();
  const database = await connectDatabase();
  await ensureAdminFromEnv();
  const recovered = await recoverPending(db());
  if (recovered > 0) log.warn({ rows: recovered }, 'rolled up pending rollups of a stopped process');

  const app = next({ dev, dir: process.cwd(), port: cfg.PORT, hostname: 'localhost' });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = await startAppServer({ port: cfg.PORT, host: cfg.HOST, next: (req, res) => handle(req, res) });

  let stopWorkers = async () => {};
  if (cfg.TAILWATCH_WORKERS === 'on') {
    registerAllWorkers();
    stopWorkers = startWorkers();
  }
  log.info({ url: server.url, ms: Date.now() - started, embedded: Boolean(database.embedded) }, 'Tailwatch ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.close();
    // Acknowledged groups' pending rollups: flushed now rather than at the next start (not waiting forever
    // for a database that is gone: the rows stay pending and the next start flushes them).
    await Promise.race([rollupsSettled(), new Promise((r) => setTimeout(r, 10_000).unref())]);
    await stopWorkers();
    await closePool();
    await database.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  log.fatal({ err }, 'Tailwatch failed to start');
  process.exit(1);
});
