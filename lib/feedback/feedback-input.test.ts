import { describe, expect, it } from 'vitest';
import { MAX_COMMENT } from '../../widget/src/contract';
import { parseFeedbackInput } from './feedback-input';

const valid = {
  v: 1,
  key: 'twp_abc',
  rating: 4,
  scale: 5,
  trigger: 'slow',
  path: '/orders/42',
  timings: { ttfb: 120.4, interaction: 1800 },
  comment: '  <b>slow</b> checkout  ',
  release: 'v2.1.0',
  route: '/orders/:id',
  traceId: '4BF92F3577B34DA6A3CE929D0E0E4736',
  userSegment: 'pro',
};

describe('parseFeedbackInput', () => {
  it('accepts the contract and normalises it', () => {
    const result = parseFeedbackInput({ ...valid, extra: 'ignored' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.comment).toBe('<b>slow</b> checkout'); // stored as text, escaped when shown
    expect(result.input.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(result.input.timings).toEqual({ ttfb: 120, interaction: 1800 });
    expect('extra' in result.input).toBe(false);
  });

  it('treats missing, null and blank optional fields alike', () => {
    const result = parseFeedbackInput({
      ...valid,
      comment: '   ',
      release: null,
      route: undefined,
      traceId: null,
      timings: null,
    });
    expect(result.ok && result.input).toMatchObject({
      comment: undefined,
      release: undefined,
      route: undefined,
      timings: {},
    });
  });

  it.each([
    [{ comment: 'x'.repeat(MAX_COMMENT + 1) }, 'comment', 'at most 1000 characters'],
    [{ release: 'r'.repeat(101) }, 'release', 'at most 100 characters'],
    [{ route: 'r'.repeat(201) }, 'route', 'at most 200 characters'],
    [{ userSegment: 's'.repeat(65) }, 'userSegment', 'at most 64 characters'],
    [{ path: '/a?token=secret' }, 'path', 'must not contain a query string or fragment'],
    [{ key: 'k'.repeat(65) }, 'key', 'at most 64 characters'],
    [{ rating: 6 }, 'rating', 'must be <= scale'],
    [{ rating: 2.5 }, 'rating', 'must be an integer'],
    [{ scale: 11 }, 'scale', 'must be <= 10'],
    [{ trigger: 'auto' }, 'trigger', 'must be manual, pageviews, slow or control'],
    [{ v: 2 }, 'v', 'must be 1 (the contract version)'],
    [{ traceId: '0'.repeat(32) }, 'traceId', 'must be 32 hex characters, not all zero'],
    [{ timings: { lcp: -1 } }, 'timings.lcp', 'must be >= 0'],
    [{ comment: 'a\u0000b' }, 'comment', 'must not contain NUL characters'],
  ])('rejects %j naming %s', (patch, field, message) => {
    expect(parseFeedbackInput({ ...valid, ...patch })).toEqual({ ok: false, field, message });
  });

  it('names the body when it is not an object', () => {
    expect(parseFeedbackInput([1, 2])).toMatchObject({ ok: false, field: 'body' });
  });
});
