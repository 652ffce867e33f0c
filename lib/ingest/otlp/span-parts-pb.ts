import { readAnyValue } from './any-value-pb';
import type { AttributeValue } from './attribute-value';
import { utf8Slice } from './byte-slices';
import { int64Text, jsonNumber } from './json-text';
import { keyTooLong, type PairRange, scanPair, simplePair, writePair } from './key-value-writer';
import { OTLP_LIMITS } from './limits';
import { SPAN_WATCH, type SpanDraft } from './span-draft';
import { internString } from './string-intern';
import { knownFields, type WireReader } from './wire-reader';

// Span attributes (KeyValue) and events (trace/v1/trace.proto Span.Event), written as JSON bytes.
const EVENT_HEAD_KNOWN = knownFields(1, 2);
const EVENT_ATTRIBUTES_KNOWN = knownFields(3);

/** Reusable decoding scratch for one request. */
export interface SpanScratch {
  readonly span: SpanDraft;
  readonly value: AttributeValue;
  readonly pair: PairRange;
}

/**
 * A span attribute KeyValue, written as JSON; watched keys also feed row fields. A plain string attribute that
 * is not watched is only measured when the span skips strings (decoding for ingest, see SpanDraft).
 */
export function readAttribute(r: WireReader, end: number, ctx: SpanScratch): void {
  const { span, pair } = ctx;
  const buf = r.buf;
  const simple = simplePair(buf, r.pos, end, pair);
  const stringId = simple === 10 ? SPAN_WATCH.match(buf, pair.keyStart, pair.keyEnd) : -1;
  if (simple === 10 && stringId < 0 && span.skipStrings) {
    span.skipAttribute(pair.keyEnd - pair.keyStart + end - pair.valueStart - 2);
    r.pos = end;
    return;
  }
  const w = span.nextAttribute();
  if (simple === 10 && w.stringMember(buf, pair.keyStart, pair.keyEnd, pair.valueStart + 2, end)) {
    if (stringId >= 0) span.watched(stringId, internString(buf, pair.valueStart + 2, end));
    r.pos = end;
    return;
  }
  if (simple > 10 && w.keyMember(buf, pair.keyStart, pair.keyEnd)) {
    r.pos = pair.valueStart + 1;
    let scalar: number | boolean;
    if (simple === 33) {
      scalar = r.double();
      w.ascii(jsonNumber(scalar));
    } else if (simple === 24) {
      scalar = r.varint64();
      w.ascii(Number.isSafeInteger(scalar) ? String(scalar) : int64Text(r.hi, r.lo));
    } else {
      scalar = r.varint32() !== 0;
      w.ascii(scalar ? 'true' : 'false');
    }
    const id = SPAN_WATCH.match(buf, pair.keyStart, pair.keyEnd);
    if (id >= 0) span.watched(id, scalar);
    r.pos = end;
    return;
  }
  scanPair(r, end, pair);
  if (keyTooLong(r, pair)) span.reject('attribute key too long');
  writePair(r, end, pair, w, 0);
  if (pair.keyStart < 0) return;
  const id = SPAN_WATCH.match(buf, pair.keyStart, pair.keyEnd);
  if (id < 0) return;
  ctx.value.clear();
  if (pair.valueStart >= 0) {
    r.pos = pair.valueStart;
    readAnyValue(r, pair.valueEnd, ctx.value, 0, false);
  }
  span.watched(id, ctx.value.scalar);
  r.pos = end;
}

/** Span.Event {time_unix_nano 1, name 2, attributes 3}: name and time first, in any wire order. */
export function readEvent(r: WireReader, end: number, ctx: SpanScratch): void {
  const { span, pair } = ctx;
  const start = r.pos;
  let nameStart = -1;
  let nameEnd = -1;
  span.eventTime.clear();
  while (r.pos < end) {
    const t = r.tag();
    if (t === 9) {
      r.fixed64();
      span.eventTime.setFixed64(r.hi, r.lo);
    } else if (t === 18) {
      nameEnd = r.lengthEnd(end);
      nameStart = r.pos;
      r.pos = nameEnd;
    } else r.skip(t, end, EVENT_HEAD_KNOWN);
  }
  r.assertAt(end);
  const w = span.openEvent();
  if (nameStart < 0) w.ascii('""');
  else {
    w.stringFromBytes(r.buf, nameStart, nameEnd);
    const cap = OTLP_LIMITS.nameChars;
    if (nameEnd - nameStart > cap && utf8Slice(r.buf, nameStart, nameEnd).length > cap)
      span.reject('event name too long');
  }
  span.eventTimed();
  r.pos = start;
  while (r.pos < end) {
    const t = r.tag();
    if (t !== 26) {
      r.skip(t, end, EVENT_ATTRIBUTES_KNOWN);
      continue;
    }
    const kvEnd = r.lengthEnd(end);
    scanPair(r, kvEnd, pair);
    if (keyTooLong(r, pair)) span.reject('attribute key too long');
    writePair(r, kvEnd, pair, span.nextEventAttribute(), 0);
  }
  span.closeEvent();
}
