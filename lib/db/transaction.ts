import type pg from 'pg';

/**
 * Runs `fn` on one pooled connection. When it throws, an open transaction is rolled back (ROLLBACK outside one
 * only warns); a connection whose ROLLBACK fails is broken (the server went away): it is destroyed, not reused.
 */
export async function withConnection<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    return await fn(client);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** Runs `fn` in one transaction on one pooled connection: committed when it returns, rolled back when it throws. */
export function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return withConnection(pool, async (client) => {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  });
}
