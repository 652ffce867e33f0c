// Read-API latency on 7 days of synthetic requests: stats and series for 24 h and 7 d through the real
// lib/analytics functions, against percentile_cont over the raw spans in the same database and run.
// Run: npm run bench:query   (BENCH_SPANS_PER_DAY=300000 for a quick run; default 3,000,000)
// Uses its own database (created on BENCH_DATABASE_URL ?? DATABASE_URL ?? local PostgreSQL) and drops it.
import { execSync } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { ReadFilters } from '../../lib/analytics/filters';
import { getSeries } from '../../lib/analytics/get-series';
import { getTrace } from '../../lib/analytics/get-trace';
import { getStats } from '../../lib/analytics/get-stats';
import { migrate } from '../../lib/db/migrator';
import '../../lib/db/pool'; // int8 / int8[] type parsers, as in the app
import { benchDatabase } from './bench-db';
import { buildDay, type DatasetShape } from './query-dataset';
import { nodeMergeStats } from './query-node-merge';

const DAY_MS = 86_400_000;
const SPANS_PER_DAY = Number(process.env.BENCH_SPANS_PER_DAY ?? 3_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 20));
const BASELINE_RUNS = Math.max(1, Number(process.env.BENCH_BASELINE_RUNS ?? 5));
const TARGET_MS = { '24h': 150, '7d': 300 } as const;

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.95 * xs.length) - 1)];

async function time(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: plans and buffers
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

const BASELINE_STATS = `
SELECT count(*) AS count, count(*) FILTER (WHERE is_error) AS errors, min(duration_ms), max(duration_ms), avg(duration_ms),
       percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS p
FROM telemetry.spans WHERE project_id = $1 AND is_request AND start_time >= $2 AND start_time < $3`;
const BASELINE_SERIES = `
SELECT floor(extract(epoch FROM start_time) / $4) AS slot, count(*) AS count, count(*) FILTER (WHERE is_error) AS errors,
       min(duration_ms), max(duration_ms), avg(duration_ms),
       percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS p
FROM telemetry.spans WHERE project_id = $1 AND is_request AND start_time >= $2 AND start_time < $3 GROUP BY 1`;

async function main() {
  console.log(`disk before: ${execSync(`df -h /work ${os.tmpdir()} | tail -n +2`).toString().trim()}`);
  // BENCH_REUSE_DB=<name> measures an existing bench database (kept by BENCH_KEEP_DB=1) without rebuilding.
  const reuse = process.env.BENCH_REUSE_DB;
  const keep = process.env.BENCH_KEEP_DB === '1' || reuse !== undefined;
  const database = await benchDatabase('query', reuse);
  const pool = new pg.Pool({ connectionString: database.url, max: 4, options: '-c timezone=UTC' });
  pool.on('error', () => {}); // DROP DATABASE ... WITH (FORCE) ends connections still closing
  try {
    const endOfData = Math.floor(Date.now() / DAY_MS) * DAY_MS;
    const shape: DatasetShape = {
      projectId: 1,
      startMs: endOfData - 7 * DAY_MS,
      days: 7,
      spansPerDay: SPANS_PER_DAY,
      routes: 60,
      releases: 3,
    };
    if (!reuse) await buildDataset(pool, database.url, shape);
    await measure(pool, shape, endOfData);
  } finally {
    await pool.end();
    await (keep ? database.keep() : database.drop());
    console.log(keep ? `\nkept ${database.name}` : `\ndropped ${database.name}`);
  }
}

async function buildDataset(pool: pg.Pool, url: string, shape: DatasetShape) {
  await migrate(url);
  // The natural key index only serves ingest dedupe; no query measured here uses it, and building it would
  // double the generation time. (Trace look-ups use the BRIN bloom index, summarized by VACUUM below.)
  await pool.query('DROP INDEX telemetry.spans_natural_key');
  const client = await pool.connect();
  const t0 = performance.now();
  try {
    for (let day = 0; day < shape.days; day++) {
      const t = performance.now();
      await buildDay(client, shape, day);
      console.log(
        `day ${day + 1}/${shape.days}: ${SPANS_PER_DAY.toLocaleString()} spans + rollups in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    await client.query('VACUUM ANALYZE');
  } finally {
    client.release();
  }
  const sizes =
    await pool.query(`SELECT relname, pg_size_pretty(pg_total_relation_size(c.relid)) AS size, n_live_tup::bigint AS rows
      FROM pg_stat_user_tables c WHERE schemaname = 'telemetry' AND (relname LIKE 'rollup%' OR relname LIKE 'spans%') ORDER BY relname`);
  console.log(
    `dataset built in ${((performance.now() - t0) / 1000).toFixed(0)} s; database ${(await pool.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS s')).rows[0].s}`,
  );
  for (const r of sizes.rows)
    if (!/^spans_\d/.test(r.relname) || r.relname.endsWith('1'))
      console.log(`  ${r.relname}: ${r.rows} rows, ${r.size}`);
}

async function measure(pool: pg.Pool, shape: DatasetShape, endOfData: number) {
  // Ranges end 37 minutes before the end of the data so both edges are ragged (every tier is used).
  const to = endOfData - 37 * 60_000;
  const ranges = { '24h': to - DAY_MS, '7d': shape.startMs + 13 * 60_000 } as const;
  console.log(
    `\n${'query'.padEnd(28)} ${'ours p95'.padStart(10)} ${'baseline p95'.padStart(13)} ${'speedup'.padStart(8)}  target`,
  );
  for (const label of ['24h', '7d'] as const) {
    const filters: ReadFilters = { projectId: 1, fromMs: ranges[label], toMs: to };
    const bounds = [1, new Date(filters.fromMs), new Date(filters.toMs)];
    const fine = label === '24h' ? 300_000 : 3_600_000;
    const cases = [
      { name: `stats ${label}`, ours: () => getStats(pool, filters), base: () => pool.query(BASELINE_STATS, bounds) },
      ...[...new Set([fine, 3_600_000])].map((stepMs) => ({
        name: `series ${label} step ${stepMs / 1000}s`,
        ours: () => getSeries(pool, filters, stepMs),
        base: () => pool.query(BASELINE_SERIES, [...bounds, stepMs / 1000]),
      })),
      {
        name: `stats ${label} service=svc-1`,
        ours: () => getStats(pool, { ...filters, service: 'svc-1' }),
        base: () => pool.query(`${BASELINE_STATS} AND service = $4`, [...bounds, 'svc-1']),
      },
      {
        name: `series ${label} route=/api/r7`,
        ours: () => getSeries(pool, { ...filters, route: '/api/r7' }, fine),
        base: () =>
          pool.query(BASELINE_SERIES.replace('GROUP BY 1', 'AND route = $5 GROUP BY 1'), [
            ...bounds,
            fine / 1000,
            '/api/r7',
          ]),
      },
    ];
    for (const c of cases) {
      const ours = p95(await time(RUNS, c.ours));
      const base = p95(await time(BASELINE_RUNS, c.base));
      const ok = ours <= TARGET_MS[label] && base / ours >= 10;
      console.log(
        `${c.name.padEnd(28)} ${ours.toFixed(1).padStart(8)} ms ${base.toFixed(0).padStart(10)} ms ${(base / ours).toFixed(1).padStart(7)}x  <=${TARGET_MS[label]} ms, >=10x: ${ok ? 'met' : 'MISSED'}`,
      );
    }
    // Where to merge sketches: the same stats fetching every row's arrays and merging in Node.
    const sqlMerge = p95(await time(Math.min(RUNS, 10), () => nodeMergeStats(pool, filters)));
    console.log(
      `${`stats ${label} (merge in Node)`.padEnd(28)} ${sqlMerge.toFixed(1).padStart(8)} ms   (alternative, not used)`,
    );
    if (label === '7d') await measureTraces(pool);
    // Accuracy against the exact rows in the same run (percentile_cont interpolates; nearest rank is within a rank).
    const ours = await getStats(pool, filters);
    const exact = (await pool.query(BASELINE_STATS, bounds)).rows[0];
    const rel = (a: number | null, b: number) => (a === null ? Number.NaN : Math.abs(a - b) / b);
    console.log(
      `  ${label} check: count ${ours.count} vs ${exact.count}; p50/p95/p99 rel. diff vs percentile_cont ${[ours.p50, ours.p95, ours.p99].map((v, i) => `${(rel(v, exact.p[i]) * 100).toFixed(2)}%`).join(' / ')}`,
    );
  }
}

// A trace by id over every partition, through the BRIN bloom index (lib/analytics/get-trace.ts), against the
// same look-up as a sequential scan of the spans.
const TRACE_SQL = `SELECT span_id, duration_ms FROM telemetry.spans WHERE project_id = $1 AND trace_id = $2`;

async function measureTraces(pool: pg.Pool) {
  const { rows } = await pool.query<{ trace_id: Buffer }>(
    'SELECT trace_id FROM telemetry.spans TABLESAMPLE SYSTEM (0.01) LIMIT $1',
    [RUNS],
  );
  let next = 0;
  const traceHex = () => rows[next++ % rows.length].trace_id.toString('hex');
  const ours = p95(
    await time(RUNS, async () => {
      if ((await getTrace(pool, 1, traceHex())).length === 0) throw new Error('sampled trace not found');
    }),
  );
  const client = await pool.connect();
  let base: number;
  try {
    await client.query('SET enable_bitmapscan = off');
    base = p95(
      await time(Math.min(BASELINE_RUNS, 3), () => client.query(TRACE_SQL, [1, Buffer.from(traceHex(), 'hex')])),
    );
  } finally {
    await client.query('RESET enable_bitmapscan');
    client.release();
  }
  console.log(
    `${'trace by id (all days)'.padEnd(28)} ${ours.toFixed(1).padStart(8)} ms ${base.toFixed(0).padStart(10)} ms ${(base / ours).toFixed(1).padStart(7)}x  (no target; baseline: sequential scan)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
