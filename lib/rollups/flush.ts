import { hostname } from 'node:os';
import type pg from 'pg';
import { inTransaction } from '../db/transaction';
import { payloadSpanRows } from '../ingest/payloads';
import { requestSpans } from '../ingest/span-batch';
import { log } from '../log';
import { metrics } from '../metrics';
import { minuteRollups, type NewSpans, type RollupRow, routeTiers, serviceTiers } from './aggregate';
import { decodePending, type PayloadRefs } from './pending';
import { upsertRollups } from './upsert';

// Rollups leave the ingest transaction (see docs/architecture.md "Ingest"): a group commits its raw spans
// and one telemetry.rollup_pending row with the minute rollups of the spans it inserted; a flush then merges
// any number of pending rows into rollup_minute / hour / day and deletes them, in one transaction. Measured
// (npm run bench:ingest): an ingest group of ~1,000 spans from 240 series upserted ~360 rollup rows, two
// thirds of its time, and two overlapping groups queued on the same rows. One flush now serves every group
// that committed while the previous flush ran, so the rollup rows written per span fall as load rises.
// A group usually hands over its new request spans rather than rollups (its pending row then says only where
// they are, see pending.ts): one flush computes the minute rows of all its groups' spans in one pass.

export interface PendingRollup {
  id: number; // telemetry.rollup_pending.id
  rows: RollupRow[]; // minute rows computed before the flush
  spans: NewSpans[]; // new request spans whose minute rows the flush computes
}

/** Who wrote a pending row (diagnostics only: any process may flush any row). */
export const PENDING_OWNER = `${hostname()}:${process.pid}`;

/** Inserts a group's pending minute rollups inside the group's transaction; returns the row id. */
export async function insertPending(client: pg.ClientBase, encoded: string): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    'INSERT INTO telemetry.rollup_pending (owner, rows) VALUES ($1, $2) RETURNING id',
    [PENDING_OWNER, encoded],
  );
  return Number(rows[0].id);
}

/**
 * One flush transaction: deletes the pending rows (a row another flusher took first is not returned once
 * that flusher commits, and its rollups are not added again), adds the returned rows' rollups to all three
 * tiers of both levels, route and service (upserts in key order, merging in SQL), COMMIT. Returns the ids
 * it flushed.
 */
export async function flushPending(pool: pg.Pool, items: readonly PendingRollup[]): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  return inTransaction(pool, async (client) => {
    const deleted = await client.query<{ id: string }>(
      'DELETE FROM telemetry.rollup_pending WHERE id = ANY($1::int8[]) RETURNING id',
      [items.map((it) => it.id)],
    );
    const done = new Set(deleted.rows.map((r) => Number(r.id)));
    const spans: NewSpans[] = [];
    const rows: RollupRow[] = [];
    for (const it of items) {
      if (!done.has(it.id)) continue;
      for (const r of it.rows) rows.push(r);
      for (const s of it.spans) spans.push(s);
    }
    // Minute rows from spans come merged; rows computed earlier may repeat their keys and are merged first.
    const route =
      rows.length === 0 ? routeTiers(minuteRollups(spans), true) : routeTiers(rows.concat(minuteRollups(spans)));
    const service = serviceTiers(route.minute);
    for (const tier of ['minute', 'hour', 'day'] as const) await upsertRollups(client, tier, route[tier]);
    for (const tier of ['minute', 'fiveMinute', 'hour', 'day'] as const)
      await upsertRollups(client, tier, service[tier], 'service');
    return done;
  });
}

const OLDER_THAN = `SELECT id, rows FROM telemetry.rollup_pending
  WHERE created_at < now() - make_interval(secs => $1) ORDER BY id LIMIT $2`;
const OWNED_BY = 'SELECT id, rows FROM telemetry.rollup_pending WHERE owner = $1 ORDER BY id LIMIT $2';

// The stored request bodies a pending row points at: one day partition (received_at), the (project_id, id) index.
const PAYLOAD_BODIES = `
SELECT DISTINCT ON (p.project_id, p.id) p.project_id, p.format, p.body
FROM telemetry.span_payloads p
JOIN unnest($2::int[], $3::int8[]) AS r(project_id, id) ON p.project_id = r.project_id AND p.id = r.id
WHERE p.received_at = $1::timestamptz`;

/** The request spans of a group stored as payload references, decoded again from the stored bodies. */
async function spansOf(pool: pg.Pool, refs: PayloadRefs): Promise<NewSpans[]> {
  const { rows } = await pool.query<{ project_id: number; format: number; body: Buffer }>(PAYLOAD_BODIES, [
    new Date(refs.receivedMs).toISOString(),
    refs.payloads.map((p) => p[0]),
    refs.payloads.map((p) => String(p[1])),
  ]);
  if (rows.length < refs.payloads.length) {
    // Only if retention dropped the bodies' day before the pending row was flushed: those spans are gone too.
    log.warn({ expected: refs.payloads.length, found: rows.length }, 'pending rollups: request bodies missing');
  }
  return rows.map((p) => ({ projectId: p.project_id, spans: requestSpans(payloadSpanRows(p.format, p.body)) }));
}

/** Flushes up to `limit` pending rows selected by `sql` (oldest first); returns how many it flushed. */
async function sweep(pool: pg.Pool, sql: string, param: unknown, limit: number): Promise<number> {
  const { rows } = await pool.query<{ id: string; rows: string }>(sql, [param, limit]);
  if (rows.length === 0) return 0;
  const items: PendingRollup[] = [];
  for (const r of rows) {
    const stored = decodePending(r.rows);
    if ('rows' in stored) items.push({ id: Number(r.id), rows: stored.rows, spans: [] });
    else items.push({ id: Number(r.id), rows: [], spans: await spansOf(pool, stored.refs) });
  }
  const done = await flushPending(pool, items);
  return done.size;
}

/**
 * Flushes pending rows older than `minAgeSeconds`, whoever wrote them (a writer on another machine that
 * died, or whose flush failed). Flushing a row its live writer is about to flush is harmless: the second
 * flush does not find it any more. Returns how many rows it flushed.
 */
export async function sweepPending(pool: pg.Pool, minAgeSeconds: number, limit = 200): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sweep(pool, OLDER_THAN, minAgeSeconds, limit);
    total += n;
    if (n < limit) return total;
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * At start: flushes every pending row written by a process of this host that is no longer running (a
 * crash or kill -9 between a group's COMMIT and its flush), so a restarted instance serves complete rollups
 * at once. Rows of other hosts are left to sweepPending. Returns how many rows it flushed.
 */
export async function recoverPending(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ owner: string }>('SELECT DISTINCT owner FROM telemetry.rollup_pending');
  const host = hostname();
  let total = 0;
  for (const { owner } of rows) {
    const at = owner.lastIndexOf(':');
    const pid = Number(owner.slice(at + 1));
    if (owner.slice(0, at) !== host || pid === process.pid || !Number.isInteger(pid) || alive(pid)) continue;
    for (;;) {
      const n = await sweep(pool, OWNED_BY, owner, 200);
      total += n;
      if (n < 200) break;
    }
  }
  return total;
}

const MAX_GROUPS_PER_FLUSH = 500;
// Flushes start at least this far apart: every flush re-merges the rollup rows of the current minute, hour
// and day, however few spans it adds. Measured with `npm run bench:ingest` (60 s, one machine, back to back):
// 1 s instead of 250 ms took PostgreSQL from 8.4 to 6.8 µs of CPU per span (85,230 -> 95,662 spans/s).
// Rollups trail ingest by <= ~1 s; rollupsSettled() (tests, shutdown) cuts the wait short.
const MIN_FLUSH_INTERVAL_MS = 1000;

/**
 * The per-process flusher: each committed group hands over its pending rollups; one flush runs at a time and
 * takes everything handed over meanwhile, so under load one flush serves many groups. A failed flush is
 * retried (1 s, 2 s, 4 s ... up to 30 s apart); the rows stay in telemetry.rollup_pending all along, so a
 * crash loses nothing (recoverPending / sweepPending).
 */
export class RollupFlusher {
  private queue: PendingRollup[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private retryMs = 0;
  private lastStart = -Infinity;
  private wake: (() => void) | null = null; // ends the pacing wait early

  constructor(
    private readonly pool: () => pg.Pool,
    private readonly onError: (err: unknown) => void,
    private readonly minIntervalMs = MIN_FLUSH_INTERVAL_MS,
  ) {}

  submit(item: PendingRollup): void {
    this.queue.push(item);
    if (!this.running) void this.pump();
  }

  /** Resolves once everything submitted so far is flushed (a failed flush is retried until it succeeds). */
  idle(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    this.wake?.(); // whoever waits for the rollups should not also wait out the pacing
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async pump(): Promise<void> {
    this.running = true;
    const m = metrics();
    while (this.queue.length > 0) {
      // Under load, the groups of the last interval go in one flush: its upserts touch each rollup row once
      // however many groups fed it. When idle, a flush starts at once.
      const wait = this.lastStart + this.minIntervalMs - performance.now();
      if (wait > 0 && this.idleWaiters.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, wait);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
      this.lastStart = performance.now();
      // A backlog (say, after the database came back) goes in bounded transactions.
      const batch = this.queue.splice(0, MAX_GROUPS_PER_FLUSH);
      m.rollupBacklog.set(batch.length + this.queue.length);
      const started = performance.now();
      try {
        // Rows missing from the result were flushed by another process's sweep: rolled up all the same.
        await flushPending(this.pool(), batch);
        m.rollupFlushSeconds.observe((performance.now() - started) / 1000);
        this.retryMs = 0;
      } catch (err) {
        m.rollupFlushFailures.inc();
        this.onError(err);
        this.retryMs = Math.min(30_000, Math.max(1_000, this.retryMs * 2));
        this.queue = batch.concat(this.queue);
        await new Promise((r) => setTimeout(r, this.retryMs).unref());
      }
    }
    this.running = false;
    m.rollupBacklog.set(0);
    for (const w of this.idleWaiters.splice(0)) w();
  }
}
