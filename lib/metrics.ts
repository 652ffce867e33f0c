import client from 'prom-client';

// Tailwatch's own Prometheus metrics (GET /metrics): default process metrics plus the app's.
const holder = globalThis as typeof globalThis & { __tailwatchMetrics?: ReturnType<typeof build> };

function build() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'tailwatch_' });
  return {
    registry,
    httpRequests: new client.Counter({
      name: 'tailwatch_http_requests_total',
      help: 'HTTP requests by route and status code',
      labelNames: ['route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'tailwatch_http_request_duration_seconds',
      help: 'HTTP request duration by route',
      labelNames: ['route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    ingestQueueDepth: new client.Gauge({
      name: 'tailwatch_ingest_queue_items',
      help: 'Items waiting in the ingest group-commit queue',
      registers: [registry],
    }),
    ingestItems: new client.Counter({
      name: 'tailwatch_ingest_items_total',
      help: 'Ingested items by signal and outcome (accepted, rejected, duplicate)',
      labelNames: ['signal', 'outcome'] as const,
      registers: [registry],
    }),
    ingestGroupItems: new client.Histogram({
      name: 'tailwatch_ingest_group_items',
      help: 'Items written per group commit (requests that joined one transaction)',
      buckets: [100, 500, 1000, 2500, 5000, 10000, 20000],
      registers: [registry],
    }),
    ingestCommitSeconds: new client.Histogram({
      name: 'tailwatch_ingest_commit_seconds',
      help: 'Duration of one group commit (COPY, pending rollups, COMMIT)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rollupFlushSeconds: new client.Histogram({
      name: 'tailwatch_rollup_flush_seconds',
      help: 'Duration of one rollup flush (pending rows of any number of groups into the rollup tables)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    rollupBacklog: new client.Gauge({
      name: 'tailwatch_rollup_backlog_groups',
      help: 'Committed groups whose rollups this process has not flushed yet (read-after-ack lag)',
      registers: [registry],
    }),
    rollupFlushFailures: new client.Counter({
      name: 'tailwatch_rollup_flush_failures_total',
      help: 'Rollup flushes that failed (retried; the pending rows stay in the database)',
      registers: [registry],
    }),
    dbPool: new client.Gauge({
      name: 'tailwatch_db_pool_connections',
      help: 'Database pool connections by state',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    workerLag: new client.Gauge({
      name: 'tailwatch_worker_lag_seconds',
      help: 'Seconds since each background worker last completed a run',
      labelNames: ['worker'] as const,
      registers: [registry],
    }),
  };
}

export function metrics() {
  holder.__tailwatchMetrics ??= build();
  return holder.__tailwatchMetrics;
}
