import type pg from 'pg';
import { db } from '../db/pool';
import type { Worker } from '../server/workers';
import { ENTRY_SPAN_SQL, TRACE_SETTLE_MINUTES } from './queries/trace-latency-sql';

// Looks up the traces of poll answers and keeps the result on each answer. A trace's spans arrive within
// seconds of the request, usually before the answer, but the entry span ends (and is exported) last, and
// exporters retry; so an answer is checked right away, again with a doubling wait (30 s, 1 min, 2 min ...)
// and a last time once TRACE_SETTLE_MINUTES have passed, which settles it. That is at most ~7 look-ups per
// answer, whatever the dashboards read. SKIP LOCKED lets several instances share the work without waiting.
const CHECK = `
UPDATE telemetry.feedback f
SET (trace_ms, trace_service) = ${ENTRY_SPAN_SQL},
    trace_checked_at = now(),
    trace_settled = f.received_at < now() - make_interval(mins => $1)
WHERE (f.project_id, f.id) IN (
  SELECT project_id, id FROM telemetry.feedback
  WHERE trace_id IS NOT NULL AND NOT trace_settled
    AND (trace_checked_at IS NULL
         OR received_at < now() - make_interval(mins => $1)
         OR trace_checked_at < now() - greatest(interval '30 seconds', trace_checked_at - received_at))
  ORDER BY received_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED)`;

const BATCH = 500;

/** Checks every answer that is due, in batches; returns how many. */
export async function checkFeedbackTraces(pool: pg.Pool, signal?: AbortSignal): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(CHECK, [TRACE_SETTLE_MINUTES, BATCH]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < BATCH || signal?.aborted) return total;
  }
}

/** Every 5 s: answers show their trace latency within seconds of arriving. */
export const feedbackTraceWorker: Worker = {
  name: 'feedback-traces',
  intervalMs: 5_000,
  async run(signal) {
    await checkFeedbackTraces(db(), signal);
  },
};
