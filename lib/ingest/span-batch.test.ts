import { describe, expect, it } from 'vitest';
import { BinaryRows } from './copy-binary';
import { PAYLOAD_FORMAT } from './payloads';
import type { SpanRow } from './rows';
import {
  encodeSpanRows,
  requestSpans,
  SERIES_FIELDS,
  selectSpans,
  spanBatch,
  spanKeyHex,
  traceIdHex,
} from './span-batch';

const DAY = 86_400_000;
const row = (i: number, over: Partial<SpanRow> = {}): SpanRow => ({
  traceId: (i + 1).toString(16).padStart(32, 'a'),
  spanId: (i + 1).toString(16).padStart(16, 'b'),
  parentSpanId: '',
  name: 'GET /x',
  kind: 2,
  startMs: 1_760_000_000_000 + i,
  durationMs: 1.5 + i,
  statusCode: 0,
  statusMessage: '',
  service: 'api',
  release: 'v1',
  environment: 'prod',
  route: '/x',
  method: 'GET',
  httpStatus: 200,
  isRequest: true,
  isError: false,
  attributesJson: '',
  resourceJson: '',
  eventsJson: '',
  ...over,
});

describe('requestSpans', () => {
  it('keeps request spans only, one series per distinct service, environment, release, route and method', () => {
    const rows = [
      row(0),
      row(1, { isRequest: false, kind: 3 }), // a CLIENT span: not a request
      row(2, { route: '/y' }),
      row(3, { release: 'v2' }),
      row(4),
      row(5, { method: 'POST', isError: true }),
    ];
    const spans = requestSpans(rows);
    expect(spans.count).toBe(5);
    const seriesOf = (i: number) =>
      spans.names.slice(spans.series[i] * SERIES_FIELDS, (spans.series[i] + 1) * SERIES_FIELDS);
    expect([0, 1, 2, 3, 4].map(seriesOf)).toEqual([
      ['api', 'prod', 'v1', '/x', 'GET'],
      ['api', 'prod', 'v1', '/y', 'GET'],
      ['api', 'prod', 'v2', '/x', 'GET'],
      ['api', 'prod', 'v1', '/x', 'GET'],
      ['api', 'prod', 'v1', '/x', 'POST'],
    ]);
    expect(spans.names.length / SERIES_FIELDS).toBe(4);
    expect([...spans.isError]).toEqual([0, 0, 0, 0, 1]);
    expect([...spans.durationMs]).toEqual([1.5, 3.5, 4.5, 5.5, 6.5]);
    expect(spans.startUs[1]).toBe((1_760_000_000_000 + 2) * 1000);
    expect(spanKeyHex(spans, 3)).toBe(rows[4].traceId + rows[4].spanId);
    expect(traceIdHex(spans, 4)).toBe(rows[5].traceId);
  });

  it('stores ids as bytes whatever their hex case, and refuses an id that is not one', () => {
    const upper = requestSpans([row(0, { traceId: 'ABCDEF0123456789ABCDEF0123456789' })]);
    expect(traceIdHex(upper, 0)).toBe('abcdef0123456789abcdef0123456789');
    expect(() => requestSpans([row(0, { traceId: 'abc' })])).toThrow(/16-byte hex id/);
    expect(() => requestSpans([row(0, { spanId: 'zzzzzzzzzzzzzzzz' })])).toThrow(/not a hex id/);
  });

  it('selects a subset with its series names', () => {
    const spans = requestSpans([row(0), row(1, { route: '/y' }), row(2, { route: '/z' })]);
    const picked = selectSpans(spans, [0, 2]);
    expect(picked.count).toBe(2);
    expect(spanKeyHex(picked, 1)).toBe(spanKeyHex(spans, 2));
    expect(picked.names.slice(picked.series[1] * SERIES_FIELDS)[3]).toBe('/z');
    expect([...picked.durationMs]).toEqual([1.5, 3.5]);
  });
});

describe('spanBatch', () => {
  it('encodes every row for COPY and lists the UTC days the spans start on', () => {
    const rows = [row(0, { startMs: 3 * DAY - 1 }), row(1, { startMs: 3 * DAY }), row(2, { startMs: 3 * DAY + 5 })];
    const payload = { id: 42, format: PAYLOAD_FORMAT.protobuf, body: Buffer.from('x') };
    const batch = spanBatch(9, rows, payload);
    const expected = new BinaryRows();
    encodeSpanRows(expected, 9, rows, 42);
    expect(batch.rows.equals(expected.bytes())).toBe(true);
    expect(batch.spanCount).toBe(3);
    expect(batch.days.sort()).toEqual([2, 3]);
    expect(batch.requests.count).toBe(3);
  });
});
