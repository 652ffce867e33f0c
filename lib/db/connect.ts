import { config } from '../config';
import { log } from '../log';
import { type EmbeddedHandle, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrator';
import { initPool } from './pool';

export interface DatabaseHandle {
  url: string;
  embedded?: EmbeddedHandle;
}

/** DATABASE_URL when set, else the embedded PostgreSQL; migrations applied; the process pool ready. */
export async function connectDatabase(opts: { migrate?: boolean } = {}): Promise<DatabaseHandle> {
  const cfg = config();
  let url = cfg.DATABASE_URL;
  let embedded: EmbeddedHandle | undefined;
  if (!url) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      baseDir: cfg.TAILWATCH_DATA_DIR,
      port: cfg.TAILWATCH_PG_PORT,
      log: (line) => log.debug({ component: 'postgres' }, line),
    });
    url = embedded.url;
    log.info({ dataDir: embedded.dataDir, ms: Date.now() - started }, 'embedded PostgreSQL ready');
  }
  if (opts.migrate !== false) {
    const result = await migrate(url);
    if (result.applied.length > 0) log.info({ applied: result.applied }, 'migrations applied');
  }
  initPool(url, cfg.TAILWATCH_DB_POOL_SIZE);
  return { url, embedded };
}
