import { listServices } from '@/lib/analytics/list-services';
import { rangeOf } from '@/lib/analytics/range-json';
import { readFiltersSchema, toReadFilters } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/services?project=&environment=&release=&from=&to=
// -> { from, to, services: [{ service, count, errorCount, p50, p95, p99, min, max, mean }] }
// Services with requests in the range, busiest first (ms; see /api/v1/stats for the fields).
export const GET = route(async (request) => {
  const filters = toReadFilters(parseQuery(readFiltersSchema, request));
  await authorizeProject(request, filters.projectId);
  const services = await listServices(db(), filters);
  return jsonWithEtag(request, { ...rangeOf(filters), services }, 10);
});
