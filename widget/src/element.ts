/**
 * Creates an element with attributes and children. The widget builds DOM with this and text nodes
 * only, never innerHTML: a Trusted Types CSP is fine and data-* texts can never become markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...kids: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const name in attrs) el.setAttribute(name, attrs[name]);
  el.append(...kids);
  return el;
}
