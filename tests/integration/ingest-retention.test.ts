import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { storeMetricPoints, storeSpans } from '@/lib/ingest/writer';
import { applyRetention } from '@/lib/retention/apply-retention';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { pointRow, spanRow } from './ingest-support';

// Retention on its own database (it drops partitions for every project).
const DAY = 86_400_000;
let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

const partitions = async () =>
  (
    await pool.query<{ relname: string }>(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
       WHERE p.relname IN ('spans', 'metric_points') ORDER BY 1`,
    )
  ).rows.map((r) => r.relname);

const rollupRows = async (tier: string) =>
  (await pool.query(`SELECT count(*)::int AS n FROM telemetry.rollup_${tier}`)).rows[0].n;

it('drops whole raw partitions past raw retention and rollup rows past each tier, under a lock', async () => {
  const { projectId } = await createTenant(database.url);
  const now = Date.UTC(2026, 10, 20, 12);
  const day = (d: number) => new Date(now - d * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  await storeSpans(pool, projectId, [
    spanRow({ startMs: now - 10 * DAY }),
    spanRow({ startMs: now - 3 * DAY }),
    spanRow({ startMs: now - 40 * DAY }),
  ]);
  await storeMetricPoints(pool, projectId, [pointRow({ timeMs: now - 10 * DAY }), pointRow({ timeMs: now })]);
  expect(await partitions()).toEqual(
    [
      `metric_points_${day(0)}`,
      `metric_points_${day(10)}`,
      `spans_${day(10)}`,
      `spans_${day(3)}`,
      `spans_${day(40)}`,
    ].sort(),
  );

  // Another instance holding the lock: this one skips.
  const holder = await pool.connect();
  await holder.query('BEGIN');
  await holder.query("SELECT pg_advisory_xact_lock(hashtext('tailwatch.retention'))");
  const skipped = await applyRetention(pool, { raw: 7, minute: 15, hour: 30, day: 365 }, now);
  expect(skipped.ran).toBe(false);
  await holder.query('ROLLBACK');
  holder.release();

  const r = await applyRetention(pool, { raw: 7, minute: 15, hour: 30, day: 365 }, now);
  expect(r.ran).toBe(true);
  expect(r.droppedPartitions).toEqual([`metric_points_${day(10)}`, `spans_${day(10)}`, `spans_${day(40)}`].sort());
  expect(await partitions()).toEqual([`metric_points_${day(0)}`, `spans_${day(3)}`]);
  expect(r.deletedRollups).toEqual({ minute: 1, hour: 1, day: 0 }); // the 40-day-old row of minute and hour
  expect([await rollupRows('minute'), await rollupRows('hour'), await rollupRows('day')]).toEqual([2, 2, 3]);

  // A late span for a dropped day: the writer's partition cache is stale, it recreates the partition.
  expect(await storeSpans(pool, projectId, [spanRow({ startMs: now - 10 * DAY + 1000 })])).toEqual({
    inserted: 1,
    duplicates: 0,
  });
});
