import { db } from '../db/pool';
import type { Worker } from '../server/workers';
import { runDelivery } from './outbox-dispatcher';
import { pruneOutbox } from './outbox-retention';

const PRUNE_EVERY_MS = 3600_000;
let lastPrunedAt = 0;

/** Delivers the webhook outbox; each tick runs until nothing is due (see runDelivery). */
export const webhookDeliveryWorker: Worker = {
  name: 'webhook-delivery',
  intervalMs: 1_000,
  async run(signal) {
    await runDelivery({ pool: db(), signal });
    if (Date.now() - lastPrunedAt >= PRUNE_EVERY_MS) {
      lastPrunedAt = Date.now();
      await pruneOutbox(db());
    }
  },
};
