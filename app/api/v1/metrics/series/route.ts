import { z } from 'zod';
import { getMetricSeries } from '@/lib/analytics/get-metric-series';
import { readFilterShape, toReadFilters, toStepMs } from '@/lib/analytics/read-params';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/metrics/series?project=&name=&service=&environment=&from=&to=&step=<seconds>
// -> { name, from, to, step, series: [{ seriesKey, service, environment, attributes, unit,
//      latest: { t, value } | null, points: [{ t, value, min, max }] }] }
// Gauges and sums (e.g. name=queue.depth): per step the last value and the min/max; steps without a
// point are absent.
const schema = z.object({
  project: readFilterShape.project,
  name: z.string().trim().min(1, 'required: a metric name').max(256, 'at most 256 characters'),
  service: readFilterShape.service,
  environment: readFilterShape.environment,
  from: readFilterShape.from,
  to: readFilterShape.to,
  step: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int('must be whole seconds')
    .min(60, 'at least 60 seconds')
    .optional(),
});

export const GET = route(async (request) => {
  const q = parseQuery(schema, request);
  const filters = toReadFilters(q);
  const stepMs = toStepMs(q.step, filters);
  await authorizeProject(request, filters.projectId);
  const series = await getMetricSeries(db(), { ...filters, name: q.name, stepMs });
  return jsonWithEtag(
    request,
    {
      name: q.name,
      from: new Date(filters.fromMs).toISOString(),
      to: new Date(filters.toMs).toISOString(),
      step: stepMs / 1000,
      series,
    },
    10,
  );
});
