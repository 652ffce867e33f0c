import type { SpanRow } from '../rows';
import { type AttributeValue, scalarStatus, scalarText } from './attribute-value';
import { jsonString } from './json-text';
import { JsonWriter } from './json-writer';
import { KeyWatch } from './key-watch';
import { hasNul, NUL_REASON, OTLP_LIMITS } from './limits';
import { diffNanos, TimeParts } from './nanos';
import type { RejectTally } from './reject-tally';
import type { ResourceIdentity } from './resource';

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CONSUMER = 5;
const STATUS_ERROR = 2;
const INT2_MAX = 32_767;
const COMMA = 0x2c;

/** Span attributes that feed row fields; ids are indexes into this list. */
export const SPAN_WATCH = new KeyWatch([
  'http.route',
  'http.request.method',
  'http.method',
  'http.response.status_code',
  'http.status_code',
]);

/**
 * Thrown by a SpanDraft that skips attributes when the bounds it kept cannot tell whether the span's attribute
 * JSON is within the limit; the decoder then decodes the request again without skipping (decodeTracesProtobuf).
 */
export class ExactAttributesNeeded extends Error {}

/**
 * One span being decoded. Protobuf and JSON decoders fill it field by field (in any wire order),
 * writing attributes and events as JSON text, then `finish` validates and emits the row.
 * Reused across the spans of a request. Without `details` the rows carry '' for the attribute, resource and
 * event JSON (the ingest path: those stay in the stored request body); every check still runs, so both modes
 * accept and reject the same spans.
 * With `skipStrings` (only without details), plain string attributes (see readAttribute) are not written at
 * all: only bounds of the JSON they would have made are kept, and the size limit is decided on those when they
 * decide it (almost always: the limit is 64 KiB), else ExactAttributesNeeded.
 */
export class SpanDraft {
  constructor(
    private readonly details = true,
    readonly skipStrings = false,
  ) {}

  traceId = ''; // '' until a valid id is seen
  spanId = '';
  parentSpanId = '';
  name = '';
  kind = 0;
  readonly start = new TimeParts();
  readonly end = new TimeParts();
  readonly eventTime = new TimeParts(); // scratch for the event being decoded
  statusCode = 0;
  statusMessage = '';
  private readonly attributes = new JsonWriter();
  private attributeCount = 0;
  // Bytes that the skipped attributes would have added to the attribute JSON, at least and at most.
  private skippedMin = 0;
  private skippedMax = 0;
  private readonly events = new JsonWriter();
  private eventCount = 0;
  private eventAttributesStart = 0;
  private eventAttributeCount = 0;
  // The OTLP/JSON path already holds decoded text, so it concatenates strings instead of bytes.
  private attributesText = '';
  private eventsText = '';
  private route: string | null = null;
  private method: string | null = null;
  private methodLegacy: string | null = null;
  private httpStatus: number | null = null;
  private httpStatusLegacy: number | null = null;
  private reason = '';

  reset(): void {
    this.traceId = '';
    this.spanId = '';
    this.parentSpanId = '';
    this.name = '';
    this.kind = 0;
    this.start.clear();
    this.end.clear();
    this.statusCode = 0;
    this.statusMessage = '';
    this.attributes.reset();
    this.attributeCount = 0;
    this.skippedMin = 0;
    this.skippedMax = 0;
    this.events.reset();
    this.eventCount = 0;
    this.attributesText = '';
    this.eventsText = '';
    this.route = null;
    this.method = null;
    this.methodLegacy = null;
    this.httpStatus = null;
    this.httpStatusLegacy = null;
    this.reason = '';
  }

  /** Records why the span must be rejected; the first reason wins. */
  reject(reason: string): void {
    if (this.reason === '') this.reason = reason;
  }

  /** Opens the next attribute (protobuf path); the caller writes `"key":value`. */
  nextAttribute(): JsonWriter {
    this.attributes.byte(this.attributeCount++ === 0 ? 0x7b : COMMA);
    return this.attributes;
  }

  /**
   * A string attribute not written (skipStrings), of `bytes` UTF-8 bytes of key and value together. Written, it
   * would be a separator and `"key":"value"`: 6 + bytes when nothing needs escaping, and at most 6 + 6 * bytes
   * (a byte becomes at most 6: a control character as \u00XX; an invalid byte as U+FFFD is 3).
   */
  skipAttribute(bytes: number): void {
    this.skippedMin += 6 + bytes;
    this.skippedMax += 6 + 6 * bytes;
  }

  /** Whether the attribute JSON is over its limit (counted as the written JSON's length + 1). */
  private attributesTooLarge(): boolean {
    const written = this.attributes.len + this.attributesText.length + 1;
    if (written + this.skippedMin > OTLP_LIMITS.attributesJsonChars) return true;
    if (written + this.skippedMax <= OTLP_LIMITS.attributesJsonChars) return false;
    throw new ExactAttributesNeeded();
  }

  /** A watched attribute's value (id from SPAN_WATCH). */
  watched(id: number, scalar: string | number | boolean | null): void {
    if (id === 0) this.route = scalarText(scalar);
    else if (id === 1) this.method = scalarText(scalar);
    else if (id === 2) this.methodLegacy = scalarText(scalar);
    else if (id === 3) this.httpStatus = scalarStatus(scalar);
    else if (id === 4) this.httpStatusLegacy = scalarStatus(scalar);
  }

  /** An attribute decoded to text (the OTLP/JSON path). */
  addAttribute(key: string, value: AttributeValue): void {
    if (key.length > OTLP_LIMITS.attributeKeyChars) this.reject('attribute key too long');
    this.attributesText += `${this.attributesText === '' ? '{' : ','}${jsonString(key)}:${value.json}`;
    const id = SPAN_WATCH.idOf(key);
    if (id >= 0) this.watched(id, value.scalar);
  }

  /** An event decoded to text (the OTLP/JSON path), timed by `eventTime`; attributes as `{...}`. */
  addEvent(name: string, attributesJson: string): void {
    if (++this.eventCount > OTLP_LIMITS.eventsPerSpan) this.reject('too many events');
    if (name.length > OTLP_LIMITS.nameChars) this.reject('event name too long');
    if (attributesJson.length > OTLP_LIMITS.attributesJsonChars) this.reject('attributes too large');
    const event = `{"name":${jsonString(name)},"timeMs":${this.eventTime.epochMs()},"attributes":${attributesJson}}`;
    this.eventsText += `${this.eventsText === '' ? '[' : ','}${event}`;
  }

  /** Opens an event (protobuf path): the caller then writes its name as a JSON string and calls eventTimed. */
  openEvent(): JsonWriter {
    if (++this.eventCount > OTLP_LIMITS.eventsPerSpan) this.reject('too many events');
    this.events.byte(this.eventCount === 1 ? 0x5b : COMMA);
    this.events.ascii('{"name":');
    return this.events;
  }

  /** After the event name: its time (from `eventTime`), then its attributes follow. */
  eventTimed(): void {
    this.events.ascii(`,"timeMs":${this.eventTime.epochMs()},"attributes":{`);
    this.eventAttributesStart = this.events.len;
    this.eventAttributeCount = 0;
  }

  nextEventAttribute(): JsonWriter {
    if (this.eventAttributeCount++ > 0) this.events.byte(COMMA);
    return this.events;
  }

  closeEvent(): void {
    if (this.events.len - this.eventAttributesStart + 2 > OTLP_LIMITS.attributesJsonChars)
      this.reject('attributes too large');
    this.events.ascii('}}');
  }

  /** Validates the span and appends its row, or counts it as rejected. */
  finish(resource: ResourceIdentity, rows: SpanRow[], tally: RejectTally): void {
    const durationNs = diffNanos(this.start, this.end);
    const route = this.route ?? this.name;
    const method = this.method ?? this.methodLegacy ?? '';
    let reason = '';
    if (this.traceId === '') reason = 'invalid trace_id';
    else if (this.spanId === '') reason = 'invalid span_id';
    else if (this.reason !== '') reason = this.reason;
    else if (this.start.isZero()) reason = 'zero start time';
    else if (durationNs < 0) reason = 'end before start';
    else if (this.name.length > OTLP_LIMITS.nameChars) reason = 'name too long';
    else if (this.statusMessage.length > OTLP_LIMITS.statusMessageChars) reason = 'status message too long';
    else if (this.attributesTooLarge()) reason = 'attributes too large';
    else if (route.length > OTLP_LIMITS.routeChars) reason = 'route too long';
    else if (method.length > OTLP_LIMITS.methodChars) reason = 'method too long';
    else if (hasNul(this.name) || hasNul(this.statusMessage) || hasNul(route) || hasNul(method)) reason = NUL_REASON;
    else if (this.kind > INT2_MAX || this.statusCode > INT2_MAX)
      reason = 'invalid kind or status code'; // smallint columns
    else if (resource.reason !== '') reason = resource.reason;
    if (reason !== '') {
      tally.add(reason);
      return;
    }
    if (this.attributeCount > 0) this.attributes.byte(0x7d);
    if (this.events.len > 0) this.events.byte(0x5d);
    const httpStatus = this.httpStatus ?? this.httpStatusLegacy ?? 0;
    rows.push({
      traceId: this.traceId,
      spanId: this.spanId,
      parentSpanId: this.parentSpanId,
      name: this.name,
      kind: this.kind,
      startMs: this.start.epochMs(),
      durationMs: durationNs / 1_000_000,
      statusCode: this.statusCode,
      statusMessage: this.statusMessage,
      service: resource.service,
      release: resource.release,
      environment: resource.environment,
      route,
      method,
      httpStatus,
      isRequest: this.kind === SPAN_KIND_SERVER || this.kind === SPAN_KIND_CONSUMER,
      isError: this.statusCode === STATUS_ERROR || httpStatus >= 500,
      attributesJson: this.details ? this.attributesJson() : '',
      resourceJson: this.details ? resource.json : '',
      eventsJson: this.details ? this.eventsJson() : '',
    });
  }

  private attributesJson(): string {
    if (this.attributeCount > 0) return this.attributes.toString();
    return this.attributesText === '' ? '{}' : `${this.attributesText}}`;
  }

  private eventsJson(): string {
    if (this.events.len > 0) return this.events.toString();
    return this.eventsText === '' ? '[]' : `${this.eventsText}]`;
  }
}
