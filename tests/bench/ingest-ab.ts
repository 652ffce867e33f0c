// Two servers side by side, for comparing a change's ingest cost on a noisy shared machine: side A is this
// checkout, side B the checkout in AB_DIR (built, with its own node_modules; default: this one again, which
// shows the harness's own spread) with AB_ENV_B's settings on top ("NAME=value NAME=value"). Each side gets its
// own database and its own load generator sending the same paced load (AB_RATE spans/s each, default 25,000)
// at the same time, so both see the same machine. Prints each side's CPU per acknowledged span: its server
// process and the PostgreSQL backends serving its database (background processes are shared and left out).
// Run: npm run bench:ingest-ab   (BENCH_SECONDS, default 60; AB_DIR=/path/to/other/checkout)
import pg from 'pg';
import { createProject } from '../../lib/projects/create-project';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { benchDatabase } from './bench-db';
import { type IngestClientResult, runIngestClient } from './ingest-client-run';
import { cpuSnapshot, machineSnapshot, processesWhere } from './process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const RATE = Number(process.env.AB_RATE ?? 25_000);
const OTHER_DIR = process.env.AB_DIR ?? process.cwd();
const ENV_B = Object.fromEntries(
  (process.env.AB_ENV_B ?? '')
    .split(' ')
    .filter(Boolean)
    .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
);

/** PostgreSQL backends connected to `database` (their command line names it). */
const backendsOf = (database: string) => processesWhere('cmdline', (line) => line.includes(` ${database} `));

/** The load generator at AB_RATE spans/s for one side. */
function runClient(url: string, key: string, seconds: number): Promise<IngestClientResult> {
  return runIngestClient({
    BENCH_URL: url,
    BENCH_KEY: key,
    BENCH_SECONDS: String(seconds),
    BENCH_RATE: String(RATE),
    BENCH_CONCURRENCY: '16',
  });
}

interface Side {
  label: string;
  db: Awaited<ReturnType<typeof benchDatabase>>;
  app: AppProcess;
  key: string;
}

async function side(label: string, cwd: string, env: Record<string, string>): Promise<Side> {
  const db = await benchDatabase('ingestab');
  try {
    // The server migrates its own database (B's migrations may differ from A's).
    const app = await startAppProcess({
      databaseUrl: db.url,
      cwd,
      env: {
        TAILWATCH_WORKERS: 'off',
        TAILWATCH_INGEST_RATE_PER_KEY: '1000000',
        TAILWATCH_INGEST_BURST_PER_KEY: '1000000',
        ...env,
      },
    });
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    const project = await createProject({ name: `bench ${label}` }, pool);
    await pool.end();
    return { label, db, app, key: project.ingestKey };
  } catch (err) {
    await db.drop(); // a side that never started is not in `sides`, so nothing else would drop it
    throw err;
  }
}

async function main() {
  const sides: Side[] = [];
  try {
    sides.push(await side('A', process.cwd(), {}));
    sides.push(await side('B', OTHER_DIR, ENV_B));
    await Promise.all(sides.map((s) => runClient(s.app.url, s.key, 3))); // warm-up (JIT, partitions)
    const server = sides.map((s) => cpuSnapshot(() => (s.app.child.pid ? [s.app.child.pid] : [])));
    const postgres = sides.map((s) => cpuSnapshot(() => backendsOf(s.db.name)));
    const machineCpu = machineSnapshot();
    const results = await Promise.all(sides.map((s) => runClient(s.app.url, s.key, SECONDS)));
    const machine = machineCpu.since();
    const cpu = sides.map((_, i) => ({
      server: server[i].since() ?? Number.NaN,
      postgres: postgres[i].since() ?? Number.NaN,
    }));
    console.log(
      `each side: ${RATE.toLocaleString('en-US')} spans/s offered for ${SECONDS} s` +
        `${process.env.BENCH_GZIP === '1' ? ', requests gzipped' : ''}; B = ${OTHER_DIR} ${process.env.AB_ENV_B ?? ''}`,
    );
    const us = (seconds: number, acked: number) => (seconds / acked) * 1e6;
    for (const [i, s] of sides.entries()) {
      const r = results[i];
      console.log(
        `${s.label}: ${Math.round(r.acked / r.elapsed).toLocaleString('en-US')} acked spans/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ` +
          `statuses ${JSON.stringify(r.statuses)}; CPU per span: server ${us(cpu[i].server, r.acked).toFixed(2)} us, ` +
          `PostgreSQL backends ${us(cpu[i].postgres, r.acked).toFixed(2)} us`,
      );
    }
    const per = (i: number) => us(cpu[i].server + cpu[i].postgres, results[i].acked);
    console.log(`B/A CPU per span (server + backends): ${(per(1) / per(0)).toFixed(3)}`);
    if (machine)
      console.log(`machine: ${(machine.steal * 100).toFixed(1)}% steal, ${(machine.idle * 100).toFixed(1)}% idle`);
  } finally {
    for (const s of sides) {
      await s.app.stop();
      await s.db.drop();
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
