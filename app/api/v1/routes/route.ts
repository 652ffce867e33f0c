import { listRoutes } from '@/lib/analytics/list-routes';
import { rangeOf } from '@/lib/analytics/range-json';
import { readFiltersSchema, toReadFilters } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/routes?project=&service=&environment=&release=&method=&from=&to=
// -> { from, to, routes: [{ service, route, method, count, errorCount, p50, p95, p99, min, max, mean, totalMs }] }
// One row per (service, route, method) with requests in the range, busiest first; totalMs = time spent.
export const GET = route(async (request) => {
  const filters = toReadFilters(parseQuery(readFiltersSchema, request));
  await authorizeProject(request, filters.projectId);
  const routes = await listRoutes(db(), filters);
  return jsonWithEtag(request, { ...rangeOf(filters), routes }, 10);
});
