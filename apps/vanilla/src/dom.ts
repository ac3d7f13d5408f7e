/**
 * The element with this `data-testid`, checked to be a `type` (an HTMLElement unless given); the markup lives in
 * index.html, so a missing or different element is a bug.
 */
export function byTestId(testId: string): HTMLElement;
export function byTestId<T extends HTMLElement>(testId: string, type: new () => T): T;
export function byTestId(testId: string, type: new () => HTMLElement = HTMLElement): HTMLElement {
  const element = document.querySelector(`[data-testid="${testId}"]`);
  if (element === null) throw new Error(`index.html has no element with data-testid="${testId}".`);
  if (!(element instanceof type)) {
    throw new Error(`index.html's data-testid="${testId}" is not a ${type.name} but ${element.constructor.name}.`);
  }
  return element;
}

/** Creates an element with attributes and children, the little the app needs from a template language. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
