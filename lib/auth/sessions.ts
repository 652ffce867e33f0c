import { createHash, randomBytes } from 'node:crypto';
import { config } from '../config';
import { db } from '../db/pool';

// Browser sessions: a random 32-byte token in an httpOnly SameSite=Lax cookie; only sha256(token) is stored,
// so a database leak does not hand out live sessions. Sessions expire after TAILWATCH_SESSION_DAYS.

export const SESSION_COOKIE = 'tw_session';

export interface SessionUser {
  userId: string;
  email: string;
  isAdmin: boolean;
  sessionId: string;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session for the user; returns the cookie value (shown to nobody but the browser). */
export async function createSession(userId: string, userAgent = ''): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + config().TAILWATCH_SESSION_DAYS * 86_400_000);
  // Expired sessions are useless; each sign-in sweeps the user's own, so the table does not grow forever.
  await db().query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= now()', [userId]);
  await db().query(
    `INSERT INTO sessions (id, token_hash, user_id, expires_at, user_agent) VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
    [hashToken(token), userId, expiresAt, userAgent.slice(0, 300)],
  );
  return { token, expiresAt };
}

/** The live session's user, or null for unknown or expired tokens. */
export async function sessionUser(token: string | null | undefined): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const { rows } = await db().query<{
    session_id: string;
    user_id: string;
    email: string;
    is_admin: boolean;
    stale: boolean;
  }>(
    `SELECT s.id AS session_id, u.id AS user_id, u.email, u.is_admin, s.last_seen_at < now() - interval '5 minutes' AS stale
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hashToken(token)],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) {
    db()
      .query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [row.session_id])
      .catch(() => {}); // bookkeeping only
  }
  return { userId: row.user_id, email: row.email, isAdmin: row.is_admin, sessionId: row.session_id };
}

/** Ends the session with this token (logout); unknown tokens are ignored. */
export async function deleteSession(token: string | null | undefined): Promise<void> {
  if (!token) return;
  await db().query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** Set-Cookie value for a new session; Secure when the app is served over https. */
export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Set-Cookie value that removes the session cookie. */
export function clearedSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join(
    '; ',
  );
}

/** A cookie's value from a Cookie header. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/** True when the request reached us over https (directly or via a proxy that says so). */
export function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}
