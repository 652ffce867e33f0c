// The measured latency of an answer: the duration of the linked trace's entry span (the earliest-starting
// one, which encloses the rest of the request) and its service, in spans starting from a day before the
// answer to 10 minutes after it (telemetry.trace_spans: the trace index over those days' partitions).
//
// An answer's trace is settled TRACE_SETTLE_MINUTES after it was received: lib/feedback/trace-resolver.ts
// then looks the trace up once and stores the result on the answer (trace_ms, trace_service,
// trace_settled), so reports over thousands of answers never look traces up, and the latency outlives the
// raw spans' retention. Until then reads look the trace up live (TRACE_LATENCY_JOIN); the tests on the
// answer's columns inside the subquery are one-time filters, so settled answers and answers without a trace
// skip the look-up entirely.
export const TRACE_SETTLE_MINUTES = 15;

const entrySpan = (when: string) => `
  SELECT s.duration_ms, s.service
  FROM telemetry.trace_spans(f.project_id, f.trace_id, f.received_at - interval '1 day',
                             f.received_at + interval '10 minutes') s
  WHERE ${when}
  ORDER BY s.start_time, s.duration_ms DESC
  LIMIT 1`;

/** `f` is telemetry.feedback; adds `t` (the live look-up of an unsettled answer's trace). */
export const TRACE_LATENCY_JOIN = `
LEFT JOIN LATERAL (${entrySpan('f.trace_id IS NOT NULL AND NOT f.trace_settled')}
) t ON true`;

/** For the resolver: (trace_ms, trace_service) of answer `f`, as a row subquery. */
export const SETTLE_TRACE_SQL = `(${entrySpan('true')})`;

export const TRACE_MS_SQL = `coalesce(f.trace_ms, t.duration_ms)`;
export const TRACE_SERVICE_SQL = `coalesce(f.trace_service, t.service, '')`;
/** Trace duration, else the interaction that triggered the poll, else INP. */
export const LATENCY_SQL = `coalesce(${TRACE_MS_SQL}, f.interaction_ms::double precision, f.inp_ms::double precision)`;
export const LATENCY_SOURCE_SQL = `CASE WHEN ${TRACE_MS_SQL} IS NOT NULL THEN 'trace'
  WHEN f.interaction_ms IS NOT NULL THEN 'interaction' WHEN f.inp_ms IS NOT NULL THEN 'inp' END`;
