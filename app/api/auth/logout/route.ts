import { clearedSessionCookie, deleteSession, isHttps, readCookie, SESSION_COOKIE } from '@/lib/auth/sessions';
import { route } from '@/lib/http/api';

// POST /api/auth/logout -> 204; ends the session and clears the cookie.
export const POST = route(async (request) => {
  await deleteSession(readCookie(request.headers.get('cookie'), SESSION_COOKIE));
  return new Response(null, {
    status: 204,
    headers: { 'set-cookie': clearedSessionCookie(isHttps(request)), 'cache-control': 'no-store' },
  });
});
