// Caps on decoded items. An item (span or data point) breaking one is rejected and counted in
// partial_success rather than truncated, so stored data is never silently altered.
export const OTLP_LIMITS = {
  nameChars: 1024, // span, event and metric names
  unitChars: 256,
  attributeKeyChars: 256,
  attributesJsonChars: 65_536, // serialised attributes of one span, event, data point or resource
  statusMessageChars: 8192,
  identityChars: 256, // service.name, service.version, deployment.environment(.name)
  routeChars: 1024,
  methodChars: 64,
  eventsPerSpan: 256,
  anyValueDepth: 32, // nested arrays/kvlists; deeper bodies are refused outright (stack safety)
} as const;

// PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses a lone surrogate: an item carrying one in a
// stored field is rejected like any other invalid item (sent on, it would fail its whole group commit, and the
// client's retries with it).
export const NUL_REASON = 'NUL character in text';
export const JSONB_REASON = 'U+0000 or lone surrogate in attributes';
export const hasNul = (text: string) => text.includes('\u0000');
/**
 * JSON text (as JSON.stringify writes it, which escapes only control characters and lone surrogates) holding a
 * \u0000 or a lone-surrogate escape: one preceded by an odd run of backslashes.
 */
export const jsonbRefuses = (json: string) =>
  json.includes('\\u') && /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i.test(json);
