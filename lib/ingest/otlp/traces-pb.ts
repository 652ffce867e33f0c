import type { Decoded, SpanRow } from '../rows';
import { AttributeValue } from './attribute-value';
import { PairRange } from './key-value-writer';
import { RejectTally } from './reject-tally';
import { EMPTY_RESOURCE, type ResourceIdentity } from './resource';
import { readResource } from './resource-pb';
import { ExactAttributesNeeded, SpanDraft } from './span-draft';
import { isZero, setIds, validId } from './span-ids';
import { readAttribute, readEvent, type SpanScratch } from './span-parts-pb';
import { knownFields, WireReader } from './wire-reader';

// Field numbers: collector/trace/v1/trace_service.proto and trace/v1/trace.proto. Cases use literal
// tags, (field << 3) | wire type, so V8 builds jump tables: wire 0 varint, 1 fixed64, 2 bytes, 5 fixed32.
const REQ_KNOWN = knownFields(1);
const RS_RESOURCE_KNOWN = knownFields(1); // each pass checks the wire type of the field it reads
const RS_SCOPE_KNOWN = knownFields(2);
const SS_KNOWN = knownFields(2);
const SPAN_KNOWN = knownFields(1, 2, 4, 5, 6, 7, 8, 9, 11, 15, 16);
const STATUS_KNOWN = knownFields(2, 3);

/** Per-request decoding state, allocated once per body. */
class TraceContext implements SpanScratch {
  readonly rows: SpanRow[] = [];
  readonly tally = new RejectTally();
  readonly span: SpanDraft;
  constructor(details: boolean, skipStrings: boolean) {
    this.span = new SpanDraft(details, skipStrings);
  }
  readonly value = new AttributeValue();
  readonly pair = new PairRange();
}

/**
 * Decodes an ExportTraceServiceRequest; throws OtlpDecodeError when the body is not one. Without details, plain
 * string attributes are measured rather than written (SpanDraft.skipStrings); a span whose measure cannot decide
 * its size limit (attributes near 64 KiB) has the request decoded again, writing them.
 */
export function decodeTracesProtobuf(body: Buffer, details = true): Decoded<SpanRow> {
  if (details) return decode(body, true, false);
  try {
    return decode(body, false, true);
  } catch (err) {
    if (err instanceof ExactAttributesNeeded) return decode(body, false, false);
    throw err;
  }
}

function decode(body: Buffer, details: boolean, skipStrings: boolean): Decoded<SpanRow> {
  const r = new WireReader(body);
  const ctx = new TraceContext(details, skipStrings);
  const end = body.length;
  while (r.pos < end) {
    const t = r.tag();
    if (t === 10)
      readResourceSpans(r, r.lengthEnd(end), ctx); // resource_spans = 1
    else r.skip(t, end, REQ_KNOWN);
  }
  r.assertAt(end);
  return { rows: ctx.rows, rejected: ctx.tally.total, errorMessage: ctx.tally.summary('span', 'spans') };
}

/** ResourceSpans {resource 1, scope_spans 2, schema_url 3}. */
function readResourceSpans(r: WireReader, end: number, ctx: TraceContext): void {
  const start = r.pos;
  // The resource may follow its scope_spans on the wire: find it first, then walk the spans.
  let resource = EMPTY_RESOURCE;
  while (r.pos < end) {
    const t = r.tag();
    if (t === 10) resource = readResource(r, r.lengthEnd(end), ctx.value);
    else r.skip(t, end, RS_RESOURCE_KNOWN);
  }
  r.assertAt(end);
  r.pos = start;
  while (r.pos < end) {
    const t = r.tag();
    if (t === 18) readScopeSpans(r, r.lengthEnd(end), ctx, resource);
    else r.skip(t, end, RS_SCOPE_KNOWN);
  }
}

/** ScopeSpans {scope 1, spans 2, schema_url 3}. */
function readScopeSpans(r: WireReader, end: number, ctx: TraceContext, resource: ResourceIdentity): void {
  while (r.pos < end) {
    const t = r.tag();
    if (t === 18) readSpan(r, r.lengthEnd(end), ctx, resource);
    else r.skip(t, end, SS_KNOWN);
  }
  r.assertAt(end);
}

function readSpan(r: WireReader, end: number, ctx: TraceContext, resource: ResourceIdentity): void {
  const span = ctx.span;
  span.reset();
  let traceAt = -1; // byte offsets of valid ids, hex-decoded together at the end
  let spanAt = -1;
  let parentAt = -1;
  while (r.pos < end) {
    const t = r.tag();
    switch (t) {
      case 10: // trace_id
        traceAt = validId(r, r.lengthEnd(end), 16);
        break;
      case 18: // span_id
        spanAt = validId(r, r.lengthEnd(end), 8);
        break;
      case 34: {
        // parent_span_id: empty (or all-zero, which some SDKs send) means a root span
        const idEnd = r.lengthEnd(end);
        const isRoot = idEnd === r.pos || isZero(r.buf, r.pos, idEnd);
        parentAt = isRoot ? -1 : validId(r, idEnd, 8);
        if (!isRoot && parentAt < 0) span.reject('invalid parent_span_id');
        r.pos = idEnd;
        break;
      }
      case 42: // name
        span.name = r.string(r.lengthEnd(end));
        break;
      case 48: // kind
        span.kind = r.varint32();
        break;
      case 57: // start_time_unix_nano
        r.fixed64();
        span.start.setFixed64(r.hi, r.lo);
        break;
      case 65: // end_time_unix_nano
        r.fixed64();
        span.end.setFixed64(r.hi, r.lo);
        break;
      case 74: // attributes
        readAttribute(r, r.lengthEnd(end), ctx);
        break;
      case 90: // events
        readEvent(r, r.lengthEnd(end), ctx);
        break;
      case 122: // status
        readStatus(r, r.lengthEnd(end), span);
        break;
      case 133: // flags
        r.fixed32();
        break;
      default: // trace_state, dropped counts, links
        r.skip(t, end, SPAN_KNOWN);
    }
  }
  r.assertAt(end);
  setIds(r.buf, span, traceAt, spanAt, parentAt);
  span.finish(resource, ctx.rows, ctx.tally);
}

/** Status {message 2, code 3}. */
function readStatus(r: WireReader, end: number, span: SpanDraft): void {
  while (r.pos < end) {
    const t = r.tag();
    if (t === 18) span.statusMessage = r.string(r.lengthEnd(end));
    else if (t === 24) span.statusCode = r.varint32();
    else r.skip(t, end, STATUS_KNOWN);
  }
  r.assertAt(end);
}
