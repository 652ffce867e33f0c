import { describe, expect, it } from 'vitest';
import type { SpanRow } from '../rows';
import { decodeTraces, OTLP_LIMITS } from './index';
import { httpSpans, spanLike, tracesProtobuf } from './test-fixtures';

// Decoding for ingest (details: false) does not write plain string attributes: it keeps bounds of the JSON they
// would make, and decodes the request again, writing them, when the bounds cannot decide the size limit. It must
// accept and reject exactly the spans that decoding with details does.

const LIMIT = OTLP_LIMITS.attributesJsonChars;

/** `n` attributes with 5-character keys and values of `valueBytes` bytes built by `value`. */
function attributes(n: number, value: (i: number) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) out[`a${String(i).padStart(4, '0')}`] = value(i);
  return out;
}

const withoutDetails = ({ attributesJson, resourceJson, eventsJson, ...row }: SpanRow) => row;

/** Both modes' answers for `body`, rows without their detail JSON. */
function bothModes(body: Buffer) {
  const ingest = decodeTraces(body, 'protobuf', { details: false });
  const full = decodeTraces(body, 'protobuf', { details: true });
  return {
    ingest: { rows: ingest.rows.map(withoutDetails), rejected: ingest.rejected, errorMessage: ingest.errorMessage },
    full: { rows: full.rows.map(withoutDetails), rejected: full.rejected, errorMessage: full.errorMessage },
    fullAttributes: full.rows.map((r) => r.attributesJson.length),
  };
}

describe('decodeTraces without details: plain string attributes measured, not written', () => {
  const [a, b, c, d, e, f] = httpSpans(6);
  // Each plain attribute writes `,"a0001":"<115 bytes>"`: 126 bytes, so 500 make 63,000 (under the limit)
  // and 600 make 75,600 (over it); escapes or non-ASCII make them longer.
  const plain = (i: number) => `v${String(i).padStart(4, '0')}${'x'.repeat(110)}`;
  const quoted = (i: number) => `${plain(i).slice(0, 105)}""""""""""`; // 10 quotes: 136 bytes written

  it.each([
    ['well under the limit', attributes(50, plain), 'kept'],
    ['just under it, decided only by writing them', attributes(500, plain), 'kept'],
    ['over it once escaped, decided only by writing them', attributes(500, quoted), 'rejected'],
    ['over it however written', attributes(600, plain), 'rejected'],
    ['non-ASCII text near the limit', attributes(260, (i) => `${'é'.repeat(55)}${i % 10}`), 'kept'],
    ['control characters near the limit', attributes(200, (i) => `${'\u0001'.repeat(40)}${i}`), 'kept'],
  ])('%s: the same answer as with details', (_, attrs, outcome) => {
    const body = tracesProtobuf([a, spanLike(b, { attributes: { ...b.attributes, ...attrs } }), c]);
    const { ingest, full, fullAttributes } = bothModes(body);
    expect(ingest).toEqual(full);
    expect(full.rejected).toBe(outcome === 'rejected' ? 1 : 0);
    if (outcome === 'kept') expect(Math.max(...fullAttributes)).toBeLessThan(LIMIT);
  });

  it('a request mixing spans decided by the bounds and by writing answers as with details', () => {
    const spans = [
      spanLike(a, { attributes: { ...a.attributes, ...attributes(500, quoted) } }), // needs writing: rejected
      spanLike(b, { attributes: { ...b.attributes, ...attributes(700, plain) } }), // bounds: rejected
      c,
      spanLike(d, { attributes: { ...d.attributes, ...attributes(500, plain) } }), // needs writing: kept
      spanLike(e, { attributes: { ...e.attributes, 'http.route': '/plain/route', note: 'short' } }),
      f,
    ];
    const { ingest, full } = bothModes(tracesProtobuf(spans));
    expect(ingest).toEqual(full);
    expect(full).toMatchObject({ rejected: 2, errorMessage: '2 spans rejected: attributes too large (2)' });
    expect(ingest.rows.map((r) => r.route)).toEqual([
      c.attributes['http.route'],
      d.attributes['http.route'],
      '/plain/route',
      f.attributes['http.route'],
    ]);
  });
});
