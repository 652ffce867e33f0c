import { preload } from 'react-dom';
import { QUEUE_METRIC, type ReadScope, readUrls } from './read-urls';
import { parseView, resolveRange, stepFor } from './time-range';

// Server side of the first paint: the read-API requests a page will make first are announced as
// <link rel=preload as=fetch> in the HTML, so the browser fetches them while the JavaScript loads instead
// of after hydration. The URLs are the hooks' own (same view parsing, same minute-rounded range); when the
// client renders in the next minute the preload simply goes unused.

type SearchParams = Record<string, string | string[] | undefined>;

export function viewScope(searchParams: SearchParams, nowMs = Date.now()): ReadScope {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(searchParams)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (first !== undefined) params.set(k, first);
  }
  const view = parseView(params);
  return {
    ...resolveRange(view, nowMs),
    environment: view.environment || undefined,
    release: view.release || undefined,
  };
}

function preloadAll(urls: string[]): void {
  // as=fetch with crossOrigin=anonymous matches fetch(url, { credentials: 'same-origin' }) on this origin.
  for (const url of urls) preload(url, { as: 'fetch', crossOrigin: 'anonymous' });
}

export function preloadOverview(projectId: number, searchParams: SearchParams): void {
  const scope = viewScope(searchParams);
  const releasesScope = { fromMs: scope.fromMs, toMs: scope.toMs, environment: scope.environment };
  preloadAll([
    readUrls.stats(projectId, scope),
    readUrls.services(projectId, scope),
    readUrls.releases(projectId, releasesScope),
    readUrls.metricSeries(projectId, scope, QUEUE_METRIC, stepFor(scope, 30)),
  ]);
}

export function preloadService(
  projectId: number,
  service: string,
  searchParams: SearchParams,
  route?: { route: string; method: string },
): void {
  const base = viewScope(searchParams);
  const scope: ReadScope = route
    ? { ...base, service, route: route.route, method: route.method || undefined }
    : { ...base, service };
  const step = stepFor(scope);
  const urls = [
    readUrls.stats(projectId, scope),
    readUrls.series(projectId, scope, step),
    readUrls.heatmap(projectId, scope, step),
    readUrls.releases(projectId, { fromMs: scope.fromMs, toMs: scope.toMs, service, environment: scope.environment }),
  ];
  if (route) urls.push(readUrls.exemplars(projectId, scope));
  else urls.push(readUrls.routes(projectId, scope), readUrls.metricSeries(projectId, scope, QUEUE_METRIC, step));
  preloadAll(urls);
}
