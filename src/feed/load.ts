/**
 * Loading feeds: one request per feed URL per page however many elements ask, a timeout, and an
 * `AbortSignal` per caller that never cancels the request other callers are still waiting for.
 */
import { requestFeed, takePrefetched } from './prefetch.js';
import type { ParsedFeed } from './schema.js';
import { FeedValidationError, validateFeed } from './validate.js';

/** Why a feed could not be shown; `zmot-error` carries it so a developer knows what to fix. */
export type FeedErrorReason = 'config' | 'network' | 'timeout' | 'http' | 'parse' | 'invalid';

export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    readonly reason: FeedErrorReason,
    message: string,
    readonly url?: string,
  ) {
    super(message);
  }
}

export interface LoadOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is given up; 8000 unless said otherwise. */
  timeout?: number;
}

export const DEFAULT_TIMEOUT = 8000;

const inflight = new Map<string, Promise<ParsedFeed>>();

/** Forgets every loaded feed, so the next load asks the network again. */
export function clearFeedCache(): void {
  inflight.clear();
}

/** Fills `{product}` in a feed URL template with the URL-encoded product id. */
export function feedUrl(template: string, product: string | undefined): string {
  if (!template.includes('{product}')) return template;
  if (!product) throw new FeedError('config', `the feed URL "${template}" needs a product id, and the element has none`);
  return template.split('{product}').join(encodeURIComponent(product));
}

async function request(url: string, timeout: number): Promise<ParsedFeed> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  let response: Response;
  try {
    // The drop-in may have asked already, before the element's code arrived (prefetch.ts).
    response = await (takePrefetched(url) ?? requestFeed(url, controller.signal));
  } catch (error) {
    if (controller.signal.aborted || (error as Error).name === 'TimeoutError') {
      throw new FeedError('timeout', `the feed did not answer within ${timeout} ms`, url);
    }
    throw new FeedError('network', `the feed could not be fetched (${(error as Error).message})`, url);
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) throw new FeedError('http', `the feed answered HTTP ${response.status}`, url);
  let json: unknown;
  try {
    json = JSON.parse(await response.text());
  } catch {
    throw new FeedError('parse', 'the feed is not valid JSON', url);
  }
  try {
    return validateFeed(json);
  } catch (error) {
    if (error instanceof FeedValidationError) throw new FeedError('invalid', error.message, url);
    throw error;
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Loads and validates the feed at `url` (relative URLs resolve against the document). Rejects with a
 * `FeedError`, or with the signal's reason when the caller aborts.
 */
export function loadFeed(url: string, options: LoadOptions = {}): Promise<ParsedFeed> {
  let shared = inflight.get(url);
  if (!shared) {
    shared = request(url, options.timeout ?? DEFAULT_TIMEOUT);
    inflight.set(url, shared);
    // A failed load is forgotten, so a later element (or a retry) asks again.
    shared.catch(() => inflight.delete(url));
  }
  return abortable(shared, options.signal);
}

/** Validates a feed object given directly through an element's `data` property. */
export function acceptFeed(data: unknown): ParsedFeed {
  try {
    return validateFeed(data);
  } catch (error) {
    if (error instanceof FeedValidationError) throw new FeedError('invalid', error.message);
    throw error;
  }
}
