import { feedbackRoutes } from '../feedback/http/feedback-routes';
import type { FastRoute } from '../http/fast-route';
import { ingestRoutes } from '../ingest/http/ingest-routes';
import { probeRoutes } from './probes';

// Every fast-path route, in one list: ingest (OTLP), the feedback endpoint and the probes.
export function fastRoutes(): FastRoute[] {
  return [...probeRoutes, ...ingestRoutes(), ...feedbackRoutes()];
}
