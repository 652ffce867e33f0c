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
