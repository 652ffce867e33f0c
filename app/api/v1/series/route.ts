import { getSeries } from '@/lib/analytics/get-series';
import { seriesParamsSchema, toReadFilters, toStepMs } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/series?project=&service=&route=&release=&environment=&method=&from=&to=&step=<seconds>
// -> { from, to, step, points: [{ t, count, errorCount, p50, p95, p99, min, max, mean }] }
// step: whole minutes (default ~120 points: 60, 300, 900, 3600 ... s); t = start of the step (ISO-8601),
// every step present (count 0 and nulls when empty); the range widens to whole steps.
export const GET = route(async (request) => {
  const q = parseQuery(seriesParamsSchema, request);
  const filters = toReadFilters(q);
  const stepMs = toStepMs(q.step, filters);
  await authorizeProject(request, filters.projectId);
  const series = await getSeries(db(), filters, stepMs);
  return jsonWithEtag(
    request,
    {
      from: new Date(series.fromMs).toISOString(),
      to: new Date(series.toMs).toISOString(),
      step: stepMs / 1000,
      points: series.points,
    },
    10,
  );
});
