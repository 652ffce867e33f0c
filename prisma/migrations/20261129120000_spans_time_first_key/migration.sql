-- The natural key of telemetry.spans goes time-first; trace look-ups move to a BRIN bloom index; a poll
-- answer keeps its trace's latency once it is settled, instead of looking the trace up on every read.
--
-- With random trace ids (what SDKs send), the key (project_id, trace_id, span_id, start_time) put every
-- insert on a random leaf of a day-sized B-tree: once that outgrew shared_buffers, each span cost PostgreSQL
-- a page read, a dirtied page and, after each checkpoint, a full-page image in the WAL. The same columns in
-- time order keep inserts near the right edge, and a retried span (same ids, same start time) is still
-- refused.

-- A poll answer's trace latency is looked up by lib/feedback/trace-resolver.ts and kept on the answer (reports
-- join up to 20,000 answers, which through the BRIN index below would be ~1-3 ms each). Answers old enough
-- that their trace is settled (15 minutes) take it now, through the old index; newer ones are checked by the
-- resolver.
ALTER TABLE telemetry.feedback
  ADD COLUMN trace_ms DOUBLE PRECISION,
  ADD COLUMN trace_service TEXT,
  ADD COLUMN trace_checked_at TIMESTAMPTZ,
  ADD COLUMN trace_settled BOOLEAN NOT NULL DEFAULT false;

UPDATE telemetry.feedback f
SET (trace_ms, trace_service) = (
      SELECT s.duration_ms, s.service
      FROM telemetry.spans s
      WHERE s.project_id = f.project_id AND s.trace_id = f.trace_id
        AND s.start_time >= f.received_at - interval '1 day' AND s.start_time <= f.received_at + interval '10 minutes'
      ORDER BY s.start_time, s.duration_ms DESC
      LIMIT 1),
    trace_checked_at = now(),
    trace_settled = true
WHERE f.trace_id IS NOT NULL AND f.received_at < now() - interval '15 minutes';

-- The answers the resolver still has to check.
CREATE INDEX feedback_trace_unsettled ON telemetry.feedback (received_at)
  WHERE trace_id IS NOT NULL AND NOT trace_settled;

DROP INDEX telemetry.spans_natural_key;
CREATE UNIQUE INDEX spans_natural_key ON telemetry.spans (project_id, start_time, trace_id, span_id);

-- A bloom filter of trace ids per 16 heap pages (~800 spans): ~2 bytes per span, and inserts into ranges not
-- yet summarized cost nothing. lib/ingest/trace-index.ts summarizes new ranges every few seconds; a look-up
-- reads every range's filter and the heap pages of the ranges that may hold the trace.
CREATE INDEX spans_trace_bloom ON telemetry.spans
  USING brin (trace_id bytea_bloom_ops (n_distinct_per_range = 800, false_positive_rate = 0.001))
  WITH (pages_per_range = 16);

-- A trace's spans starting in [from_time, to_time]. The planner cannot estimate a bloom filter's selectivity
-- (it prices the BRIN scan as if it read most of a partition), so left alone it picks a sequential scan for
-- some partitions, parallel workers, and JIT compilation: 150 ms for a look-up the index answers in 10.
-- The settings hold inside this function only.
CREATE FUNCTION telemetry.trace_spans(project INTEGER, trace BYTEA, from_time TIMESTAMPTZ, to_time TIMESTAMPTZ)
RETURNS SETOF telemetry.spans
LANGUAGE sql STABLE
SET enable_seqscan = off SET jit = off SET max_parallel_workers_per_gather = 0
AS $$
  SELECT * FROM telemetry.spans
  WHERE project_id = project AND trace_id = trace AND start_time >= from_time AND start_time <= to_time
$$;
