import type { Queryable } from './outbox-db';

/** Settled messages (and their attempt log) are kept this long for the delivery log. */
export const OUTBOX_RETENTION_DAYS = 30;

// Pending messages are never dropped here: retries give up on their own 24 h after the first attempt.
const SQL = `DELETE FROM webhook_messages
WHERE status <> 'pending' AND created_at < $1::timestamptz - make_interval(days => $2)`;

/** Deletes settled outbox messages older than the retention; returns how many. */
export async function pruneOutbox(
  db: Queryable,
  now: Date = new Date(),
  days = OUTBOX_RETENTION_DAYS,
): Promise<number> {
  const result = await db.query(SQL, [now, days]);
  return result.rowCount ?? 0;
}
