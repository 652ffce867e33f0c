/** A same-site path to go to after sign-in; anything else (absolute or protocol-relative URLs) -> /projects. */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/projects';
  return value;
}
