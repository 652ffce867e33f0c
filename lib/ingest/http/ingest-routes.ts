import type { FastRoute } from '../../http/fast-route';
import { ingestHandler } from './ingest-handler';

/** OTLP/HTTP receivers on the fast path (other methods on these paths fall through to Next's 404/405). */
export function ingestRoutes(): FastRoute[] {
  return [
    { path: '/v1/traces', name: 'otlp_traces', methods: ['POST'], handler: ingestHandler('traces') },
    { path: '/v1/metrics', name: 'otlp_metrics', methods: ['POST'], handler: ingestHandler('metrics') },
  ];
}
