/**
 * The one way the matcher builds DOM: elements, attributes and text nodes. Pasted text only ever
 * becomes a text node; nothing here parses HTML.
 */

/** A child: an element, a text (becomes a text node), or nothing. */
export type Child = Node | string | null | undefined | false;

/** Attributes to set; `class` and `data-*` included. Undefined values are skipped. */
export type Attributes = Readonly<Record<string, string | undefined>>;

/** Creates an element with attributes and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, children);
  return element;
}

/** Appends children, turning strings into text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
}
