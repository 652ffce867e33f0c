import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeMetricPoints, storeSpans } from '@/lib/ingest/writer';
import { bucketKey } from '@/lib/sketch';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';
import { pointRow, rawSpanCount, rollupMismatches, spanRow } from './ingest-support';

// The group-commit transaction against real PostgreSQL: raw rows, dedupe, rollups equal to the raw rows.
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

describe('storeSpans', () => {
  it('stores spans, rolls up only request spans, and a retried batch adds nothing', async () => {
    const { projectId } = await createTenant(database.url);
    const rows = Array.from({ length: 500 }, (_, i) =>
      spanRow({
        route: `/r${i % 7}`,
        isError: i % 13 === 0,
        isRequest: i % 10 !== 0,
        durationMs: i === 3 ? 0 : 1 + (i % 50) * 3.7,
      }),
    );
    // A day boundary and a span from two days ago: partitions are created as needed.
    rows.push(spanRow({ startMs: Date.now() - 2 * 86_400_000 }));
    const first = await storeSpans(pool, projectId, rows);
    expect(first).toEqual({ inserted: 501, duplicates: 0 });
    const again = await storeSpans(pool, projectId, [...rows.slice(0, 200), spanRow()]);
    expect(again).toEqual({ inserted: 1, duplicates: 200 });
    expect(await rawSpanCount(pool, projectId)).toBe(502);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
    const { rows: counts } = await pool.query(
      `SELECT (SELECT sum(count)::int FROM telemetry.rollup_day WHERE project_id = $1) AS day,
              (SELECT sum(zero_count)::int FROM telemetry.rollup_minute WHERE project_id = $1) AS zero`,
      [projectId],
    );
    expect(counts[0]).toEqual({ day: rows.filter((r) => r.isRequest).length + 1, zero: 1 });
    // The check itself notices a rollup that is off by one.
    await pool.query('UPDATE telemetry.rollup_hour SET count = count + 1 WHERE project_id = $1 AND route = $2', [
      projectId,
      '/r1',
    ]);
    expect((await rollupMismatches(pool, projectId)).length).toBeGreaterThan(0);
  });

  it('keeps the sketch keys of the raw durations and the slowest and failed trace ids', async () => {
    const { projectId } = await createTenant(database.url);
    const t = Math.floor(Date.now() / 60_000) * 60_000 - 120_000;
    const rows = Array.from({ length: 40 }, (_, i) =>
      spanRow({ startMs: t + i * 10, durationMs: 10 + i, isError: i < 3 }),
    );
    await storeSpans(pool, projectId, rows.slice(0, 20));
    await storeSpans(pool, projectId, rows.slice(20));
    const { rows: r } = await pool.query(
      `SELECT sketch_keys, sketch_counts, encode(slow_trace_ids[1], 'hex') AS slowest, slow_durations,
              array_length(error_trace_ids, 1) AS errors FROM telemetry.rollup_minute WHERE project_id = $1`,
      [projectId],
    );
    expect(r).toHaveLength(1);
    const expected = new Map<number, number>();
    for (const s of rows) expected.set(bucketKey(s.durationMs), (expected.get(bucketKey(s.durationMs)) ?? 0) + 1);
    expect(new Map(r[0].sketch_keys.map((k: number, i: number) => [k, r[0].sketch_counts[i]]))).toEqual(expected);
    expect(r[0].slowest).toBe(rows[39].traceId);
    expect(r[0].slow_durations).toEqual([49, 48, 47, 46, 45]);
    expect(r[0].errors).toBe(3);
  });

  it('concurrent writers of overlapping batches produce rollups equal to the raw rows', async () => {
    const { projectId } = await createTenant(database.url);
    const rows = Array.from({ length: 3000 }, (_, i) => spanRow({ route: `/c${i % 11}`, isError: i % 7 === 0 }));
    const batches = Array.from({ length: 12 }, (_, i) => rows.slice((i % 6) * 500, (i % 6) * 500 + 500).reverse());
    await Promise.all(batches.map((b) => storeSpans(pool, projectId, b)));
    expect(await rawSpanCount(pool, projectId)).toBe(3000);
    expect(await rollupMismatches(pool, projectId)).toEqual([]);
  });
});

describe('storeMetricPoints', () => {
  it('dedupes on (project, series, time)', async () => {
    const { projectId } = await createTenant(database.url);
    const t = Date.now();
    const points = [
      pointRow({ timeMs: t }),
      pointRow({ timeMs: t + 1000, value: 5 }),
      pointRow({
        seriesKey: 'h',
        kind: 'histogram',
        value: null,
        count: 3,
        sum: 6,
        explicitBounds: [1, 2],
        bucketCounts: [1, 1, 1],
      }),
    ];
    expect(await storeMetricPoints(pool, projectId, points)).toEqual({ inserted: 3, duplicates: 0 });
    expect(await storeMetricPoints(pool, projectId, points.slice(0, 2))).toEqual({ inserted: 0, duplicates: 2 });
    const { rows } = await pool.query(
      'SELECT kind, value, bucket_counts FROM telemetry.metric_points WHERE project_id = $1 ORDER BY time, series_key',
      [projectId],
    );
    expect(rows.map((r) => r.kind).sort()).toEqual(['gauge', 'gauge', 'histogram']);
  });
});
