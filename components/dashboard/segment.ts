/** A dynamic route segment as the user typed it: percent-decoded, left as is when it is not valid encoding. */
export function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
