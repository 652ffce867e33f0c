import { z } from 'zod';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { allowedOriginsSchema, saveAllowedOrigins } from '@/lib/feedback/poll-config/allowed-origins';
import { notFound, parseJson, route } from '@/lib/http/api';

const bodySchema = z.object({ project: z.number().int().positive(), allowedOrigins: allowedOriginsSchema });

// PUT /api/v1/poll-config/allowed-origins { project, allowedOrigins: ["https://shop.example"] }: the sites whose
// pages may load the poll settings and send answers with the project's public key (applies within ~15 s).
export const PUT = route(async (request) => {
  const input = await parseJson(bodySchema, request);
  await authorizeProject(request, input.project);
  const allowedOrigins = await saveAllowedOrigins(db(), input.project, input.allowedOrigins);
  if (!allowedOrigins) throw notFound('No such project');
  return Response.json({ allowedOrigins }, { headers: { 'cache-control': 'no-store' } });
});
