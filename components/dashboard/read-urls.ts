import { projectUrl } from '@/components/alerts/api-client';

// Read-API URLs of the dashboard queries, in one module that both the client hooks and the server shims
// use: the server preloads the first queries with the exact URLs the hooks will fetch.

/** The filters every read endpoint takes; '' / undefined = not filtered. */
export interface ReadScope {
  fromMs: number;
  toMs: number;
  service?: string;
  route?: string;
  method?: string;
  release?: string;
  environment?: string;
}

export function scopeParams(s: ReadScope): Record<string, string | undefined> {
  return {
    from: new Date(s.fromMs).toISOString(),
    to: new Date(s.toMs).toISOString(),
    service: s.service || undefined,
    route: s.route || undefined,
    method: s.method || undefined,
    release: s.release || undefined,
    environment: s.environment || undefined,
  };
}

export const readUrls = {
  stats: (p: number, s: ReadScope) => projectUrl('/api/v1/stats', p, scopeParams(s)),
  series: (p: number, s: ReadScope, step: number) =>
    projectUrl('/api/v1/series', p, { ...scopeParams(s), step: String(step) }),
  services: (p: number, s: ReadScope) => projectUrl('/api/v1/services', p, scopeParams(s)),
  routes: (p: number, s: ReadScope) => projectUrl('/api/v1/routes', p, scopeParams(s)),
  releases: (p: number, s: ReadScope) => projectUrl('/api/v1/releases', p, scopeParams(s)),
  heatmap: (p: number, s: ReadScope, step: number) =>
    projectUrl('/api/v1/heatmap', p, { ...scopeParams(s), step: String(step) }),
  metricSeries: (p: number, s: ReadScope, name: string, step: number) =>
    projectUrl('/api/v1/metrics/series', p, {
      from: new Date(s.fromMs).toISOString(),
      to: new Date(s.toMs).toISOString(),
      service: s.service || undefined,
      environment: s.environment || undefined,
      name,
      step: String(step),
    }),
  exemplars: (p: number, s: ReadScope) => projectUrl('/api/v1/exemplars', p, { ...scopeParams(s), limit: '10' }),
};

/** The gauge the queue-depth charts read. */
export const QUEUE_METRIC = 'queue.depth';
