import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { listFeedbackFacets } from '@/lib/feedback/queries/list-feedback-facets';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/feedback/facets?project=&from=&to=: releases and routes with answers, for filters.
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  await authorizeProject(request, projectId);
  return jsonWithEtag(request, await listFeedbackFacets(db(), projectId, filter), 0);
});
