import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { apdexReport } from '@/lib/feedback/reports/apdex-report';
import { jsonWithEtag, notFound, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/feedback/apdex?project=&release=&service=&from=&to=: feedback-calibrated Apdex T per route with its
// bootstrap CI, beside the project default and the thresholds adopted so far.
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  await authorizeProject(request, projectId);
  const report = await apdexReport(db(), projectId, filter);
  if (!report) throw notFound('No such project');
  return jsonWithEtag(request, report, 0);
});
