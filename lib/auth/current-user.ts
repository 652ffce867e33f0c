import { cookies } from 'next/headers';
import { SESSION_COOKIE, type SessionUser, sessionUser } from './sessions';

// For server components and layouts: the signed-in user of the current request, or null.
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  return sessionUser(jar.get(SESSION_COOKIE)?.value);
}
