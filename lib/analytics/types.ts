import type pg from 'pg';

/** A pool or a client: analytics queries are single statements and need no transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;
