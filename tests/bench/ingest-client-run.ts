import { spawn } from 'node:child_process';

// Runs the ingest load generator (ingest-client.ts) as its own process and returns the JSON line it prints.

export interface IngestClientResult {
  acked: number;
  elapsed: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  cpu: number; // the client's own CPU seconds
}

/** `env`: BENCH_URL, BENCH_KEY, BENCH_SECONDS and the client's other settings (see ingest-client.ts). */
export function runIngestClient(env: Record<string, string>): Promise<IngestClientResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/ingest-client.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '')) : reject(new Error(`client exited ${code}`)),
    );
  });
}
