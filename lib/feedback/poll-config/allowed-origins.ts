import { z } from 'zod';
import type { Queryable } from '../../webhooks/outbox-db';

// The sites allowed to embed the widget and send answers (projects.allowed_origins): CORS grants go to
// exactly these origins, so each entry must be a bare origin, as browsers send it in the Origin header.

const origin = z
  .string()
  .trim()
  .max(300)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !value.endsWith('?');
        return (url.protocol === 'https:' || url.protocol === 'http:') && bare;
      } catch {
        return false;
      }
    },
    { error: 'an origin: scheme and host (and port), no path, e.g. https://shop.example.com' },
  )
  .transform((value) => new URL(value).origin);

export const allowedOriginsSchema = z
  .array(origin)
  .max(50, { error: 'at most 50 origins' })
  .transform((list) => [...new Set(list)]);

/** Replaces the project's allowed origins; returns them, or null for no such project. */
export async function saveAllowedOrigins(
  db: Queryable,
  projectId: number,
  origins: string[],
): Promise<string[] | null> {
  const result = await db.query<{ allowed_origins: string[] }>(
    'UPDATE projects SET allowed_origins = $2 WHERE id = $1 RETURNING allowed_origins',
    [projectId, origins],
  );
  return result.rows[0]?.allowed_origins ?? null;
}
