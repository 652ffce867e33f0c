import { getHeatmap } from '@/lib/analytics/get-heatmap';
import { seriesParamsSchema, toReadFilters, toStepMs } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/heatmap?project=&service=&route=&release=&environment=&method=&from=&to=&step=<seconds>
// -> { from, to, step, bounds: [upper bound ms | null (= above the last)], columns: [{ t, counts: [] }] }
// counts[i] = requests of the step whose latency is in (bounds[i-1], bounds[i]] (a 1-2-3-5-7.5 ms ladder,
// empty rows trimmed), from the merged sketches (bucket edges exact to 1%).
export const GET = route(async (request) => {
  const q = parseQuery(seriesParamsSchema, request);
  const filters = toReadFilters(q);
  const stepMs = toStepMs(q.step, filters);
  await authorizeProject(request, filters.projectId);
  const h = await getHeatmap(db(), filters, stepMs);
  return jsonWithEtag(
    request,
    {
      from: new Date(h.fromMs).toISOString(),
      to: new Date(h.toMs).toISOString(),
      step: h.stepMs / 1000,
      bounds: h.bounds,
      columns: h.columns,
    },
    10,
  );
});
