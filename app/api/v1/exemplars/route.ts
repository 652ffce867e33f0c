import { z } from 'zod';
import { getExemplars } from '@/lib/analytics/get-exemplars';
import { rangeOf } from '@/lib/analytics/range-json';
import { readFilterShape, toReadFilters } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/exemplars?project=&service=&route=&release=&environment=&method=&from=&to=&limit=
// -> { from, to, slowest: [{ traceId, durationMs, at, service, route, method }], failed: [{ traceId, at, service,
//    route, method }] }
// The slowest requests (slowest first) and the most recent failed ones (newest first) in the range; `at`,
// service, route and method are those of the rollup row that kept the exemplar. limit: 1..100, default 10.
const schema = z.object({
  ...readFilterShape,
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'at least 1')
    .max(100, 'at most 100')
    .default(10),
});

export const GET = route(async (request) => {
  const q = parseQuery(schema, request);
  const filters = toReadFilters(q);
  await authorizeProject(request, filters.projectId);
  const exemplars = await getExemplars(db(), filters, q.limit);
  return jsonWithEtag(request, { ...rangeOf(filters), ...exemplars }, 10);
});
