import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores the parameters and a random salt, and verifies the right password only', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse battery!', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('verifies hashes made with other parameters (they are read from the string)', async () => {
    const cheap = await hashPassword('s3cret-passphrase', { N: 1024, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('s3cret-passphrase', cheap)).toBe(true);
    expect(await verifyPassword('s3cret-passphrasf', cheap)).toBe(false);
  });

  it('treats malformed or hostile stored strings as a mismatch', async () => {
    const good = await hashPassword('whatever-password', { N: 1024, r: 8, p: 1 });
    const parts = good.split('$');
    expect(await verifyPassword('whatever-password', 'plain-text')).toBe(false);
    expect(await verifyPassword('whatever-password', ['bcrypt', ...parts.slice(1)].join('$'))).toBe(false);
    expect(await verifyPassword('whatever-password', [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'))).toBe(
      false,
    );
    expect(await verifyPassword('whatever-password', [...parts.slice(0, 1), String(2 ** 24), ...parts.slice(2)].join('$'))).toBe(
      false,
    );
    expect(await verifyPassword('whatever-password', [...parts.slice(0, 5), ''].join('$'))).toBe(false);
  });

  it('normalizes Unicode so the same visible password verifies', async () => {
    const composed = 'caf\u00e9-password';
    const decomposed = 'cafe\u0301-password';
    const hash = await hashPassword(composed, { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword(decomposed, hash)).toBe(true);
  });
});
