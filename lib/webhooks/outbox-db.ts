import type pg from 'pg';

// The one seam between outbox/alert code and PostgreSQL: functions take a Queryable (a pool or a client
// inside a transaction), so tests can run two "instances" on two pools in one process.

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export { inTransaction } from '../db/transaction';

/** Ids from URLs are bound as uuid parameters, where a malformed one would make PostgreSQL raise: check first. */
export const isUuid = (id: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
