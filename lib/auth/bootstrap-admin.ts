// Placeholder replaced by the auth work: creates the admin from TAILWATCH_ADMIN_EMAIL/PASSWORD at start.
export async function ensureAdminFromEnv(): Promise<void> {}
