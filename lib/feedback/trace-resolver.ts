import type pg from 'pg';
import { db } from '../db/pool';
import type { Worker } from '../server/workers';
import { SETTLE_TRACE_SQL, TRACE_SETTLE_MINUTES } from './queries/trace-latency-sql';

// Settles answers whose trace can no longer change (TRACE_SETTLE_MINUTES after they were received): one trace
// look-up each, stored on the answer. SKIP LOCKED lets several instances share the work without waiting.
const SETTLE = `
UPDATE telemetry.feedback f
SET (trace_ms, trace_service) = ${SETTLE_TRACE_SQL}, trace_settled = true
WHERE (f.project_id, f.id) IN (
  SELECT project_id, id FROM telemetry.feedback
  WHERE trace_id IS NOT NULL AND NOT trace_settled AND received_at < now() - make_interval(mins => $1)
  ORDER BY received_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED)`;

const BATCH = 500;

/** Settles every answer that is due, in batches; returns how many. */
export async function settleFeedbackTraces(pool: pg.Pool, signal?: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(SETTLE, [TRACE_SETTLE_MINUTES, BATCH]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH || signal?.aborted) return total;
  }
}

/** Every 10 s: settles the traces of answers received more than TRACE_SETTLE_MINUTES ago. */
export const feedbackTraceWorker: Worker = {
  name: 'feedback-traces',
  intervalMs: 10_000,
  async run(signal) {
    await settleFeedbackTraces(db(), signal);
  },
};
