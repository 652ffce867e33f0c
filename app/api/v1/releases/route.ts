import { listReleases } from '@/lib/analytics/list-releases';
import { rangeOf } from '@/lib/analytics/range-json';
import { readFiltersSchema, toReadFilters } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/releases?project=&service=&environment=&route=&from=&to=
// -> { from, to, releases: [{ service, release, firstSeen, lastSeen, count, errorCount, p50, p95, p99, min, max, mean }] }
// Releases with requests in the range, newest first seen first. Figures cover the range; firstSeen and
// lastSeen (ISO-8601, minute precision while the minute tier holds them) cover the whole retention.
export const GET = route(async (request) => {
  const filters = toReadFilters(parseQuery(readFiltersSchema, request));
  await authorizeProject(request, filters.projectId);
  const releases = await listReleases(db(), filters);
  return jsonWithEtag(request, { ...rangeOf(filters), releases }, 10);
});
