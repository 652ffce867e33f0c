import { z } from 'zod';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { feltSlowerReport } from '@/lib/feedback/reports/felt-slower-report';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

const releasesSchema = z.object({
  base: z.string().max(100).optional(),
  target: z.string().max(100).optional(),
});

// GET /api/v1/feedback/felt-slower?project=&from=&to=&base=&target=: routes whose perceived score dropped
// most between two releases (default: the newest and the one before), flagged when beyond noise.
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  const pick = parseQuery(releasesSchema, request);
  await authorizeProject(request, projectId);
  return jsonWithEtag(request, await feltSlowerReport(db(), projectId, filter, pick), 0);
});
