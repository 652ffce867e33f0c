import type { Queryable } from '../webhooks/outbox-db';

/** Alert history is kept this long. */
export const HISTORY_RETENTION_DAYS = 90;

const SQL = `DELETE FROM alert_events WHERE at < $1::timestamptz - make_interval(days => $2)`;

/** Deletes history entries older than the retention; returns how many. */
export async function pruneAlertHistory(
  db: Queryable,
  now: Date = new Date(),
  days = HISTORY_RETENTION_DAYS,
): Promise<number> {
  const result = await db.query(SQL, [now, days]);
  return result.rowCount ?? 0;
}
