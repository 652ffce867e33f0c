import { z } from 'zod';
import { ApiError } from '../http/api';
import { db } from '../db/pool';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export const userInputSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'Enter a valid e-mail address' })),
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters`),
});
export type UserInput = z.input<typeof userInputSchema>;

export interface CreatedUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

/** Creates a user; 409 when the e-mail is taken. E-mails are stored lower-case. */
export async function createUser(input: UserInput, opts: { isAdmin: boolean }): Promise<CreatedUser> {
  const { email, password } = userInputSchema.parse(input);
  const hash = await hashPassword(password);
  const { rows } = await db().query<{ id: string }>(
    `INSERT INTO users (id, email, password_hash, is_admin) VALUES (gen_random_uuid(), $1, $2, $3)
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [email, hash, opts.isAdmin],
  );
  if (!rows[0]) throw new ApiError(409, 'email_taken', 'A user with this e-mail already exists', { email: 'Already taken' });
  return { id: rows[0].id, email, isAdmin: opts.isAdmin };
}

/**
 * Creates the first admin from the setup page. Serialised by an advisory lock and refused once any user
 * exists, so two browsers racing through setup cannot both become admin.
 */
export async function createFirstAdmin(input: UserInput): Promise<CreatedUser> {
  const client = await db().connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(72707370)');
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    if (rows[0].n > 0) throw new ApiError(409, 'setup_done', 'Setup is already complete: sign in instead');
    const { email, password } = userInputSchema.parse(input);
    const created = await client.query<{ id: string }>(
      `INSERT INTO users (id, email, password_hash, is_admin) VALUES (gen_random_uuid(), $1, $2, true) RETURNING id`,
      [email, await hashPassword(password)],
    );
    await client.query('COMMIT');
    return { id: created.rows[0].id, email, isAdmin: true };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** True until the first user exists: pages then send the browser to /setup. */
export async function needsSetup(): Promise<boolean> {
  const { rows } = await db().query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM users) AS any');
  return !rows[0].any;
}

export async function findUserByEmail(email: string): Promise<{ id: string; passwordHash: string; isAdmin: boolean } | null> {
  const { rows } = await db().query<{ id: string; password_hash: string; is_admin: boolean }>(
    'SELECT id, password_hash, is_admin FROM users WHERE email = $1',
    [email.trim().toLowerCase()],
  );
  return rows[0] ? { id: rows[0].id, passwordHash: rows[0].password_hash, isAdmin: rows[0].is_admin } : null;
}
