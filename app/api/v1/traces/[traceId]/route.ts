import { z } from 'zod';
import { getTrace } from '@/lib/analytics/get-trace';
import { authorizeProject } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { jsonWithEtag, notFound, parseQuery, route } from '@/lib/http/api';

// GET /api/v1/traces/{traceId}?project=
// -> { traceId, spans: [{ traceId, spanId, parentSpanId, name, kind, start, startMs, durationMs, statusCode,
//      statusMessage, service, release, environment, route, method, httpStatus, isRequest, isError,
//      attributes, resource, events }] }   (start order; 404 when no span of the trace is stored)
const paramsSchema = z.object({ traceId: z.string().regex(/^[0-9a-fA-F]{32}$/, 'must be 32 hex characters') });
const querySchema = z.object({
  project: z.coerce
    .number({ message: 'required: a positive integer' })
    .int('must be an integer')
    .positive('must be positive'),
});

export const GET = route(async (request, ctx: { params: Promise<{ traceId: string }> }) => {
  const { traceId } = paramsSchema.parse(await ctx.params);
  const { project } = parseQuery(querySchema, request);
  await authorizeProject(request, project);
  const spans = await getTrace(db(), project, traceId);
  if (spans.length === 0) throw notFound('Trace not found');
  // Spans of a trace can still arrive for a while: a short max-age, revalidated by ETag.
  return jsonWithEtag(request, { traceId: traceId.toLowerCase(), spans }, 5);
});
