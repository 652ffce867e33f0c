// The measured latency of an answer, as a LATERAL subquery over telemetry.spans: the duration of the
// linked trace's entry span (the earliest-starting one, which encloses the rest of the request) and
// its service. The time window keeps the look-up on the partitions around the answer; raw spans
// expire after TAILWATCH_RAW_RETENTION_DAYS, after which the client timing stands in. The trace_id test
// inside the subquery is a one-time filter: answers without a trace skip the look-up entirely.
export const TRACE_LATENCY_JOIN = `
LEFT JOIN LATERAL (
  SELECT s.duration_ms, s.service
  FROM telemetry.spans s
  WHERE f.trace_id IS NOT NULL AND s.project_id = f.project_id AND s.trace_id = f.trace_id
    AND s.start_time >= f.received_at - interval '1 day' AND s.start_time <= f.received_at + interval '10 minutes'
  ORDER BY s.start_time, s.duration_ms DESC
  LIMIT 1
) t ON true`;

/** Trace duration, else the interaction that triggered the poll, else INP. */
export const LATENCY_SQL = `coalesce(t.duration_ms, f.interaction_ms::double precision, f.inp_ms::double precision)`;
export const LATENCY_SOURCE_SQL = `CASE WHEN t.duration_ms IS NOT NULL THEN 'trace'
  WHEN f.interaction_ms IS NOT NULL THEN 'interaction' WHEN f.inp_ms IS NOT NULL THEN 'inp' END`;
