import { z } from 'zod';
import { projectIdOf } from '@/lib/alerts/http/project-param';
import { ruleInputSchema } from '@/lib/alerts/rule-schema';
import { deleteRule } from '@/lib/alerts/rules/delete-rule';
import { getRule } from '@/lib/alerts/rules/get-rule';
import { listRuleStates } from '@/lib/alerts/rules/list-rule-states';
import { updateRule } from '@/lib/alerts/rules/save-rule';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { notFound, parseJson, route } from '@/lib/http/api';
import { externalUrlFromConfig } from '@/lib/webhooks/outbox-external-url';

type Ctx = { params: Promise<{ ruleId: string }> };

// GET /api/v1/alert-rules/:id?project=1: the rule and the state of each of its series.
export const GET = route<Ctx>(async (request, { params }) => {
  const { ruleId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  const rule = await getRule(db(), projectId, ruleId);
  if (!rule) throw notFound('No such alert rule');
  const states = await listRuleStates(db(), projectId, ruleId);
  return Response.json({ rule, states }, { headers: { 'cache-control': 'no-store' } });
});

// PUT /api/v1/alert-rules/:id?project=1: replaces the rule's definition (states are kept).
export const PUT = route<Ctx>(async (request, { params }) => {
  const { ruleId } = await params;
  const body = await parseJson(z.unknown(), request);
  const projectId = projectIdOf(request, body);
  const input = ruleInputSchema.parse(body);
  await authorizeProject(request, projectId);
  const rule = await updateRule(db(), projectId, ruleId, input);
  if (!rule) throw notFound('No such alert rule');
  return Response.json({ rule });
});

// DELETE /api/v1/alert-rules/:id?project=1: resolves its open alerts, then deletes it.
export const DELETE = route<Ctx>(async (request, { params }) => {
  const { ruleId } = await params;
  const projectId = projectIdOf(request);
  await authorizeProject(request, projectId);
  if (!(await deleteRule(db(), projectId, ruleId, { externalUrl: externalUrlFromConfig() }))) {
    throw notFound('No such alert rule');
  }
  return new Response(null, { status: 204 });
});
