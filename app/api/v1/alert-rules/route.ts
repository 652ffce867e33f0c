import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { ruleInputSchema } from '@/lib/alerts/rule-schema';
import { listRules } from '@/lib/alerts/rules/list-rules';
import { createRule } from '@/lib/alerts/rules/save-rule';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';

// GET /api/v1/alert-rules?project=1: the project's rules with their current state.
export const GET = route(async (request) => {
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  return Response.json({ rules: await listRules(db(), projectId) }, { headers: { 'cache-control': 'no-store' } });
});

// POST /api/v1/alert-rules?project=1 (or "project" in the body): creates a rule.
export const POST = route(async (request) => {
  const body = await parseJson(z.unknown(), request);
  const projectId = projectIdOf(request, body);
  const input = ruleInputSchema.parse(body);
  await authorizeProject(request, projectId);
  return Response.json({ rule: await createRule(db(), projectId, input) }, { status: 201 });
});
