import { db } from '../db/pool';
import { log } from '../log';
import type { Worker } from '../server/workers';
import { sweepPending } from './flush';

/** Pending rollups older than this are flushed by whichever instance sweeps first. */
export const SWEEP_MIN_AGE_SECONDS = 30;

/** Every 10 s: rolls up pending rows whose writer stopped (a crashed instance on another host). */
export const rollupSweepWorker: Worker = {
  name: 'rollup-sweep',
  intervalMs: 10_000,
  async run() {
    const n = await sweepPending(db(), SWEEP_MIN_AGE_SECONDS);
    if (n > 0) log.warn({ rows: n }, 'rolled up pending rollups left by another writer');
  },
};
