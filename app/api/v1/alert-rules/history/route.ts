import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { listAlertHistory } from '@/lib/alerts/rules/list-rule-history';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseQuery, route } from '@/lib/http/api';

const query = z.object({
  project: z.string(),
  rule: z.uuid().optional(),
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

// GET /api/v1/alert-rules/history?project=1[&rule=<id>][&before=<iso>]: state changes, newest first.
export const GET = route(async (request) => {
  const projectId = projectIdOf(request);
  const { rule, before, limit } = parseQuery(query, request);
  await authorizeProject(request, projectId);
  const events = await listAlertHistory(db(), projectId, {
    ruleId: rule ?? null,
    before: before ? new Date(before) : null,
    limit,
  });
  return Response.json({ events }, { headers: { 'cache-control': 'no-store' } });
});
