import type pg from 'pg';

/**
 * Runs `fn` in one transaction on one pooled connection: committed when it returns, rolled back when it
 * throws. A connection whose ROLLBACK fails is broken (the server went away): it is destroyed, not reused.
 */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
