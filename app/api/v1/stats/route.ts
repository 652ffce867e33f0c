import { getStats } from '@/lib/analytics/get-stats';
import { rangeOf } from '@/lib/analytics/range-json';
import { readFiltersSchema, toReadFilters } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/stats?project=&service=&route=&release=&environment=&method=&from=&to=
// -> { from, to, count, errorCount, p50, p95, p99, min, max, mean }
// Milliseconds; percentiles/min/max/mean null when count is 0. from/to: the minute-aligned range used
// (default: the last 24 h). Percentiles: nearest rank within 1% relative error.
export const GET = route(async (request) => {
  const filters = toReadFilters(parseQuery(readFiltersSchema, request));
  await authorizeProject(request, filters.projectId);
  const stats = await getStats(db(), filters);
  return jsonWithEtag(request, { ...rangeOf(filters), ...stats }, 10);
});
