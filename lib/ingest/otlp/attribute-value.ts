import { jsonString } from './json-text';

/**
 * One decoded attribute value: its JSON text, plus the plain scalar for the few keys rows derive
 * fields from (http.route, service.name...). Arrays, kvlists and bytes have no scalar.
 */
export class AttributeValue {
  json = 'null'; // an empty AnyValue serialises as null
  scalar: string | number | boolean | null = null;

  clear(): void {
    this.json = 'null';
    this.scalar = null;
  }
}

/** Text of a scalar for identity fields (service.name = 42 is still a name). */
export function scalarText(v: string | number | boolean | null): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** An HTTP status code from an int attribute or a decimal string one. */
export function scalarStatus(v: string | number | boolean | null): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  if (typeof v === 'string' && /^\d{1,4}$/.test(v)) return Number(v);
  return null;
}

/** `{...}` from key/value JSON pairs in key order, last duplicate winning (series identity). */
export function sortedObjectJson(keys: string[], values: string[]): string {
  const n = keys.length;
  if (n === 0) return '{}';
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : b - a));
  let out = '{';
  let prev: string | null = null;
  for (const i of order) {
    if (keys[i] === prev) continue;
    prev = keys[i];
    out += `${out.length > 1 ? ',' : ''}${jsonString(keys[i])}:${values[i]}`;
  }
  return `${out}}`;
}
