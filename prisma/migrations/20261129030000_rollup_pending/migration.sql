-- Pending rollups (outside Prisma's models, like the rest of schema "telemetry"). An ingest group commits its
-- raw spans together with one row here holding the minute rollups of exactly the spans it inserted. A
-- rollup flusher then merges many such rows into rollup_minute / hour / day and deletes them in the same
-- transaction, so every acknowledged span is rolled up exactly once even if a process dies in between
-- (another process's flusher picks up rows whose owner stopped flushing them).
CREATE TABLE telemetry.rollup_pending (
    id          BIGSERIAL   PRIMARY KEY,
    owner       TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    rows        TEXT        NOT NULL
);
-- Rows are written once, read back only after a crash: skip TOAST compression.
ALTER TABLE telemetry.rollup_pending ALTER COLUMN rows SET STORAGE EXTERNAL;
