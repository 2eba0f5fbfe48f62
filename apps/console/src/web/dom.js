// @ts-check
// A tiny helper to build DOM nodes: h('td', { class: 'up' }, 'text', child). No framework:
// the page re-renders a section from the latest view, which is small.

/**
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined | ((event: Event) => void)>} [attributes]
 * @param {...(Node | string | number | undefined | null | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'object' ? child : String(child));
  }
  return element;
}

/**
 * Replaces the content of the element with this id.
 * @param {string} id
 * @param {...(Node | string)} nodes
 */
export function show(id, ...nodes) {
  const element = document.getElementById(id);
  if (element) element.replaceChildren(...nodes);
}

/**
 * A table from a header row and body rows.
 * @param {readonly string[]} headings
 * @param {readonly HTMLElement[]} rows
 * @param {Record<string, string>} [attributes]
 */
export function table(headings, rows, attributes = {}) {
  return h(
    'table',
    attributes,
    h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', {}, heading)))),
    h('tbody', {}, ...rows),
  );
}

/** @param {number} ms */
export const clock = (ms) => new Date(ms).toISOString().slice(11, 23);
