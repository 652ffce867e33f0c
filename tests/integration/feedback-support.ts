import type pg from 'pg';
import { createProject } from '../../lib/projects/create-project';

// Shared by the feedback-* suites: a project with allowed origins and a public widget key, and
// requests shaped like the widget's.

export const BROWSER_UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

export interface WidgetProject {
  projectId: number;
  publicKey: string;
}

/** A project with a public widget key, made by the same code as the CLI and UI (createProject). */
export async function createWidgetProject(
  pool: pg.Pool,
  allowedOrigins: string[],
  name = 'Shop',
  ownerUserId?: string,
): Promise<WidgetProject> {
  const project = await createProject({ name, allowedOrigins, ownerUserId }, pool);
  return { projectId: project.projectId, publicKey: project.publicKey };
}

/** A valid widget body (widget/src/contract.ts) for `key`, with overrides. */
export function answer(key: string, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    key,
    rating: 4,
    scale: 5,
    trigger: 'manual',
    path: '/checkout',
    timings: { ttfb: 80, lcp: 900, inp: 120 },
    release: '1.4.2',
    route: '/checkout',
    ...patch,
  };
}

export interface PostOptions {
  origin?: string | null;
  ip?: string;
  userAgent?: string;
  contentType?: string;
  body?: string;
}

/** POSTs like the widget does (text/plain, a browser UA); `ip` goes in X-Forwarded-For. */
export function postFeedback(baseUrl: string, body: unknown, opts: PostOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    'content-type': opts.contentType ?? 'text/plain;charset=UTF-8',
    'user-agent': opts.userAgent ?? BROWSER_UA,
  };
  if (opts.origin !== null) headers.origin = opts.origin ?? 'https://shop.example';
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  return fetch(`${baseUrl}/api/v1/feedback`, { method: 'POST', headers, body: opts.body ?? JSON.stringify(body) });
}
