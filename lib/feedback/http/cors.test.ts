import { describe, expect, it } from 'vitest';
import { isOriginAllowed, normalizeOrigin, preflightGrant } from './cors';

describe('origin matching', () => {
  it('compares serialised origins', () => {
    expect(normalizeOrigin('https://Shop.Example:443/')).toBe('https://shop.example');
    expect(normalizeOrigin('http://localhost:8080')).toBe('http://localhost:8080');
    expect(isOriginAllowed('https://shop.example', ['https://SHOP.example/'])).toBe(true);
    expect(isOriginAllowed('https://shop.example:8443', ['https://shop.example'])).toBe(false);
    expect(isOriginAllowed('http://shop.example', ['https://shop.example'])).toBe(false);
    expect(isOriginAllowed('https://evil.shop.example', ['https://shop.example'])).toBe(false);
  });

  it('never allows a missing origin, and "null" only when listed as such', () => {
    expect(isOriginAllowed(undefined, ['https://shop.example'])).toBe(false);
    expect(isOriginAllowed('null', ['https://shop.example'])).toBe(false);
    expect(isOriginAllowed('null', ['null'])).toBe(true);
  });

  it('grants preflights for a day without credentials', () => {
    const headers = preflightGrant('https://shop.example', 'POST');
    expect(headers['access-control-allow-origin']).toBe('https://shop.example');
    expect(headers['access-control-max-age']).toBe('86400');
    expect(headers.vary).toBe('Origin');
    expect(Object.keys(headers)).not.toContain('access-control-allow-credentials');
  });
});
