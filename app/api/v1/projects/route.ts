import { requireUser } from '@/lib/auth/request-auth';
import { db } from '@/lib/db/pool';
import { parseJson, route } from '@/lib/http/api';
import { createProject, projectNameSchema } from '@/lib/projects/create-project';
import { listProjects } from '@/lib/projects/list-projects';

// GET /api/v1/projects -> { projects: [{id, name, role, createdAt}] } (the signed-in user's)
// POST /api/v1/projects {name} -> 201 {projectId, name, ingestKey, publicKey, apiToken} (secrets shown once)
export const GET = route(async (request) => {
  const user = await requireUser(request);
  const projects = await listProjects({ pool: db(), userId: user.userId }, { userId: user.userId });
  return Response.json({ projects }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = route(async (request) => {
  const user = await requireUser(request);
  const { name } = await parseJson(projectNameSchema, request);
  const created = await createProject({ name, ownerUserId: user.userId });
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});
