/**
 * Feeds asked for early. The drop-in finds the page's elements before their code has arrived; it starts
 * their feed requests at once, in parallel with the code, and `loadFeed` takes the response when the element
 * asks for it: one round trip less before the page shows its reviews. Part of the drop-in's own file
 * (zmot.js), not of the elements' chunk.
 */
import { fetchOptions } from '../fetch-options.js';

const early = new Map<string, Promise<Response>>();

/** The request `loadFeed` makes. */
export function requestFeed(url: string, signal: AbortSignal): Promise<Response> {
  return fetch(url, fetchOptions({ signal, credentials: 'same-origin', headers: { accept: 'application/json' } }));
}

/** Starts the request for the feed at `url` (absolute), once; `timeout` ms until the answer starts, as `loadFeed`. */
export function prefetchFeed(url: string, timeout: number): void {
  if (early.has(url)) return;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timed out', 'TimeoutError')), timeout);
  const response = requestFeed(url, controller.signal).finally(() => clearTimeout(timer));
  // Failures are for loadFeed to report, when an element asks.
  response.catch(() => undefined);
  early.set(url, response);
}

/** The early request for `url`, once: the next load asks the network again. */
export function takePrefetched(url: string): Promise<Response> | undefined {
  const response = early.get(url);
  early.delete(url);
  return response;
}
