import type pg from 'pg';
import { rollupTable } from '../rollups/tables';

// Retention: raw spans, their payloads (by day received) and metric points go a whole daily partition at a
// time (DROP TABLE: no row-by-row delete, no bloat); rollup rows are deleted per tier. One instance at a time
// (transaction-scoped advisory lock); a lock timeout keeps a partition drop from stalling ingest behind it for
// long.

export interface RetentionDays {
  raw: number; // 0 keeps forever
  minute: number;
  hour: number;
  day: number;
}

export interface RetentionResult {
  ran: boolean; // false when another instance held the lock
  droppedPartitions: string[];
  deletedRollups: { minute: number; hour: number; day: number };
}

const LOCK_KEY = 'tailwatch.retention';
const DAY_MS = 86_400_000;
const PARTITION = /^(spans|span_payloads|metric_points)_(\d{4})(\d{2})(\d{2})$/;
// Each tier's route-level and service-level tables share its retention (the 5-minute service tier: minute's).
const ROLLUP_TABLES = {
  minute: [rollupTable('route', 'minute'), rollupTable('service', 'minute'), rollupTable('service', 'fiveMinute')],
  hour: [rollupTable('route', 'hour'), rollupTable('service', 'hour')],
  day: [rollupTable('route', 'day'), rollupTable('service', 'day')],
} as const;

const PARTITIONS = `
SELECT c.relname AS name FROM pg_inherits i
JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
JOIN pg_namespace n ON n.oid = p.relnamespace
WHERE n.nspname = 'telemetry' AND p.relname IN ('spans', 'span_payloads', 'metric_points')`;

/** Day partitions whose whole range [day, day + 1) lies before the cutoff. */
export function expiredPartitions(names: readonly string[], cutoffMs: number): string[] {
  return names.filter((name) => {
    const m = PARTITION.exec(name);
    return m !== null && Date.UTC(Number(m[2]), Number(m[3]) - 1, Number(m[4])) + DAY_MS <= cutoffMs;
  });
}

export async function applyRetention(pool: pg.Pool, days: RetentionDays, nowMs = Date.now()): Promise<RetentionResult> {
  const result: RetentionResult = { ran: false, droppedPartitions: [], deletedRollups: { minute: 0, hour: 0, day: 0 } };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok', [
      LOCK_KEY,
    ]);
    if (!rows[0].ok) {
      await client.query('ROLLBACK');
      return result;
    }
    result.ran = true;
    await client.query("SET LOCAL lock_timeout = '5s'");
    if (days.raw > 0) {
      const parts = await client.query<{ name: string }>(PARTITIONS);
      result.droppedPartitions = expiredPartitions(
        parts.rows.map((r) => r.name),
        nowMs - days.raw * DAY_MS,
      ).sort();
      // Names matched PARTITION above (letters, digits, underscore), so quoting them is safe.
      for (const name of result.droppedPartitions) await client.query(`DROP TABLE telemetry."${name}"`);
    }
    for (const tier of ['minute', 'hour', 'day'] as const) {
      if (days[tier] <= 0) continue;
      const [routeTable, ...serviceTables] = ROLLUP_TABLES[tier];
      const cutoff = new Date(nowMs - days[tier] * DAY_MS);
      const del = await client.query(`DELETE FROM ${routeTable} WHERE bucket < $1`, [cutoff]);
      for (const table of serviceTables) await client.query(`DELETE FROM ${table} WHERE bucket < $1`, [cutoff]);
      result.deletedRollups[tier] = del.rowCount ?? 0; // route rows: the ones a user sees by route
    }
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
