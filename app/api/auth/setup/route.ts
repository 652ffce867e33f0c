import { createSession, isHttps, sessionCookie } from '@/lib/auth/sessions';
import { createFirstAdmin, userInputSchema } from '@/lib/auth/users';
import { parseJson, route } from '@/lib/http/api';

// POST /api/auth/setup {email, password} -> 201 + session cookie; 409 once any user exists.
export const POST = route(async (request) => {
  const input = await parseJson(userInputSchema, request);
  const admin = await createFirstAdmin(input);
  const session = await createSession(admin.id, request.headers.get('user-agent') ?? '');
  return Response.json(
    { email: admin.email },
    {
      status: 201,
      headers: { 'set-cookie': sessionCookie(session.token, session.expiresAt, isHttps(request)), 'cache-control': 'no-store' },
    },
  );
});
