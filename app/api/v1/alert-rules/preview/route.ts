import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { previewRule } from '@/lib/alerts/preview';
import { ruleConditionSchema } from '@/lib/alerts/rule-schema';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';

// POST /api/v1/alert-rules/preview?project=1 with a rule's condition (saved or not): the evaluated
// series over the last 24 h and the intervals where the rule would have fired.
export const POST = route(async (request) => {
  const body = await parseJson(z.unknown(), request);
  const projectId = projectIdOf(request, body);
  const condition = ruleConditionSchema.parse(body);
  await authorizeProject(request, projectId);
  const preview = await previewRule({ db: db() }, projectId, condition, Date.now());
  return Response.json({ preview }, { headers: { 'cache-control': 'no-store' } });
});
