import { ApiError, notFound } from '../http/api';
import { db } from '../db/pool';
import { bearerToken, verifyApiToken } from './keys';
import { readCookie, SESSION_COOKIE, type SessionUser, sessionUser } from './sessions';

// Who is calling a dashboard/management route: a browser session (cookie) or an API token of one project
// (`Authorization: Bearer tw_api_…`). Unknown projects, projects the user is not a member of and projects of
// another token all answer 404, so ids of other tenants cannot be probed.

export type Caller = { via: 'session'; user: SessionUser } | { via: 'token'; projectId: number; keyId: string };

/** The caller, or null without valid credentials. A bearer token, when present, wins over the cookie. */
export async function authenticate(request: Request): Promise<Caller | null> {
  const token = bearerToken(request.headers.get('authorization'));
  if (token) {
    const key = await verifyApiToken(token);
    return key ? { via: 'token', projectId: key.projectId, keyId: key.keyId } : null;
  }
  const user = await sessionUser(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
  return user ? { via: 'session', user } : null;
}

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Sign in or send a valid API token (Authorization: Bearer tw_api_…)', undefined, {
    'www-authenticate': 'Bearer',
  });

/** The signed-in user (session only: API tokens act for a project, not a person), else 401. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const caller = await authenticate(request);
  if (caller?.via !== 'session') throw unauthorized();
  return caller.user;
}

/** Whether the user belongs to the project. */
export async function isMember(userId: string, projectId: number): Promise<boolean> {
  const { rowCount } = await db().query('SELECT 1 FROM memberships WHERE user_id = $1 AND project_id = $2', [
    userId,
    projectId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Allows the call when the caller may act on the project: 401 without credentials, 404 otherwise. */
export async function authorizeProject(
  request: Request,
  projectId: number,
): Promise<{ via: 'session' | 'token'; userId?: string }> {
  const caller = await authenticate(request);
  if (!caller) throw unauthorized();
  if (!Number.isSafeInteger(projectId) || projectId <= 0) throw notFound('Project not found');
  if (caller.via === 'token') {
    if (caller.projectId !== projectId) throw notFound('Project not found');
    return { via: 'token' };
  }
  if (!(await isMember(caller.user.userId, projectId))) throw notFound('Project not found');
  return { via: 'session', userId: caller.user.userId };
}
