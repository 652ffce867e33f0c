import { log } from '../log';
import { metrics } from '../metrics';

// Background workers run in-process on timers. Each run takes its own PostgreSQL advisory lock per unit
// of work, so several instances never double-process; this file only schedules and reports lag.
export interface Worker {
  name: string;
  intervalMs: number;
  run(signal: AbortSignal): Promise<void>;
}

const registered: Worker[] = [];

export function registerWorker(worker: Worker): void {
  if (!registered.some((w) => w.name === worker.name)) registered.push(worker);
}

export function startWorkers(): () => Promise<void> {
  const controller = new AbortController();
  const running = new Set<Promise<void>>();
  const timers: NodeJS.Timeout[] = [];
  for (const worker of registered) {
    let lastDone = Date.now();
    let busy = false;
    const tick = () => {
      metrics().workerLag.set({ worker: worker.name }, (Date.now() - lastDone) / 1000);
      if (busy || controller.signal.aborted) return;
      busy = true;
      const p = worker
        .run(controller.signal)
        .then(() => {
          lastDone = Date.now();
        })
        .catch((err) => log.error({ err, worker: worker.name }, 'worker run failed'))
        .finally(() => {
          busy = false;
          running.delete(p);
        });
      running.add(p);
    };
    timers.push(setInterval(tick, worker.intervalMs));
    setImmediate(tick);
  }
  return async () => {
    controller.abort();
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}
