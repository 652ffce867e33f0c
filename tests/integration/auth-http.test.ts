import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedProject } from '../../lib/projects/create-project';
import { type AppProcess, startAppProcess } from '../support/app-process';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTenant } from '../support/tenant';

// Every dashboard/management route over real HTTP through the custom server and the production build
// (`npm run build` first). The routes are found on disk, so a route added later is covered too: without
// credentials none answers data, and an API token of another project gets 404, never the project's data.

const API_ROOT = path.resolve('app/api/v1');
const PUBLIC = new Set(['/api/v1/openapi.json']); // the API description is public on purpose
const UUID = '00000000-0000-4000-8000-000000000001';

interface Endpoint {
  method: string;
  path: string;
}

function endpoints(dir = API_ROOT, prefix = '/api/v1'): Endpoint[] {
  const out: Endpoint[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...endpoints(full, `${prefix}/${name}`));
    else if (name === 'route.ts') {
      const source = readFileSync(full, 'utf8');
      for (const m of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
        out.push({ method: m[1], path: prefix });
    }
  }
  return out;
}

/** A concrete URL for a route pattern: dynamic segments filled, every usual query parameter given. */
function urlFor(pattern: string, projectId: number): string {
  const filled = pattern
    .replace('[projectId]', String(projectId))
    .replace('[traceId]', '0af7651916cd43dd8448eb211c80319c')
    .replace(/\[[A-Za-z]+\]/g, UUID);
  const query = new URLSearchParams({
    project: String(projectId),
    service: 'checkout',
    release: '1.0.0',
    name: 'queue.depth',
  });
  return `${filled}?${query}`;
}

let database: TestDatabase;
let app: AppProcess;
let mine: CreatedProject;
let other: CreatedProject;

beforeAll(async () => {
  database = await createTestDatabase();
  mine = await createTenant(database.url, { name: 'mine' });
  other = await createTenant(database.url, { name: 'other' });
  app = await startAppProcess({ databaseUrl: database.url, env: { TAILWATCH_WORKERS: 'off' } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

const call = (e: Endpoint, headers: Record<string, string> = {}) =>
  fetch(`${app.url}${urlFor(e.path, mine.projectId)}`, {
    method: e.method,
    headers: { 'content-type': 'application/json', ...headers },
    body: e.method === 'GET' || e.method === 'DELETE' ? undefined : '{}',
    redirect: 'manual',
  });

describe('every /api/v1 route', () => {
  const all = endpoints().filter((e) => !PUBLIC.has(e.path));

  it('finds the routes on disk', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all).toContainEqual({ method: 'GET', path: '/api/v1/stats' });
  });

  it('answers 401 without credentials (a body that does not parse may get 400 first, never data)', async () => {
    const wrong: string[] = [];
    for (const e of all) {
      const res = await call(e);
      const ok = res.status === 401 || (e.method !== 'GET' && res.status === 400);
      if (!ok) wrong.push(`${e.method} ${e.path} -> ${res.status}`);
      await res.arrayBuffer();
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("answers 404 to another project's API token", async () => {
    const wrong: string[] = [];
    for (const e of all.filter((x) => x.method === 'GET' && x.path !== '/api/v1/projects')) {
      const res = await call(e, { authorization: `Bearer ${other.apiToken}` });
      if (res.status !== 404) wrong.push(`${e.method} ${e.path} -> ${res.status}`);
      await res.arrayBuffer();
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("answers the project's own token only, and 401 once it is revoked", async () => {
    const stats = { method: 'GET', path: '/api/v1/stats' };
    const token = { authorization: `Bearer ${mine.apiToken}` };
    expect((await call(stats, token)).status).toBe(200);
    // The ingest key and the public key are not API tokens.
    expect((await call(stats, { authorization: `Bearer ${mine.ingestKey}` })).status).toBe(401);
    expect((await call(stats, { authorization: `Bearer ${mine.publicKey}` })).status).toBe(401);
    const keysUrl = `${app.url}/api/v1/projects/${mine.projectId}/keys`;
    const { keys } = (await (await fetch(keysUrl, { headers: token })).json()) as {
      keys: { id: string; kind: string }[];
    };
    const apiKey = keys.find((k) => k.kind === 'api');
    const revoked = await fetch(`${keysUrl}/${apiKey?.id}`, { method: 'DELETE', headers: token });
    expect(revoked.status).toBe(204);
    expect((await call(stats, token)).status).toBe(401);
  });
});

describe('pages and sessions', () => {
  it('send a fresh install to /setup, then anyone without a session to /login with the way back', async () => {
    const before = await fetch(`${app.url}/projects/1/settings`, { redirect: 'manual' });
    expect(before.status).toBe(307);
    expect(before.headers.get('location')).toMatch(/\/setup$/);
    const setup = await fetch(`${app.url}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@http.test', password: 'a long enough password' }),
    });
    expect(setup.status).toBe(201);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
    const after = await fetch(`${app.url}/projects/1/settings`, { redirect: 'manual' });
    expect(after.status).toBe(307);
    expect(after.headers.get('location')).toMatch(/\/login\?next=%2Fprojects%2F1%2Fsettings$/);
    const signedIn = await fetch(`${app.url}/projects`, { headers: { cookie }, redirect: 'manual' });
    expect(signedIn.status).toBe(200);
    // Not a member of the project: the page answers 404 like a project that does not exist.
    const foreign = await fetch(`${app.url}/projects/${other.projectId}/settings`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(foreign.status).toBe(404);
  });

  it('marks the session cookie Secure behind an https proxy', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ email: 'admin@http.test', password: 'a long enough password' }),
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax; .*; Secure$/);
  });
});
