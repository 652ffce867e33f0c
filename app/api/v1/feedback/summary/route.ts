import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { feedbackSummary } from '@/lib/feedback/reports/feedback-summary';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/feedback/summary?project=&release=&route=&service=&from=&to=: perceived performance per release and
// route (service: answers whose linked trace entered through that service).
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  await authorizeProject(request, projectId);
  return jsonWithEtag(request, await feedbackSummary(db(), projectId, filter), 0);
});
