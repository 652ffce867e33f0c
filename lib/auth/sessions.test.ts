import { describe, expect, it } from 'vitest';
import { clearedSessionCookie, isHttps, readCookie, SESSION_COOKIE, sessionCookie } from './sessions';

describe('session cookie', () => {
  const expires = new Date('2026-12-13T10:00:00Z');

  it('is httpOnly and SameSite=Lax, Secure only over https', () => {
    const plain = sessionCookie('abc', expires, false);
    expect(plain).toBe(`${SESSION_COOKIE}=abc; Path=/; HttpOnly; SameSite=Lax; Expires=Sun, 13 Dec 2026 10:00:00 GMT`);
    expect(sessionCookie('abc', expires, true).endsWith('; Secure')).toBe(true);
  });

  it('is cleared with Max-Age=0 and the same attributes', () => {
    expect(clearedSessionCookie(true)).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure`);
  });

  it('is read by exact name from a Cookie header', () => {
    const header = `other=1; x${SESSION_COOKIE}=wrong; ${SESSION_COOKIE}=tok%2Den ; last=2`;
    expect(readCookie(header, SESSION_COOKIE)).toBe('tok-en');
    expect(readCookie('other=1', SESSION_COOKIE)).toBeNull();
    expect(readCookie(null, SESSION_COOKIE)).toBeNull();
  });
});

describe('isHttps', () => {
  it('trusts the request URL or a proxy saying https', () => {
    expect(isHttps(new Request('https://tw.example/api/auth/login'))).toBe(true);
    expect(isHttps(new Request('http://tw.example/', { headers: { 'x-forwarded-proto': 'https' } }))).toBe(true);
    expect(isHttps(new Request('http://tw.example/'))).toBe(false);
  });
});
