import { config } from '../config';
import { log } from '../log';
import { ApiError } from '../http/api';
import { createUser, findUserByEmail } from './users';

/** Creates the admin named by TAILWATCH_ADMIN_EMAIL/PASSWORD at start when no user has that e-mail yet. */
export async function ensureAdminFromEnv(): Promise<void> {
  const { TAILWATCH_ADMIN_EMAIL: email, TAILWATCH_ADMIN_PASSWORD: password } = config();
  if (!email && !password) return;
  if (!email || !password) throw new Error('Set both TAILWATCH_ADMIN_EMAIL and TAILWATCH_ADMIN_PASSWORD, or neither');
  if (await findUserByEmail(email)) return;
  try {
    await createUser({ email, password }, { isAdmin: true });
    log.info({ email }, 'admin created from TAILWATCH_ADMIN_EMAIL');
  } catch (err) {
    if (err instanceof ApiError && err.code === 'email_taken') return; // another instance won the race
    throw err;
  }
}
