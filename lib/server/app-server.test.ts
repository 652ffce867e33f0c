import { describe, expect, it } from 'vitest';
import { nextRouteLabel } from './app-server';

describe('nextRouteLabel', () => {
  it('keeps metrics labels bounded whatever the path', () => {
    expect(nextRouteLabel('/_next/static/chunks/a1b2.js')).toBe('next:static');
    expect(nextRouteLabel('/tw.js')).toBe('next:static');
    expect(nextRouteLabel('/projects/12/services/storefront')).toBe('next:page');
    expect(nextRouteLabel('/api/v1/stats')).toBe('api:/api/v1/stats');
    expect(nextRouteLabel('/api/v1/traces/4bf92f3577b34da6a3ce929d0e0e4736')).toBe('api:/api/v1/traces');
    expect(nextRouteLabel('/api/v1/12')).toBe('api:/api/v1/:id');
    expect(nextRouteLabel('/api/auth/login')).toBe('api:/api/auth/login');
  });
});
