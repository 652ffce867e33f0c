// Ingest throughput: the real server (server.ts) on its own database, a separate client process sending
// OTLP/HTTP protobuf batches of 100 spans with BENCH_CONCURRENCY requests in flight for BENCH_SECONDS
// (default 60; BENCH_GZIP=1 gzips every request, as an OpenTelemetry Collector does). Prints acknowledged
// spans/s, ack latency p50/p99, and the rate of a bare COPY of the same decoded rows into a plain table measured
// in the same run, with the ratio.
// Run: npm run bench:ingest   (BENCH_SECONDS=15 for a quick run). Database: BENCH_DATABASE_URL ??
// DATABASE_URL ?? local PostgreSQL; created and dropped. The server runs the production build (npm run build
// first). Profile the server with APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrate } from '../../lib/db/migrator';
import { copyBinary } from '../../lib/ingest/copy-stream';
import { decodeTraces } from '../../lib/ingest/otlp';
import { httpSpans, tracesProtobuf } from '../../lib/ingest/otlp/test-fixtures';
import { requestPayload } from '../../lib/ingest/payloads';
import { SPAN_COLUMNS, spanBatch } from '../../lib/ingest/span-batch';
import { createProject } from '../../lib/projects/create-project';
import { startAppProcess } from '../support/app-process';
import { benchDatabase } from './bench-db';
import { type IngestClientResult, runIngestClient } from './ingest-client-run';
import { cpuSnapshot, machineSnapshot, processesNamed } from './process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const COPY_ROWS = Number(process.env.BENCH_COPY_ROWS ?? 1_000_000);

// The span rows' columns, without telemetry.spans' partitions, natural-key index and defaults.
const BARE_TABLE = 'CREATE TABLE bench_bare_copy AS SELECT * FROM telemetry.spans WITH NO DATA';

/**
 * Rows/s of a bare COPY of the same kind of decoded SDK spans, in the writer's binary encoding, into a plain
 * table (no index, no partitions, no payloads, no rollups): what PostgreSQL alone takes for these rows.
 */
async function bareCopyRate(url: string): Promise<number> {
  const body = tracesProtobuf(httpSpans(1000, Math.floor(Date.now() / 1000)));
  const rows = decodeTraces(body, 'protobuf', { details: false }).rows;
  const block = spanBatch(1, rows, requestPayload(body, 'protobuf')).rows;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(BARE_TABLE);
  function* blocks() {
    for (let i = 0; i < COPY_ROWS; i += rows.length) yield block;
  }
  const copied = Math.ceil(COPY_ROWS / rows.length) * rows.length;
  const t = performance.now();
  await copyBinary(client, 'bench_bare_copy', SPAN_COLUMNS, blocks());
  const rate = copied / ((performance.now() - t) / 1000);
  await client.end();
  return rate;
}

async function main() {
  const database = await benchDatabase('ingest');
  const dbUrl = database.url;
  try {
    await migrate(dbUrl);
    const pool = new pg.Pool({ connectionString: dbUrl, max: 2 });
    pool.on('error', () => {}); // the database is dropped with FORCE on the way out, even after a failure
    const project = await createProject({ name: 'bench' }, pool);
    const app = await startAppProcess({
      databaseUrl: dbUrl,
      env: {
        TAILWATCH_WORKERS: 'off',
        TAILWATCH_INGEST_RATE_PER_KEY: '1000000',
        TAILWATCH_INGEST_BURST_PER_KEY: '1000000',
      },
    });
    let result: IngestClientResult;
    let cpu: { server: number | null; postgres: number | null } = { server: null, postgres: null };
    let machine: ReturnType<ReturnType<typeof machineSnapshot>['since']> = null;
    try {
      await runIngestClient({ BENCH_URL: app.url, BENCH_KEY: project.ingestKey, BENCH_SECONDS: '3' }); // warm-up (JIT, partitions)
      const server = app.child.pid;
      const serverCpu = cpuSnapshot(() => (server ? [server] : []));
      const postgresCpu = cpuSnapshot(() => processesNamed('postgres'));
      const machineCpu = machineSnapshot();
      result = await runIngestClient({
        BENCH_URL: app.url,
        BENCH_KEY: project.ingestKey,
        BENCH_SECONDS: String(SECONDS),
      });
      cpu = { server: serverCpu.since(), postgres: postgresCpu.since() };
      machine = machineCpu.since();
    } finally {
      await app.stop();
    }
    const { rows } = await pool.query(
      `SELECT (SELECT count(*) FROM telemetry.spans)::float8 AS raw,
              (SELECT sum(count) FROM telemetry.rollup_minute)::float8 AS minute, (SELECT sum(count) FROM telemetry.rollup_day)::float8 AS day`,
    );
    await pool.end();
    const copyRate = await bareCopyRate(dbUrl);
    const rate = result.acked / result.elapsed;
    console.log(
      `ingest: ${Math.round(rate).toLocaleString('en-US')} acknowledged spans/s over ${result.elapsed.toFixed(1)} s` +
        `${process.env.BENCH_GZIP === '1' ? ', requests gzipped' : ''} (target >= 100,000)`,
    );
    console.log(
      `ack latency: p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms (target p99 <= 250 ms)`,
    );
    console.log(`statuses: ${JSON.stringify(result.statuses)}`);
    // CPU per acknowledged span varies far less than throughput on a shared machine (Linux /proc only).
    const perSpan = (seconds: number | null) =>
      seconds === null ? 'n/a' : `${((seconds / result.acked) * 1e6).toFixed(1)} us`;
    const total = cpu.server !== null && cpu.postgres !== null ? cpu.server + cpu.postgres + result.cpu : null;
    console.log(
      `CPU per acknowledged span: server ${perSpan(cpu.server)}, PostgreSQL (local processes) ${perSpan(cpu.postgres)}, ` +
        `client ${perSpan(result.cpu)}; total ${perSpan(total)}` +
        (total === null ? '' : ` (${(total / result.elapsed).toFixed(2)} cores busy)`),
    );
    if (machine) {
      const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
      console.log(
        `machine during the run: ${pct(machine.steal)} steal (CPU given to other guests), ${pct(machine.idle)} idle`,
      );
    }
    console.log(
      `stored: ${rows[0].raw} raw spans (incl. warm-up), rollups minute ${rows[0].minute}, day ${rows[0].day}`,
    );
    console.log(
      `bare COPY of the same rows: ${Math.round(copyRate).toLocaleString('en-US')} rows/s; ingest/COPY ratio ${(rate / copyRate).toFixed(3)}`,
    );
  } finally {
    await database.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
