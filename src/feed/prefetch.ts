/**
 * Feeds asked for early. The drop-in finds the page's elements before their code has arrived; it starts
 * their feed requests at once, in parallel with the code, and `loadFeed` takes the response when the element
 * asks for it: one round trip less before the page shows its reviews. In the drop-in's own file (zmot.js),
 * not in the elements' chunk, so it imports nothing.
 */
import { config } from '../config.js';

const early = new Map<string, Promise<Response>>();

/** The request `loadFeed` makes. */
export function requestFeed(url: string, signal: AbortSignal): Promise<Response> {
  return fetch(url, { signal, credentials: 'same-origin', headers: { accept: 'application/json' } });
}

/**
 * Starts the request for the feed `element` will ask for: its `feed` attribute or the page's template, with
 * its product. Nothing for an element given its feed as `data`, or without the product its template needs.
 */
export function prefetchFeed(element: Element): void {
  const template = element.getAttribute('feed') ?? config.feed;
  const product = element.getAttribute('product');
  if (!template || Object.prototype.hasOwnProperty.call(element, 'data')) return;
  if (template.includes('{product}') && !product) return;
  try {
    const url = new URL(template.split('{product}').join(encodeURIComponent(product ?? '')), document.baseURI).href;
    if (early.has(url)) return;
    // As loadFeed does: the page's timeout until the answer starts, none for its body.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), config.timeout);
    const response = requestFeed(url, controller.signal).finally(() => clearTimeout(timer));
    // Failures are for loadFeed to report, when an element asks.
    response.catch(() => undefined);
    early.set(url, response);
  } catch {
    // A template that is not a URL: the element reports it.
  }
}

/** The early request for `url`, once: the next load asks the network again. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const response = early.get(url);
  early.delete(url);
  return response;
}
