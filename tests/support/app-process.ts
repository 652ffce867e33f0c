import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

// Runs the real server (server.ts: Next + fast path + workers) as a child process against a test database.
export interface AppProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>; // SIGTERM and wait
  kill9(): Promise<void>; // SIGKILL and wait: a crash
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startAppProcess(opts: {
  databaseUrl: string;
  env?: Record<string, string>;
  port?: number;
  cwd?: string; // another checkout's server (bench:ingest-ab); default: this one
}): Promise<AppProcess> {
  const port = opts.port ?? (await freePort());
  let out = '';
  const nodeArgs = process.env.APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []; // e.g. --cpu-prof for benchmarks
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server.ts'], {
    cwd: opts.cwd ?? process.cwd(),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, port, child, output: () => out, stop: () => stopWith('SIGTERM'), kill9: () => stopWith('SIGKILL') };
}
