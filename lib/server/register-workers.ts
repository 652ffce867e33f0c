import { alertEvaluatorWorker } from '../alerts/evaluator-worker';
import { feedbackTraceWorker } from '../feedback/trace-resolver';
import { traceIndexWorker } from '../ingest/trace-index';
import { retentionWorker } from '../retention/retention-worker';
import { rollupSweepWorker } from '../rollups/sweep-worker';
import { webhookDeliveryWorker } from '../webhooks/outbox-worker';
import { registerWorker } from './workers';

// Every background worker of the app, registered in one place (pending-rollup sweep, retention, alerts,
// webhook delivery, trace index summaries, settling poll answers' traces). Each worker module exports a
// Worker and is added here.
export function registerAllWorkers(): void {
  registerWorker(alertEvaluatorWorker);
  registerWorker(webhookDeliveryWorker);
  registerWorker(retentionWorker);
  registerWorker(rollupSweepWorker);
  registerWorker(traceIndexWorker);
  registerWorker(feedbackTraceWorker);
}
