import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { adoptApdexSchema, adoptApdexThreshold } from '@/lib/feedback/reports/adopt-apdex';
import { parseJson, route } from '@/lib/http/api';

// POST /api/v1/feedback/apdex/adopt { project, route, service?, thresholdMs }: stores the route's Apdex threshold.
export const POST = route(async (request) => {
  const input = await parseJson(adoptApdexSchema, request);
  await authorizeProject(request, input.project);
  return Response.json(
    { adopted: await adoptApdexThreshold(db(), input) },
    { headers: { 'cache-control': 'no-store' } },
  );
});
