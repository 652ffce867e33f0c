import { hostname } from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpanBatch, spanBatch as encodeBatch } from '@/lib/ingest/span-batch';
import { decodeTraces, type OtlpContentType } from '@/lib/ingest/otlp';
import { httpSpans, tracesJson, tracesProtobuf } from '@/lib/ingest/otlp/test-fixtures';
import { requestPayload } from '@/lib/ingest/payloads';
import { writeGroup } from '@/lib/ingest/writer-transaction';
import { metrics } from '@/lib/metrics';
import { flushPending, RollupFlusher, recoverPending, sweepPending } from '@/lib/rollups/flush';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { rawSpanCount, rollupMismatches, spanBatch, spanRow } from './ingest-support';

// Rollups leave the ingest transaction as telemetry.rollup_pending rows: a group commits its spans with
// one pending row, and a flush (normally right after, in the same process) rolls it up exactly once.
let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 6 });
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const rollupTotal = async (projectId: number, tier = 'minute') =>
  (
    await pool.query<{ n: number | null }>(
      `SELECT sum(count)::int AS n FROM telemetry.rollup_${tier === 'minute' ? 'minute' : 'day'} WHERE project_id = $1`,
      [projectId],
    )
  ).rows[0].n ?? 0;
/** A batch as the ingest path builds it: decoded rows and the request body as their payload. */
function requestBatch(projectId: number, body: Buffer, type: OtlpContentType): SpanBatch {
  return encodeBatch(projectId, decodeTraces(body, type, { details: false }).rows, requestPayload(body, type));
}
const storedForms = async () =>
  (await pool.query<{ rows: string }>('SELECT rows FROM telemetry.rollup_pending ORDER BY id')).rows.map((r) =>
    r.rows.startsWith('[') ? 'rollups' : 'payloads',
  );
const pendingCount = async () =>
  (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM telemetry.rollup_pending')).rows[0].n;

describe('pending rollups', () => {
  it('a committed group is in the raw table at once and in the rollups after one flush, never twice', async () => {
    const { projectId } = await createTenant(database.url);
    const rows = Array.from({ length: 300 }, (_, i) => spanRow({ route: `/p${i % 5}`, isError: i % 7 === 0 }));
    const group = await writeGroup(pool, [spanBatch(projectId, rows)], []);
    expect(group.spansInserted).toBe(300);
    expect(group.pending?.rows.length).toBeGreaterThan(0);
    expect(await rawSpanCount(pool, projectId)).toBe(300);
    expect(await rollupTotal(projectId)).toBe(0);
    expect(await pendingCount()).toBe(1);

    const pending = group.pending;
    if (!pending) throw new Error('no pending rollups');
    // Two flushers racing for the same pending row: exactly one adds it.
    const [a, b] = await Promise.all([flushPending(pool, [pending]), flushPending(pool, [pending])]);
    expect([a.size, b.size].sort()).toEqual([0, 1]);
    expect(await pendingCount()).toBe(0);
    expect(await rollupTotal(projectId)).toBe(300);
    expect(await rollupTotal(projectId, 'day')).toBe(300);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);

    // A retried batch inserts nothing and leaves nothing to roll up.
    const retry = await writeGroup(pool, [spanBatch(projectId, rows.slice(0, 100))], []);
    expect(retry).toMatchObject({ spansInserted: 0, spansDuplicate: 100, pending: null });
  });

  it('flushers racing on the same rollup rows add every group exactly once, new rows and existing ones', async () => {
    const { projectId } = await createTenant(database.url);
    const base = Date.now() - 120_000;
    // Eight groups over the same few series and minutes, flushed two at a time on separate connections: each
    // pair races to insert the same new rows (the first pair) and to update the same existing ones (the rest).
    const groups = Array.from({ length: 8 }, (_, g) =>
      Array.from({ length: 60 }, (_, i) =>
        spanRow({
          route: `/race${i % 3}`,
          startMs: base + ((g * 60 + i) % 90) * 1000,
          durationMs: 0.5 + ((g * 37 + i * 11) % 400),
          isError: (g + i) % 7 === 0,
        }),
      ),
    );
    const pending = [];
    for (const rows of groups) {
      const group = await writeGroup(pool, [spanBatch(projectId, rows)], []);
      if (group.pending) pending.push(group.pending);
    }
    expect(pending).toHaveLength(8);
    for (let i = 0; i < pending.length; i += 2) {
      const done = await Promise.all([flushPending(pool, [pending[i]]), flushPending(pool, [pending[i + 1]])]);
      expect(done.map((d) => d.size)).toEqual([1, 1]);
    }
    expect(await rollupTotal(projectId)).toBe(480);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
    // Exemplars after the merges: the 5 slowest of each row, slowest first.
    const { rows } = await pool.query<{ d: number[]; top: number[] }>(
      `SELECT r.slow_durations AS d,
              ARRAY(SELECT s.duration_ms FROM telemetry.spans s WHERE s.project_id = r.project_id AND s.route = r.route
                      AND date_trunc('minute', s.start_time) = r.bucket ORDER BY s.duration_ms DESC LIMIT 5) AS top
       FROM telemetry.rollup_minute r WHERE r.project_id = $1`,
      [projectId],
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r.d).toEqual(r.top);
  });

  it('rows of a writer that died are rolled up from their stored form by the sweep and at start', async () => {
    const { projectId } = await createTenant(database.url);
    const first = Array.from({ length: 120 }, (_, i) => spanRow({ route: `/s${i % 3}`, durationMs: 1 + i }));
    const second = Array.from({ length: 80 }, (_, i) => spanRow({ route: `/s${i % 4}`, isError: i % 5 === 0 }));
    // Neither group is flushed by this process: as if it was killed after COMMIT.
    await writeGroup(pool, [spanBatch(projectId, first)], []);
    await writeGroup(pool, [spanBatch(projectId, second)], []);
    expect(await pendingCount()).toBe(2);

    // Not old enough for the periodic sweep.
    expect(await sweepPending(pool, 3600)).toBe(0);
    // The first row's writer: a process of this host that is gone (pid 2^22 + 1 is above Linux's pid_max).
    await pool.query(
      'UPDATE telemetry.rollup_pending SET owner = $1 WHERE id = (SELECT min(id) FROM telemetry.rollup_pending)',
      [`${hostname()}:${2 ** 22 + 1}`],
    );
    expect(await recoverPending(pool)).toBe(1); // the other row belongs to this (live) process
    expect(await rollupTotal(projectId)).toBe(120);

    // The second one: written long enough ago for any instance's sweep.
    await pool.query("UPDATE telemetry.rollup_pending SET created_at = now() - interval '1 minute'");
    expect(await sweepPending(pool, 30)).toBe(1);
    expect(await pendingCount()).toBe(0);
    expect(await rollupTotal(projectId)).toBe(200);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
  });

  it('a group of export requests stores where its spans are; after a crash they are decoded again from the bodies', async () => {
    const { projectId } = await createTenant(database.url);
    const now = Math.floor(Date.now() / 1000) - 600;
    const protobuf = tracesProtobuf(httpSpans(90, now)); // SERVER spans, some failed, a few minutes apart
    const json = tracesJson(httpSpans(40, now + 200));
    const group = await writeGroup(
      pool,
      [requestBatch(projectId, protobuf, 'protobuf'), requestBatch(projectId, json, 'json')],
      [],
    );
    expect(group.spansInserted).toBe(130);
    expect(group.pending).toMatchObject({ rows: [] });
    expect(group.pending?.spans.map((b) => b.spans.count)).toEqual([90, 40]);
    // A retry of the first request together with a new one: only the new spans, stored as minute rollups.
    const retry = await writeGroup(
      pool,
      [
        requestBatch(projectId, protobuf, 'protobuf'),
        requestBatch(projectId, tracesProtobuf(httpSpans(25, now)), 'protobuf'),
      ],
      [],
    );
    expect(retry).toMatchObject({ spansInserted: 25, spansDuplicate: 90 });
    expect(await storedForms()).toEqual(['payloads', 'rollups']);

    // Neither was flushed by its writer (as if it was killed after COMMIT): the sweep rolls both up.
    await pool.query("UPDATE telemetry.rollup_pending SET created_at = now() - interval '1 minute'");
    expect(await sweepPending(pool, 30)).toBe(2);
    expect(await rollupTotal(projectId)).toBe(155);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
  });

  it('rebuild_service_rollups derives the service level from the route level (backfill and bulk loads)', async () => {
    const { projectId } = await createTenant(database.url);
    const rows = Array.from({ length: 200 }, (_, i) =>
      spanRow({ route: `/b${i % 6}`, method: i % 2 ? 'GET' : 'POST', isError: i % 9 === 0, durationMs: 0.5 + i }),
    );
    const group = await writeGroup(pool, [spanBatch(projectId, rows)], []);
    if (group.pending) await flushPending(pool, [group.pending]);
    const before = await pool.query(
      'SELECT * FROM telemetry.rollup_service_hour WHERE project_id = $1 ORDER BY bucket, release',
      [projectId],
    );
    for (const tier of ['minute', '5min', 'hour', 'day'])
      await pool.query(`DELETE FROM telemetry.rollup_service_${tier} WHERE project_id = $1`, [projectId]);
    expect((await rollupMismatches(pool, projectId)).length).toBeGreaterThan(0);
    for (const tier of ['minute', '5min', 'hour', 'day'])
      await pool.query("SELECT telemetry.rebuild_service_rollups($1, $2, '-infinity', 'infinity')", [tier, projectId]);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
    const after = await pool.query(
      'SELECT * FROM telemetry.rollup_service_hour WHERE project_id = $1 ORDER BY bucket, release',
      [projectId],
    );
    expect(after.rows).toEqual(before.rows); // the same sketches the flusher wrote (exemplars aside: none)
  });

  it('the per-process flusher retries a failed flush and reports it on /metrics', async () => {
    const { projectId } = await createTenant(database.url);
    const group = await writeGroup(
      pool,
      [
        spanBatch(
          projectId,
          Array.from({ length: 50 }, () => spanRow()),
        ),
      ],
      [],
    );
    if (!group.pending) throw new Error('no pending rollups');
    let calls = 0;
    const errors: unknown[] = [];
    const flusher = new RollupFlusher(
      () => {
        if (calls++ === 0) throw new Error('database unavailable'); // the first flush fails
        return pool;
      },
      (err) => errors.push(err),
    );
    const failuresBefore = (await metrics().rollupFlushFailures.get()).values[0]?.value ?? 0;
    flusher.submit(group.pending);
    await flusher.idle(); // after the retry 1 s later
    expect(errors).toHaveLength(1);
    expect(calls).toBe(2);
    expect(await rollupTotal(projectId)).toBe(50);
    expect(await pendingCount()).toBe(0);
    expect((await metrics().rollupFlushFailures.get()).values[0]?.value).toBe(failuresBefore + 1);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/tailwatch_rollup_flush_seconds_count [1-9]/);
    expect(text).toContain('tailwatch_rollup_backlog_groups 0');
  });

  it('under load the flusher takes the groups committed during its interval in one flush', async () => {
    const { projectId } = await createTenant(database.url);
    const pending = [];
    for (let i = 0; i < 4; i++) {
      const group = await writeGroup(
        pool,
        [
          spanBatch(
            projectId,
            Array.from({ length: 20 }, () => spanRow()),
          ),
        ],
        [],
      );
      if (!group.pending) throw new Error('no pending rollups');
      pending.push(group.pending);
    }
    let flushes = 0;
    const flusher = new RollupFlusher(
      () => {
        flushes++;
        return pool;
      },
      () => {},
      2_000, // long enough that no machine is too slow for this test
    );
    flusher.submit(pending[0]);
    await flusher.idle(); // an idle flusher flushes at once
    expect(flushes).toBe(1);
    for (const p of pending.slice(1)) {
      flusher.submit(p);
      await new Promise((r) => setImmediate(r));
    }
    await flusher.idle();
    expect(flushes).toBe(2); // not one per group
    expect(await rollupTotal(projectId)).toBe(80);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
  });

  it('waiting for the rollups (tests, shutdown) cuts the pacing short', async () => {
    const { projectId } = await createTenant(database.url);
    const groups = [];
    for (let i = 0; i < 2; i++) {
      const group = await writeGroup(pool, [spanBatch(projectId, [spanRow()])], []);
      if (!group.pending) throw new Error('no pending rollups');
      groups.push(group.pending);
    }
    const flusher = new RollupFlusher(
      () => pool,
      () => {},
      3_600_000, // an hour: only the wake-up can end this wait within the test's timeout
    );
    flusher.submit(groups[0]);
    await flusher.idle();
    flusher.submit(groups[1]); // the flusher now waits out its interval
    await new Promise((r) => setTimeout(r, 50));
    await flusher.idle();
    expect(await rollupTotal(projectId)).toBe(2);
  });
});
