import { z } from 'zod';
import { takeLoginAttempt } from '@/lib/auth/login-limiter';
import { burnPasswordCheck, verifyPassword } from '@/lib/auth/password';
import { createSession, isHttps, sessionCookie } from '@/lib/auth/sessions';
import { findUserByEmail } from '@/lib/auth/users';
import { ApiError, parseJson, route } from '@/lib/http/api';
import { requestClientIp } from '@/lib/http/client-ip-header';

// POST /api/auth/login {email, password} -> 204 + session cookie; 401 (one message for any wrong input), 429.
const schema = z.object({ email: z.string().max(254), password: z.string().max(1024) });

export const POST = route(async (request) => {
  const input = await parseJson(schema, request);
  takeLoginAttempt(requestClientIp(request), input.email);
  const user = await findUserByEmail(input.email);
  if (!user) await burnPasswordCheck(input.password); // same cost as a wrong password: no e-mail probing
  if (!user || !(await verifyPassword(input.password, user.passwordHash))) {
    throw new ApiError(401, 'invalid_credentials', 'Wrong e-mail or password');
  }
  const session = await createSession(user.id, request.headers.get('user-agent') ?? '');
  return new Response(null, {
    status: 204,
    headers: { 'set-cookie': sessionCookie(session.token, session.expiresAt, isHttps(request)), 'cache-control': 'no-store' },
  });
});
