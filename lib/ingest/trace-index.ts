import type pg from 'pg';
import { db } from '../db/pool';
import { withSessionLock } from '../db/transaction';
import type { Worker } from '../server/workers';

// Trace look-ups go through the BRIN bloom index telemetry.spans_trace_bloom (migration
// 20261129120000_spans_time_first_key). PostgreSQL adds a block range's bloom filter only when asked; until
// then every look-up reads that range's heap pages in full. An insert into a range not yet summarized only
// checks that it is not, so ingest stays cheap; this worker summarizes each partition's new ranges in bulk
// (autovacuum would too, but only per vacuum run and without the last, partial range).

const PARTITION_INDEXES = `
SELECT inhrelid::regclass::text AS index FROM pg_inherits
WHERE inhparent = 'telemetry.spans_trace_bloom'::regclass ORDER BY 1`;

const LOCK = 'tailwatch:trace-index';

/**
 * Summarizes the new block ranges of every spans partition's trace index; returns how many ranges it added
 * (0 when another instance holds the work). Each partition in its own statement, so no lock is held across
 * partitions (retention's DROP waits for at most one).
 */
export async function summarizeTraceIndex(pool: pg.Pool): Promise<number> {
  const run = await withSessionLock(pool, LOCK, async (client) => {
    let ranges = 0;
    const partitions = await client.query<{ index: string }>(PARTITION_INDEXES);
    for (const { index } of partitions.rows) {
      // A partition dropped by retention since the listing is simply skipped.
      const r = await client.query<{ n: number | null }>(
        'SELECT brin_summarize_new_values(to_regclass($1))::int AS n WHERE to_regclass($1) IS NOT NULL',
        [index],
      );
      ranges += r.rows[0]?.n ?? 0;
    }
    return ranges;
  });
  return run.skipped ? 0 : run.value;
}

/** Every 5 s: keeps the unsummarized tail a look-up reads in full to a few seconds of spans. */
export const traceIndexWorker: Worker = {
  name: 'trace-index',
  intervalMs: 5_000,
  async run() {
    await summarizeTraceIndex(db());
  },
};
