import { config } from '../config';
import { db } from '../db/pool';
import type { Worker } from '../server/workers';
import { externalUrlFromConfig } from '../webhooks/outbox-external-url';
import { evaluateAllRules } from './evaluator';
import { pruneAlertHistory } from './history-retention';

const PRUNE_EVERY_MS = 3600_000;
let lastPrunedAt = 0;

const intervalMs = () => config().TAILWATCH_ALERT_EVALUATION_SECONDS * 1000;

/**
 * Evaluates the alert rules every TAILWATCH_ALERT_EVALUATION_SECONDS (30 s) on one instance at a time
 * (advisory lock in evaluateAllRules).
 */
export const alertEvaluatorWorker: Worker = {
  name: 'alert-evaluator',
  get intervalMs() {
    return intervalMs();
  },
  async run(signal) {
    await evaluateAllRules({
      pool: db(),
      externalUrl: externalUrlFromConfig(),
      signal,
      // Most of a period, so timer jitter never skips a pass that is due while N instances still
      // evaluate once per period between them.
      minIntervalMs: intervalMs() * 0.8,
    });
    if (Date.now() - lastPrunedAt >= PRUNE_EVERY_MS) {
      lastPrunedAt = Date.now();
      await pruneAlertHistory(db());
    }
  },
};
