// The measured latency of an answer: the duration of the linked trace's entry span (the earliest-starting
// one, which encloses the rest of the request) and its service, in spans starting from a day before the
// answer to 10 minutes after it (telemetry.trace_spans: the trace index over those days' partitions).
//
// Reads never look traces up: lib/feedback/trace-resolver.ts does, a few times per answer while its trace may
// still be arriving, and stores the result on the answer (trace_ms, trace_service), final once
// TRACE_SETTLE_MINUTES have passed (trace_settled). Reports over thousands of answers then cost no look-ups,
// and the latency outlives the raw spans' retention.
export const TRACE_SETTLE_MINUTES = 15;

/** For the resolver: (duration, service) of answer `f`'s entry span, as a row subquery. */
export const ENTRY_SPAN_SQL = `(
  SELECT s.duration_ms, s.service
  FROM telemetry.trace_spans(f.project_id, f.trace_id, f.received_at - interval '1 day',
                             f.received_at + interval '10 minutes') s
  ORDER BY s.start_time, s.duration_ms DESC
  LIMIT 1)`;

export const TRACE_SERVICE_SQL = `coalesce(f.trace_service, '')`;
/** Trace duration, else the interaction that triggered the poll, else INP. */
export const LATENCY_SQL = `coalesce(f.trace_ms, f.interaction_ms::double precision, f.inp_ms::double precision)`;
export const LATENCY_SOURCE_SQL = `CASE WHEN f.trace_ms IS NOT NULL THEN 'trace'
  WHEN f.interaction_ms IS NOT NULL THEN 'interaction' WHEN f.inp_ms IS NOT NULL THEN 'inp' END`;
