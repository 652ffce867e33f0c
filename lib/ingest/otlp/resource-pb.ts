import { readKeyValue } from './any-value-pb';
import type { AttributeValue } from './attribute-value';
import { ResourceDraft, type ResourceIdentity } from './resource';
import { knownFields, tagOf, WIRE_LEN, type WireReader } from './wire-reader';

// resource/v1/resource.proto: Resource {attributes 1, dropped_attributes_count 2, entity_refs 3}.
const RESOURCE_ATTRIBUTES = tagOf(1, WIRE_LEN);
const RESOURCE_KNOWN = knownFields(1);

/** Decodes a Resource message ending at `end` into the identity its items share. */
export function readResource(r: WireReader, end: number, value: AttributeValue): ResourceIdentity {
  const draft = new ResourceDraft();
  while (r.pos < end) {
    const t = r.tag();
    if (t === RESOURCE_ATTRIBUTES) {
      const key = readKeyValue(r, r.lengthEnd(end), value, false);
      draft.add(key, value);
    } else r.skip(t, end, RESOURCE_KNOWN);
  }
  r.assertAt(end);
  return draft.finish();
}
