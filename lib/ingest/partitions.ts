import type pg from 'pg';

// Raw tables are partitioned by UTC day (spans by start time, their payloads by time received). A partition
// is created outside the ingest transaction (its DDL lock would otherwise be held until COMMIT) and remembered
// per process; retention may drop one later, so the writer forgets the cache when an insert finds no
// partition (see writer-transaction.ts).

const known = new Set<string>();

export const utcDay = (ms: number) => new Date(Math.floor(ms / 86_400_000) * 86_400_000).toISOString().slice(0, 10);

export async function ensurePartitions(
  pool: pg.Pool,
  table: 'spans' | 'span_payloads' | 'metric_points',
  days: Iterable<string>,
): Promise<void> {
  for (const day of days) {
    const key = `${table}:${day}`;
    if (known.has(key)) continue;
    await pool.query('SELECT telemetry.ensure_day_partition($1, $2::date)', [table, day]);
    known.add(key);
  }
}

export function forgetPartitions(): void {
  known.clear();
}
