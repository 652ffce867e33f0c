import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as login } from '../../app/api/auth/login/route';
import { POST as logout } from '../../app/api/auth/logout/route';
import { POST as setup } from '../../app/api/auth/setup/route';
import { DELETE as revokeKey } from '../../app/api/v1/projects/[projectId]/keys/[keyId]/route';
import { POST as rotateKey } from '../../app/api/v1/projects/[projectId]/keys/[keyId]/rotate/route';
import { GET as listKeys } from '../../app/api/v1/projects/[projectId]/keys/route';
import {
  DELETE as deleteProject,
  GET as getProject,
  PATCH as patchProject,
} from '../../app/api/v1/projects/[projectId]/route';
import { GET as listProjects, POST as createProject } from '../../app/api/v1/projects/route';
import { clearKeyCache, hashSecret } from '../../lib/auth/keys';
import { createUser } from '../../lib/auth/users';
import { closePool, initPool } from '../../lib/db/pool';
import { createTestDatabase, type TestDatabase } from '../support/db';

// Sign-in, sessions and projects/keys through the real route handlers on a real database: a Web Request in,
// the Response out, exactly what Next calls. Only the login limit is lowered so the 429 comes quickly.
process.env.TAILWATCH_LOGIN_ATTEMPTS_PER_MINUTE = '5';

let database: TestDatabase;
let pool: pg.Pool;
const base = 'http://tailwatch.test';
const PASSWORD = 'correct horse battery';

const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-tailwatch-client-ip': headers.ip ?? '10.0.0.1', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
const cookieOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0];

async function signIn(email: string, ip = '10.0.0.2'): Promise<string> {
  const res = await login(json('POST', '/api/auth/login', { email, password: PASSWORD }, { ip }), undefined);
  expect(res.status).toBe(204);
  return cookieOf(res);
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = initPool(database.url, 5);
});
afterAll(async () => {
  await closePool();
  await database.drop();
});

describe('first-run setup and sign-in', () => {
  let adminCookie = '';

  it('creates the first admin once, with a session cookie that scripts cannot read', async () => {
    const res = await setup(
      json('POST', '/api/auth/setup', { email: 'Admin@Example.com', password: PASSWORD }),
      undefined,
    );
    expect(res.status).toBe(201);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tw_session=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure'); // plain http here; https requests get Secure
    adminCookie = cookieOf(res);
    const again = await setup(
      json('POST', '/api/auth/setup', { email: 'other@example.com', password: PASSWORD }),
      undefined,
    );
    expect(again.status).toBe(409);
    const { rows } = await pool.query('SELECT token_hash FROM sessions');
    expect(rows.map((r) => r.token_hash)).toEqual([hashSecret(adminCookie.split('=')[1])]);
  });

  it('refuses weak input with the field named', async () => {
    const res = await setup(json('POST', '/api/auth/setup', { email: 'nope', password: 'short' }), undefined);
    expect([400, 409]).toContain(res.status);
  });

  it('answers a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await login(
      json('POST', '/api/auth/login', { email: 'admin@example.com', password: 'wrong password!' }, { ip: '10.1.0.1' }),
      undefined,
    );
    const unknown = await login(
      json('POST', '/api/auth/login', { email: 'ghost@example.com', password: PASSWORD }, { ip: '10.1.0.2' }),
      undefined,
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('limits sign-in attempts per address with 429 and Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await login(
        json('POST', '/api/auth/login', { email: `guess${i}@example.com`, password: 'x' }, { ip: '10.9.9.9' }),
        undefined,
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('signs in case-insensitively and signs out for good', async () => {
    await pool.query(
      `INSERT INTO sessions (id, token_hash, user_id, expires_at, user_agent)
       SELECT gen_random_uuid(), 'expired', id, now() - interval '1 day', '' FROM users WHERE email = 'admin@example.com'`,
    );
    const cookie = await signIn('ADMIN@example.com');
    // Signing in swept the user's expired session.
    expect((await pool.query(`SELECT 1 FROM sessions WHERE token_hash = 'expired'`)).rowCount).toBe(0);
    expect((await listProjects(json('GET', '/api/v1/projects', undefined, { cookie }), undefined)).status).toBe(200);
    expect((await logout(json('POST', '/api/auth/logout', undefined, { cookie }), undefined)).status).toBe(204);
    expect((await listProjects(json('GET', '/api/v1/projects', undefined, { cookie }), undefined)).status).toBe(401);
    expect(
      (await listProjects(json('GET', '/api/v1/projects', undefined, { cookie: adminCookie }), undefined)).status,
    ).toBe(200);
  });
});

describe('projects and keys', () => {
  let alice = '';
  let bob = '';
  let project: { projectId: number; ingestKey: string; publicKey: string; apiToken: string };
  let bobProject: { projectId: number; apiToken: string };

  beforeAll(async () => {
    await createUser({ email: 'alice@example.com', password: PASSWORD }, { isAdmin: false });
    await createUser({ email: 'bob@example.com', password: PASSWORD }, { isAdmin: false });
    alice = await signIn('alice@example.com', '10.2.0.1');
    bob = await signIn('bob@example.com', '10.2.0.2');
    const res = await createProject(
      json('POST', '/api/v1/projects', { name: 'checkout-api' }, { cookie: alice }),
      undefined,
    );
    expect(res.status).toBe(201);
    project = await res.json();
    bobProject = await (
      await createProject(json('POST', '/api/v1/projects', { name: 'bobs' }, { cookie: bob }), undefined)
    ).json();
  });

  it('shows the secrets once and stores only their hashes', async () => {
    expect(project.ingestKey).toMatch(/^tw_ingest_/);
    expect(project.publicKey).toMatch(/^tw_pub_/);
    expect(project.apiToken).toMatch(/^tw_api_/);
    const { rows } = await pool.query(
      'SELECT kind, secret_hash, public_key, prefix FROM api_keys WHERE project_id = $1',
      [project.projectId],
    );
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
    expect(byKind.ingest.secret_hash).toBe(hashSecret(project.ingestKey));
    expect(byKind.ingest.public_key).toBeNull();
    expect(byKind.api.public_key).toBeNull();
    expect(JSON.stringify(rows)).not.toContain(project.ingestKey);
    expect(JSON.stringify(rows)).not.toContain(project.apiToken);
    const keys = await (
      await listKeys(json('GET', '/x', undefined, { cookie: alice }), params({ projectId: String(project.projectId) }))
    ).json();
    expect(JSON.stringify(keys)).not.toContain(project.ingestKey);
    expect(JSON.stringify(keys)).not.toContain(project.apiToken);
    expect(keys.keys).toHaveLength(3);
  });

  it('lists only the projects a user belongs to', async () => {
    const mine = await (
      await listProjects(json('GET', '/api/v1/projects', undefined, { cookie: alice }), undefined)
    ).json();
    expect(mine.projects.map((p: { name: string }) => p.name)).toEqual(['checkout-api']);
  });

  it('hides other tenants: 404 for a session or token of another project, 401 without credentials', async () => {
    const id = String(project.projectId);
    expect((await getProject(json('GET', '/x', undefined, { cookie: bob }), params({ projectId: id }))).status).toBe(
      404,
    );
    expect(
      (
        await getProject(
          json('GET', '/x', undefined, { authorization: `Bearer ${bobProject.apiToken}` }),
          params({ projectId: id }),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await getProject(
          json('GET', '/x', undefined, { authorization: `Bearer ${project.apiToken}` }),
          params({ projectId: id }),
        )
      ).status,
    ).toBe(200);
    expect((await getProject(json('GET', '/x'), params({ projectId: id }))).status).toBe(401);
    expect(
      (await getProject(json('GET', '/x', undefined, { cookie: alice }), params({ projectId: '999999' }))).status,
    ).toBe(404);
    expect(
      (await getProject(json('GET', '/x', undefined, { cookie: alice }), params({ projectId: 'abc' }))).status,
    ).toBe(404);
    expect(
      (
        await getProject(
          json('GET', '/x', undefined, { authorization: `Bearer ${project.ingestKey}` }),
          params({ projectId: id }),
        )
      ).status,
    ).toBe(401);
    expect(
      (await patchProject(json('PATCH', '/x', { name: 'mine now' }, { cookie: bob }), params({ projectId: id })))
        .status,
    ).toBe(404);
  });

  it('updates settings and names the bad field', async () => {
    const id = String(project.projectId);
    const ok = await patchProject(
      json('PATCH', '/x', { allowedOrigins: ['https://shop.example.com/'], apdexMs: 250 }, { cookie: alice }),
      params({ projectId: id }),
    );
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      allowedOrigins: ['https://shop.example.com'],
      apdexMs: 250,
      name: 'checkout-api',
    });
    const bad = await patchProject(
      json('PATCH', '/x', { allowedOrigins: ['javascript:alert(1)'] }, { cookie: alice }),
      params({ projectId: id }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).error.fields)).toEqual(['allowedOrigins.0']);
  });

  it('rotates and revokes keys: the old secret stops working at once', async () => {
    const id = String(project.projectId);
    const keys = (
      await (await listKeys(json('GET', '/x', undefined, { cookie: alice }), params({ projectId: id }))).json()
    ).keys;
    const api = keys.find((k: { kind: string }) => k.kind === 'api');
    const rotated = await rotateKey(
      json('POST', '/x', undefined, { cookie: alice }),
      params({ projectId: id, keyId: api.id }),
    );
    expect(rotated.status).toBe(201);
    const fresh = (await rotated.json()).secret;
    clearKeyCache();
    expect(
      (
        await getProject(
          json('GET', '/x', undefined, { authorization: `Bearer ${project.apiToken}` }),
          params({ projectId: id }),
        )
      ).status,
    ).toBe(401);
    expect(
      (await getProject(json('GET', '/x', undefined, { authorization: `Bearer ${fresh}` }), params({ projectId: id })))
        .status,
    ).toBe(200);
    const again = (
      await (await listKeys(json('GET', '/x', undefined, { cookie: alice }), params({ projectId: id }))).json()
    ).keys;
    const live = again.find((k: { kind: string; revokedAt: string | null }) => k.kind === 'api' && !k.revokedAt);
    expect(
      (await revokeKey(json('DELETE', '/x', undefined, { cookie: bob }), params({ projectId: id, keyId: live.id })))
        .status,
    ).toBe(404);
    expect(
      (await revokeKey(json('DELETE', '/x', undefined, { cookie: alice }), params({ projectId: id, keyId: live.id })))
        .status,
    ).toBe(204);
    expect(
      (await getProject(json('GET', '/x', undefined, { authorization: `Bearer ${fresh}` }), params({ projectId: id })))
        .status,
    ).toBe(401);
  });

  it('deletes a project only for a signed-in member', async () => {
    const id = String(bobProject.projectId);
    expect(
      (
        await deleteProject(
          json('DELETE', '/x', undefined, { authorization: `Bearer ${bobProject.apiToken}` }),
          params({ projectId: id }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await deleteProject(json('DELETE', '/x', undefined, { cookie: alice }), params({ projectId: id }))).status,
    ).toBe(404);
    expect(
      (await deleteProject(json('DELETE', '/x', undefined, { cookie: bob }), params({ projectId: id }))).status,
    ).toBe(204);
    expect((await pool.query('SELECT 1 FROM projects WHERE id = $1', [bobProject.projectId])).rowCount).toBe(0);
  });
});
