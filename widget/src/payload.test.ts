import { describe, expect, it } from 'vitest';
import { MAX_COMMENT, MAX_PATH, MAX_RELEASE, MAX_ROUTE, MAX_USER_SEGMENT } from './contract';
import { type AnswerInput, buildPayload } from './payload';

const META_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const APP_TRACE = '0af7651916cd43dd8448eb211c80319c';

function input(over: Partial<AnswerInput> = {}): AnswerInput {
  return {
    key: 'pk_1',
    release: '1.4.2',
    rating: 4,
    scale: 5,
    trigger: 'manual',
    path: '/orders/42',
    context: {},
    timings: {
      ttfb: 0,
      domContentLoaded: undefined,
      load: undefined,
      lcp: undefined,
      inp: undefined,
      interaction: undefined,
    },
    ...over,
  };
}

describe('buildPayload', () => {
  it('builds the contract body and leaves out what is unknown', () => {
    const body = buildPayload(
      input({
        comment: '  felt fine ',
        context: { route: '/orders/:id', userSegment: 'beta' },
        seenTraceId: META_TRACE,
        timings: { ttfb: 81.4, domContentLoaded: 402.6, load: 0, lcp: 913.2, inp: undefined, interaction: 1250 },
      }),
    );
    expect(body).toEqual({
      v: 1,
      key: 'pk_1',
      rating: 4,
      scale: 5,
      trigger: 'manual',
      path: '/orders/42',
      comment: 'felt fine',
      release: '1.4.2',
      route: '/orders/:id',
      traceId: META_TRACE,
      userSegment: 'beta',
      timings: { ttfb: 81, domContentLoaded: 403, lcp: 913, interaction: 1250 },
    });
    const wire = JSON.parse(JSON.stringify(buildPayload(input({ comment: '   ' }))));
    expect(Object.keys(wire).sort()).toEqual(['key', 'path', 'rating', 'release', 'scale', 'timings', 'trigger', 'v']);
    expect(wire.timings).toEqual({});
  });

  it("prefers the app's trace id (bare or traceparent) over one the page saw", () => {
    expect(buildPayload(input({ context: { traceId: APP_TRACE }, seenTraceId: META_TRACE })).traceId).toBe(APP_TRACE);
    const traceparent = `00-${APP_TRACE}-b7ad6b7169203331-01`;
    expect(buildPayload(input({ context: { traceId: traceparent }, seenTraceId: META_TRACE })).traceId).toBe(APP_TRACE);
    expect(buildPayload(input({ context: { traceId: 'garbage' }, seenTraceId: META_TRACE })).traceId).toBe(META_TRACE);
    expect(buildPayload(input({ context: { traceId: null } })).traceId).toBeUndefined();
  });

  it('never sends a query string or fragment', () => {
    expect(buildPayload(input({ path: '/search?q=secret#top' })).path).toBe('/search');
    expect(buildPayload(input({ path: '?only=query' })).path).toBe('/');
  });

  it('clips strings to the contract limits', () => {
    const body = buildPayload(
      input({
        comment: 'c'.repeat(MAX_COMMENT + 5),
        release: 'r'.repeat(MAX_RELEASE + 5),
        path: `/${'p'.repeat(MAX_PATH + 5)}`,
        context: { route: 'x'.repeat(MAX_ROUTE + 5), userSegment: 's'.repeat(MAX_USER_SEGMENT + 5) },
      }),
    );
    expect(body.comment).toHaveLength(MAX_COMMENT);
    expect(body.release).toHaveLength(MAX_RELEASE);
    expect(body.path).toHaveLength(MAX_PATH);
    expect(body.route).toHaveLength(MAX_ROUTE);
    expect(body.userSegment).toHaveLength(MAX_USER_SEGMENT);
  });

  it('rejects a rating off the scale', () => {
    for (const rating of [0, 6, 2.5, Number.NaN]) {
      expect(() => buildPayload(input({ rating }))).toThrow('TW_BAD_RATING');
    }
    expect(buildPayload(input({ rating: 10, scale: 10 })).rating).toBe(10);
  });
});
