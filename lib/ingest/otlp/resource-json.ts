import { readJsonKeyValue } from './any-value-json';
import type { AttributeValue } from './attribute-value';
import { isRecord } from './json-body';
import { EMPTY_RESOURCE, ResourceDraft, type ResourceIdentity } from './resource';

/** The `resource` of a resourceSpans/resourceMetrics entry; a malformed one rejects its items. */
export function readJsonResource(resource: unknown, value: AttributeValue): ResourceIdentity {
  if (resource === undefined || resource === null) return EMPTY_RESOURCE;
  const draft = new ResourceDraft();
  const attributes = isRecord(resource) ? (resource.attributes ?? []) : null;
  if (!Array.isArray(attributes)) return { ...draft.finish(), reason: 'malformed resource' };
  for (const kv of attributes) {
    const key = readJsonKeyValue(kv, value, false);
    if (key === null) return { ...draft.finish(), reason: 'malformed resource' };
    draft.add(key, value);
  }
  return draft.finish();
}
