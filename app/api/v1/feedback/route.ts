import { z } from 'zod';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { feedbackFilterSchema } from '@/lib/feedback/feedback-filter';
import { listFeedback } from '@/lib/feedback/queries/list-feedback';
import { jsonWithEtag, parseQuery, route } from '@/lib/http/api';

const pageSchema = z.object({
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  comments: z.enum(['1', 'true']).optional(),
});

// GET /api/v1/feedback?project=&release=&route=&service=&from=&to=&comments=1&before=&limit=: answers, newest first,
// with comments and the linked trace. (POST on this path is the widget's endpoint, on the fast path.)
export const GET = route(async (request) => {
  const { projectId, filter } = parseQuery(feedbackFilterSchema, request);
  const page = parseQuery(pageSchema, request);
  await authorizeProject(request, projectId);
  const result = await listFeedback(db(), projectId, filter, {
    before: page.before,
    limit: page.limit,
    withComment: page.comments !== undefined,
  });
  return jsonWithEtag(request, result, 0);
});
