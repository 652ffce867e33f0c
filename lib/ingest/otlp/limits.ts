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

// PostgreSQL text and jsonb cannot hold U+0000: an item carrying it in a stored text field is rejected like any
// other invalid item (sent on, it would fail its whole group commit, and the client's retries with it).
export const NUL_REASON = 'NUL character in text';
export const hasNul = (text: string) => text.includes('\u0000');
/** JSON text with a \u0000 escape (an odd run of backslashes before `u0000`). */
export const jsonHasNul = (json: string) => json.includes('u0000') && /(?:^|[^\\])(?:\\\\)*\\u0000/.test(json);
