import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { db } from '../db/pool';

// Project keys. Three kinds, told apart by their prefix so a leaked string is recognisable (secret scanners):
//   tw_ingest_…  secret, `Authorization: Bearer` on /v1/traces and /v1/metrics
//   tw_api_…     secret, `Authorization: Bearer` on the read/manage API (/api/v1/**)
//   tw_pub_…     public widget key: write-only (POST /api/v1/feedback), embedded in pages
// Secrets carry 32 random bytes, so a plain sha256 is the right hash (no salt or stretching needed:
// nothing to brute-force). Only the hash is stored; the secret is returned once, at creation.

export type KeyKind = 'ingest' | 'public' | 'api';

const PREFIX: Record<KeyKind, string> = { ingest: 'tw_ingest_', public: 'tw_pub_', api: 'tw_api_' };
/** Characters of a key kept in clear for lists ("tw_ingest_3fA9…"). */
const SHOWN_CHARS = 6;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateKey(kind: KeyKind): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function keyKindOf(secret: string): KeyKind | null {
  for (const kind of Object.keys(PREFIX) as KeyKind[]) if (secret.startsWith(PREFIX[kind])) return kind;
  return null;
}

export interface CreatedKey {
  id: string;
  kind: KeyKind;
  name: string;
  prefix: string;
  /** The full key: shown to the user once, never stored (except public keys, which are not secret). */
  secret: string;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

/** Creates a key of `kind` for the project and returns its secret (the only time it is available). */
export async function createKey(q: Queryable, projectId: number, kind: KeyKind, name = ''): Promise<CreatedKey> {
  const secret = generateKey(kind);
  const prefix = secret.slice(0, PREFIX[kind].length + SHOWN_CHARS);
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO api_keys (id, project_id, kind, name, prefix, secret_hash, public_key)
     VALUES (gen_random_uuid(), $1, $2::key_kind, $3, $4, $5, $6) RETURNING id`,
    [projectId, kind, name, prefix, hashSecret(secret), kind === 'public' ? secret : null],
  );
  keyCache.clear();
  return { id: rows[0].id, kind, name, prefix, secret };
}

/** Revokes a key of the project; false when no such live key exists there. */
export async function revokeKey(q: Queryable, projectId: number, keyId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND project_id = $2 AND revoked_at IS NULL',
    [keyId, projectId],
  );
  keyCache.clear();
  return (rowCount ?? 0) > 0;
}

export interface VerifiedKey {
  keyId: string;
  projectId: number;
  kind: KeyKind;
}

// Verified keys are cached briefly per process so the ingest fast path does not hit the database on every
// request. A revocation is seen by this process at once (cache cleared) and by other instances within the TTL.
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 10_000;
// The cache lives on globalThis: Next's bundled route handlers and the fast path (loaded from source by the
// custom server) each get their own copy of this module, and a revocation through one must clear the cache
// the other reads, or a revoked ingest key would keep working on this instance for the TTL.
const shared = globalThis as typeof globalThis & {
  __twKeyCache?: Map<string, { at: number; value: VerifiedKey | null }>;
  __twKeyLastUsed?: Map<string, number>;
};
shared.__twKeyCache ??= new Map();
shared.__twKeyLastUsed ??= new Map();
const keyCache = shared.__twKeyCache;
// last_used_at is written at most once a minute per key.
const lastUsedWritten = shared.__twKeyLastUsed;

/** Clears the per-process key cache (tests and revocations). */
export function clearKeyCache(): void {
  keyCache.clear();
}

/** The live key with this secret, if it is of `kind`; null for unknown, revoked or other-kind keys. */
export async function verifyKey(secret: string, kind: KeyKind): Promise<VerifiedKey | null> {
  if (keyKindOf(secret) !== kind || secret.length > 200) return null;
  const hash = hashSecret(secret);
  const now = Date.now();
  const hit = keyCache.get(hash);
  let value: VerifiedKey | null;
  if (hit && now - hit.at < CACHE_TTL_MS) {
    value = hit.value;
  } else {
    const { rows } = await db().query<{ id: string; project_id: number; kind: KeyKind }>(
      'SELECT id, project_id, kind FROM api_keys WHERE secret_hash = $1 AND revoked_at IS NULL',
      [hash],
    );
    value = rows[0] && rows[0].kind === kind ? { keyId: rows[0].id, projectId: rows[0].project_id, kind } : null;
    if (keyCache.size >= CACHE_MAX) keyCache.clear();
    keyCache.set(hash, { at: now, value });
  }
  if (value && now - (lastUsedWritten.get(value.keyId) ?? 0) > 60_000) {
    lastUsedWritten.set(value.keyId, now);
    db()
      .query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [value.keyId])
      .catch(() => {}); // bookkeeping only: never fail a request over it
  }
  return value;
}

export const verifyIngestKey = (secret: string) => verifyKey(secret, 'ingest');
export const verifyApiToken = (secret: string) => verifyKey(secret, 'api');

/** A public widget key's project and allowed origins, or null. */
export async function verifyPublicKey(key: string): Promise<{ projectId: number; allowedOrigins: string[] } | null> {
  const verified = await verifyKey(key, 'public');
  if (!verified) return null;
  const { rows } = await db().query<{ allowed_origins: string[] }>(
    'SELECT allowed_origins FROM projects WHERE id = $1',
    [verified.projectId],
  );
  return rows[0] ? { projectId: verified.projectId, allowedOrigins: rows[0].allowed_origins } : null;
}

/** The bearer token of an `Authorization` header value, or null. */
export function bearerToken(header: string | string[] | undefined | null): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return m ? m[1] : null;
}
