/**
 * Elements defined on demand, for the drop-in: a tag's module is imported the first time the page has the
 * tag — at start, then as elements are added (one MutationObserver, gone once every tag is defined) — so a
 * page pays only for the elements it shows. A shadow root is invisible from the document: `discover(root)`
 * looks inside one and watches it too.
 */

import { reserveSpace } from './reserve.js';

/** Imports one element's class. */
export type ElementLoader = () => Promise<CustomElementConstructor>;

const loaders = new Map<string, ElementLoader>();
let seen: (element: Element) => void = () => undefined;
const defining = new Map<string, Promise<void>>();
let observer: MutationObserver | undefined;

/**
 * The tags to define on demand, each with the function that imports its class; `found` hears of every
 * element of theirs found before its tag is defined.
 */
export function lazyElements(elements: Record<string, ElementLoader>, found?: (element: Element) => void): void {
  for (const [tag, load] of Object.entries(elements)) loaders.set(tag, load);
  if (found) seen = found;
}

/** Imports and defines `tag` once. A failed import is warned about and tried again when the tag is next seen. */
function define(tag: string, load: ElementLoader): Promise<void> {
  let done = defining.get(tag);
  if (!done) {
    done = load().then(
      (element) => {
        if (!customElements.get(tag)) customElements.define(tag, element);
      },
      (error: unknown) => {
        defining.delete(tag);
        console.warn(`zmot: could not load <${tag}>`, error);
      },
    );
    defining.set(tag, done);
  }
  return done;
}

/** The tags not defined yet. */
function waiting(): string[] {
  return [...loaders.keys()].filter((tag) => !customElements.get(tag));
}

/** Defines the waiting tags found at or under `node`: one selector match for the node, most of which have none. */
function scan(node: Element | Document | DocumentFragment): Promise<void>[] {
  const tags = waiting();
  const selector = tags.join();
  if (!selector || !((node as Element).matches?.(selector) || node.querySelector(selector))) return [];
  if ((node as Element).matches?.(selector)) seen(node as Element);
  node.querySelectorAll(selector).forEach(seen);
  return tags
    .filter((tag) => (node as Element).localName === tag || node.querySelector(tag))
    .map((tag) => define(tag, loaders.get(tag)!));
}

function added(records: MutationRecord[]): void {
  for (const record of records) {
    for (const node of record.addedNodes) if (node.nodeType === 1) scan(node as Element);
  }
  if (!waiting().length) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Defines the zmot elements in `root` — the document, a shadow root or an element — and those added to it
 * later. Resolves when the ones found are defined (or failed to load).
 */
export function discover(root: Document | DocumentFragment | Element = document): Promise<void> {
  if (root instanceof ShadowRoot) reserveSpace(root);
  const found = scan(root);
  if (waiting().length) {
    observer ??= new MutationObserver(added);
    observer.observe(root, { childList: true, subtree: true });
  }
  return Promise.all(found).then(() => undefined);
}
