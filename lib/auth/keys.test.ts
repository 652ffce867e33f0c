import { describe, expect, it } from 'vitest';
import { bearerToken, generateKey, hashSecret, keyKindOf } from './keys';

describe('project keys', () => {
  it('prefixes each kind so a key tells what it is', () => {
    expect(keyKindOf(generateKey('ingest'))).toBe('ingest');
    expect(keyKindOf(generateKey('public'))).toBe('public');
    expect(keyKindOf(generateKey('api'))).toBe('api');
    expect(keyKindOf('sk_live_something')).toBeNull();
  });

  it('carries 32 random bytes and never repeats', () => {
    const keys = new Set(Array.from({ length: 200 }, () => generateKey('api')));
    expect(keys.size).toBe(200);
    const body = generateKey('ingest').slice('tw_ingest_'.length);
    expect(Buffer.from(body, 'base64url')).toHaveLength(32);
  });

  it('stores a sha256 hex digest, not the secret', () => {
    const key = generateKey('ingest');
    const hash = hashSecret(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(key.slice(10));
    expect(hashSecret(key)).toBe(hash);
  });

  it('reads a bearer token from an Authorization header', () => {
    expect(bearerToken('Bearer tw_api_abc')).toBe('tw_api_abc');
    expect(bearerToken('bearer   tw_api_abc  ')).toBe('tw_api_abc');
    expect(bearerToken(['Bearer x', 'Bearer y'])).toBe('x');
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
