import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { isMember } from './request-auth';
import { SESSION_COOKIE, type SessionUser, sessionUser } from './sessions';

// For server components and layouts: the signed-in user of the current request, or null.
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return sessionUser(jar.get(SESSION_COOKIE)?.value);
}

/**
 * For pages that read a project's data on the server: the signed-in member, else the 404 page. Layouts are not
 * re-run on every client navigation, so a page must not rely on the project layout's check alone.
 */
export async function requireProjectMember(projectId: number): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || !Number.isSafeInteger(projectId) || projectId <= 0 || !(await isMember(user.userId, projectId)))
    notFound();
  return user;
}
