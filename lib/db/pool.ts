import pg from 'pg';

// One pg.Pool per process for the hot paths (COPY, analytics SQL); Prisma shares it through the adapter.
// Lives on globalThis so Next's module reloading and the custom server see the same instance.

type Holder = { pool?: pg.Pool; url?: string };
const holder = globalThis as typeof globalThis & { __tailwatchDb?: Holder };
holder.__tailwatchDb ??= {};
const state = holder.__tailwatchDb;

// int8 (count(*), sums of counts) as JS numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// Array OIDs are not in pg-types' TypeId enum, hence the casts.
type TypeId = Parameters<typeof pg.types.setTypeParser>[0];
const INT4_ARRAY = 1007 as TypeId;
const INT8_ARRAY = 1016 as TypeId;
const parseIntArray = pg.types.getTypeParser(INT4_ARRAY); // int4[]: parses elements with parseInt
pg.types.setTypeParser(INT8_ARRAY, (v: string) => parseIntArray(v)); // int8[] (sketch counts) as number[]

export function initPool(url: string, max: number): pg.Pool {
  if (state.pool && state.url === url) return state.pool;
  state.pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  state.pool.on('error', () => {}); // idle client errors surface on the next query instead
  state.url = url;
  process.env.DATABASE_URL ??= url;
  return state.pool;
}

/** The process pool; falls back to DATABASE_URL so CLI commands and Next workers can use it too. */
export function db(): pg.Pool {
  if (!state.pool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('Database not initialised: DATABASE_URL is not set');
    initPool(url, Number(process.env.TAILWATCH_DB_POOL_SIZE ?? 10));
  }
  return state.pool as pg.Pool;
}

export async function closePool(): Promise<void> {
  const pool = state.pool;
  state.pool = undefined;
  state.url = undefined;
  await pool?.end();
}
