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

/**
 * Runs `fn` on one pooled connection holding the session advisory lock `name`, if no other session holds it;
 * `skipped` when one does. A connection whose unlock fails is destroyed, so the lock never stays held by a
 * half-alive session back in the pool.
 */
export async function withSessionLock<T>(
  pool: pg.Pool,
  name: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<{ skipped: true } | { skipped: false; value: T }> {
  const client = await pool.connect();
  let broken = false;
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [name]);
    if (!rows[0].ok) return { skipped: true };
    try {
      return { skipped: false, value: await fn(client) };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [name]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}
