import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { feedbackScatter } from '@/lib/feedback/reports/feedback-scatter';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/feedback/scatter?project=&release=&route=&service=&from=&to=: latency vs rating, one point per answer.
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  await authorizeProject(request, projectId);
  return jsonWithEtag(request, await feedbackScatter(db(), projectId, filter), 0);
});
