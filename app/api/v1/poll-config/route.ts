import { z } from 'zod';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { getPollSettings } from '@/lib/feedback/poll-config/get-poll-settings';
import { pollSettingsSchema } from '@/lib/feedback/poll-config/poll-settings';
import { savePollSettings } from '@/lib/feedback/poll-config/save-poll-settings';
import { getWidgetEmbed } from '@/lib/feedback/queries/get-widget-embed';
import { notFound, parseJson, parseQuery, route } from '@/lib/http/api';

const projectSchema = z.object({ project: z.coerce.number().int().positive() });

// GET /api/v1/poll-config?project=: the project's feedback poll settings (defaults when never saved), with
// what the embed snippet needs (public keys, allowed origins).
export const GET = route(async (request) => {
  const { project } = parseQuery(projectSchema, request);
  await authorizeProject(request, project);
  const [stored, embed] = await Promise.all([getPollSettings(project), getWidgetEmbed(db(), project)]);
  if (!embed) throw notFound('No such project');
  return Response.json({ ...stored, ...embed }, { headers: { 'cache-control': 'no-store' } });
});

// PUT /api/v1/poll-config { project, settings }: replaces them; the widget sees them within minutes (cache).
export const PUT = route(async (request) => {
  const input = await parseJson(z.object({ project: z.number().int().positive(), settings: z.unknown() }), request);
  await authorizeProject(request, input.project);
  const settings = z.object({ settings: pollSettingsSchema }).parse(input).settings;
  return Response.json(await savePollSettings(input.project, settings), { headers: { 'cache-control': 'no-store' } });
});
