import { z } from 'zod';
import { ApiError } from '../../http/api';

const projectId = z.coerce.number().int().positive();

/**
 * The project a management request is about: `?project=<id>`, or `project` in the JSON body. Routes
 * pass it to authorizeProject(), which decides whether the caller may act on it.
 */
export function projectIdOf(request: Request, body?: unknown): number {
  const fromQuery = new URL(request.url).searchParams.get('project');
  const fromBody = typeof body === 'object' && body !== null ? (body as { project?: unknown }).project : undefined;
  const parsed = projectId.safeParse(fromQuery ?? fromBody);
  if (!parsed.success) {
    throw new ApiError(400, 'missing_project', 'Pass the project id as ?project=<id> or "project" in the body.', {
      project: 'required: a positive integer',
    });
  }
  return parsed.data;
}
