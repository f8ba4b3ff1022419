/**
 * The page view: its id (renewed when the page comes back from the back/forward cache, which is a new
 * page view), its sampling roll, and its URL without query or fragment.
 */
import { uuidv7 } from './ids.js';

let pv = '';
let roll = 0;
const listeners = new Set<() => void>();

/** The current page-view id; made on first use. */
export function pageView(): string {
  if (!pv) {
    pv = uuidv7();
    roll = Math.random();
  }
  return pv;
}

/** Whether this page view is among the sampled ones at `rate` (0 < rate ≤ 1). */
export function sampled(rate: number): boolean {
  pageView();
  return roll < rate;
}

/** Starts a new page view (bfcache restore) and tells every listener. */
export function newPageView(): void {
  pv = '';
  pageView();
  listeners.forEach((listener) => listener());
}

/** Calls `listener` when a new page view starts; returns the function that stops it. */
export function onPageView(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The page's URL without user name and password, query string or fragment (they may carry personal data,
 * and the collector refuses a URL with any of them).
 */
export function pageUrl(url = document.URL): string {
  const { origin, pathname } = new URL(url);
  return origin + pathname;
}
