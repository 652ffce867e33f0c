import type { Decoded, SpanRow } from '../rows';
import { readJsonKeyValue } from './any-value-json';
import { AttributeValue } from './attribute-value';
import { OtlpDecodeError } from './decode-error';
import {
  containerList,
  isRecord,
  itemList,
  type JsonRecord,
  jsonEnum,
  jsonHexId,
  jsonText,
  parseJsonBody,
} from './json-body';
import { jsonString } from './json-text';
import { OTLP_LIMITS } from './limits';
import { RejectTally } from './reject-tally';
import { readJsonResource } from './resource-json';
import { SpanDraft } from './span-draft';

const SPAN_KINDS = [
  'SPAN_KIND_UNSPECIFIED',
  'SPAN_KIND_INTERNAL',
  'SPAN_KIND_SERVER',
  'SPAN_KIND_CLIENT',
  'SPAN_KIND_PRODUCER',
  'SPAN_KIND_CONSUMER',
] as const;
const STATUS_CODES = ['STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR'] as const;
const MALFORMED = 'malformed span';

/** Decodes an OTLP/JSON ExportTraceServiceRequest; throws OtlpDecodeError when the body is not one. */
export function decodeTracesJson(body: Buffer, details = true): Decoded<SpanRow> {
  const root = parseJsonBody(body);
  const rows: SpanRow[] = [];
  const tally = new RejectTally();
  const span = new SpanDraft(details);
  const value = new AttributeValue();
  for (const rs of containerList(root, 'resourceSpans')) {
    const resource = readJsonResource(rs.resource, value);
    for (const ss of containerList(rs, 'scopeSpans')) {
      const spans = itemList(ss, 'spans');
      if (spans === null) throw new OtlpDecodeError('bad_shape', '"spans" must be an array');
      for (const item of spans) {
        span.reset();
        if (isRecord(item) && fillSpan(item, span, value)) span.finish(resource, rows, tally);
        else tally.add(MALFORMED);
      }
    }
  }
  return { rows, rejected: tally.total, errorMessage: tally.summary('span', 'spans') };
}

/** Copies a JSON span into the draft; false when a field has the wrong JSON type. */
function fillSpan(s: JsonRecord, span: SpanDraft, value: AttributeValue): boolean {
  span.traceId = jsonHexId(s.traceId, 32);
  span.spanId = jsonHexId(s.spanId, 16);
  const parent = s.parentSpanId;
  // Absent, empty or all-zero (which some SDKs send) means a root span.
  const isRoot = parent === undefined || parent === null || (typeof parent === 'string' && /^0*$/.test(parent));
  if (!isRoot) {
    span.parentSpanId = jsonHexId(parent, 16);
    if (span.parentSpanId === '') span.reject('invalid parent_span_id');
  }
  const name = jsonText(s.name);
  const kind = jsonEnum(s.kind, SPAN_KINDS);
  if (name === null || kind === null) return false;
  span.name = name;
  span.kind = kind;
  if (!span.start.setJson(s.startTimeUnixNano) || !span.end.setJson(s.endTimeUnixNano)) return false;
  const attributes = itemList(s, 'attributes');
  if (attributes === null) return false;
  for (const kv of attributes) {
    const key = readJsonKeyValue(kv, value, false);
    if (key === null) return false;
    span.addAttribute(key, value);
  }
  const events = itemList(s, 'events');
  if (events === null) return false;
  for (const event of events) if (!fillEvent(event, span, value)) return false;
  const status = s.status;
  if (status !== undefined && status !== null) {
    if (!isRecord(status)) return false;
    const code = jsonEnum(status.code, STATUS_CODES);
    const message = jsonText(status.message);
    if (code === null || message === null) return false;
    span.statusCode = code;
    span.statusMessage = message;
  }
  return true;
}

function fillEvent(event: unknown, span: SpanDraft, value: AttributeValue): boolean {
  if (!isRecord(event)) return false;
  const name = jsonText(event.name);
  if (name === null || !span.eventTime.setJson(event.timeUnixNano)) return false;
  const attributes = itemList(event, 'attributes');
  if (attributes === null) return false;
  let members = '';
  for (const kv of attributes) {
    const key = readJsonKeyValue(kv, value, false);
    if (key === null) return false;
    if (key.length > OTLP_LIMITS.attributeKeyChars) span.reject('attribute key too long');
    members += `${members === '' ? '' : ','}${jsonString(key)}:${value.json}`;
  }
  span.addEvent(name, `{${members}}`);
  return true;
}
