import type pg from 'pg';

/** What every project action gets: the pool to use (the process's, or a test's) and the acting user, if a person. */
export interface ActionCtx {
  pool: pg.Pool;
  userId?: string;
}

export { inTransaction } from '../db/transaction';
