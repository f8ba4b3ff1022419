/**
 * Privacy, end to end: `npm start`'s demo server (a real collector) and Chromium, every request the page
 * makes recorded through puppeteer's request interception.
 * - With `data-consent="pending"`, a visitor who lands through a referral link, filters, answers NPS, shares,
 *   and orders causes no request to the endpoint — none, not even after the flush timer and `zmot.flush()` —
 *   and nothing is stored: localStorage, sessionStorage, cookies, IndexedDB and Cache Storage stay empty.
 * - `zmot.consent(true)` then sends what waited; zmot sets no cookie at any point (no `document.cookie`, no
 *   `Set-Cookie` from the collector, no cookie in the browser), and no event URL carries the landing
 *   page's query string or fragment.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { BROWSER_UA } from './helpers.js';
import { demoAndChromium, until } from './demo-server.js';

interface Seen {
  method: string;
  path: string;
  body?: string;
}

const page = (consent: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy</title>
  <script>window.__events = []; document.addEventListener('zmot-event', (e) => __events.push(e.detail));</script>
  <script type="module" src="/dist/zmot.js" data-site="demo" data-feed="/v1/feeds/demo/{product}" data-endpoint="/v1/events" data-consent="${consent}"></script>
  </head><body>
  <zmot-rating product="trail-runner-2" variant="full"></zmot-rating>
  <zmot-testimonials product="trail-runner-2" limit="2"></zmot-testimonials>
  <zmot-recommend product="trail-runner-2" channels="copy,email"></zmot-recommend>
  </body></html>`;

/** Everything the browser keeps for the page's origin. */
const stored = (p: Page) =>
  p.evaluate(`(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookie: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
  }))()`) as Promise<{ local: string[]; session: string[]; cookie: string; indexedDB: string[]; caches: string[] }>;

const click = async (p: Page, selector: string) => (await p.waitForSelector(selector, { timeout: 10_000 }))!.click();

describe('privacy, end to end', () => {
  const { demo, browser } = demoAndChromium();

  /** A visitor's whole journey on a fresh browser profile; returns the page and every request it made. */
  async function journey(consent: 'pending' | 'granted'): Promise<{ p: Page; seen: Seen[]; setCookies: string[] }> {
    const context = await browser().createBrowserContext();
    const p = await context.newPage();
    // Headless Chromium counts as a bot, whose events the collector would not store.
    await p.setUserAgent(BROWSER_UA);
    const seen: Seen[] = [];
    const setCookies: string[] = [];
    await p.setRequestInterception(true);
    p.on('request', (request: HTTPRequest) => {
      const url = new URL(request.url());
      seen.push({ method: request.method(), path: url.pathname, body: request.postData() });
      if (url.pathname === '/shop/product.html') {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: page(consent) });
      } else void request.continue();
    });
    p.on('response', (response) => {
      const cookie = response.headers()['set-cookie'];
      if (cookie) setCookies.push(`${new URL(response.url()).pathname}: ${cookie}`);
    });
    // A landing through a referral link, with personal data in the query string and fragment.
    await p.goto(`${demo().url}/shop/product.html?zmot_ref=friend1234&email=ana%40example.com&utm_source=x#order-77`, { waitUntil: 'load' });
    await until(p, `document.querySelector('zmot-recommend')?.shadowRoot?.querySelector('input[value="10"]') && document.querySelector('zmot-rating').shadowRoot.querySelector('button.row')`);
    await click(p, 'zmot-rating >>> button.row');
    await click(p, 'zmot-recommend >>> input[value="10"]');
    await click(p, 'zmot-recommend >>> button[type="submit"]');
    await until(p, `document.querySelector('zmot-recommend').shadowRoot.querySelector('[part~="share"]')`);
    await p.evaluate(`window.zmot.conversion({ orderId: 'order-privacy-${consent}', value: 10, currency: 'EUR' })`);
    return { p, seen, setCookies };
  }

  test('consent pending: no request to the endpoint, nothing stored; consent(true) sends what waited', { timeout: 60_000 }, async () => {
    const { p, seen, setCookies } = await journey('pending');
    await new Promise((resolve) => setTimeout(resolve, 6000)); // past the 5 s batch timer
    await p.evaluate('window.zmot.flush()');
    const events = (await p.evaluate('window.__events')) as { type: string }[];
    assert.ok(['referral_landing', 'render', 'interaction', 'nps', 'conversion'].every((t) => events.some((e) => e.type === t)), 'the page heard every event');
    assert.deepEqual(seen.filter((r) => r.method !== 'GET'), [], 'no request but GETs');
    const gets = [...new Set(seen.map((r) => r.path.replace(/[^/]+\.js$/, '*.js')))];
    assert.ok(gets.every((path) => /^\/(shop\/product\.html|dist\/.*\*\.js|v1\/feeds\/demo\/trail-runner-2|favicon\.ico)$/.test(path)), `only the page, the drop-in and its feed: ${gets.join(', ')}`);
    assert.deepEqual(await stored(p), { local: [], session: [], cookie: '', indexedDB: [], caches: [] });
    assert.deepEqual(await p.browserContext().cookies(), []);
    // The referral parameter is gone from the address bar; the rest of the URL stays as the site made it.
    assert.equal(new URL(p.url()).searchParams.has('zmot_ref'), false);

    await p.evaluate('window.zmot.consent(true)');
    await p.evaluate('window.zmot.flush()');
    const posts = seen.filter((r) => r.method === 'POST');
    assert.ok(posts.length > 0 && posts.every((r) => r.path === '/v1/events'));
    const sent = posts.flatMap((r) => (JSON.parse(r.body!) as { events: { type: string; url: string }[] }).events);
    assert.deepEqual([...new Set(sent.map((e) => e.type))].sort(), [...new Set(events.map((e) => e.type))].sort());
    assert.ok(sent.every((e) => e.url === `${demo().url}/shop/product.html`), `event URLs: ${[...new Set(sent.map((e) => e.url))].join(', ')}`);
    assert.doesNotMatch(JSON.stringify(sent), /ana%40example|ana@example|utm_source|order-77/);
    assert.deepEqual(setCookies, []);
    assert.deepEqual(await p.browserContext().cookies(), []);
    await p.browserContext().close();
  });

  test('consent granted: zmot stores only its documented keys and sets no cookie; event URLs carry no query or fragment', { timeout: 60_000 }, async () => {
    const { p, seen, setCookies } = await journey('granted');
    await p.evaluate('window.zmot.flush()');
    const keep = await stored(p);
    // The documented keys (docs/recommend.md, docs/telemetry.md): the visitor's code, the referral, orders,
    // the NPS answer's time, and the outbox while events are unconfirmed; the session's landed codes.
    assert.ok(keep.local.every((k) => /^zmot:(ref|touch|orders|nps|outbox:[\w-]+)$/.test(k)), keep.local.join(', '));
    assert.ok(['zmot:ref', 'zmot:touch', 'zmot:orders', 'zmot:nps'].every((k) => keep.local.includes(k)), keep.local.join(', '));
    assert.deepEqual(keep.session, ['zmot:landed']);
    assert.equal(keep.cookie, '');
    assert.deepEqual(keep.indexedDB, []);
    assert.deepEqual(setCookies, []);
    assert.deepEqual(await p.browserContext().cookies(), []);
    const sent = seen.filter((r) => r.method === 'POST').flatMap((r) => (JSON.parse(r.body!) as { events: { url: string }[] }).events);
    assert.ok(sent.length >= 5);
    assert.ok(sent.every((e) => !/[?#]/.test(e.url)), 'no query string or fragment in any event URL');
    assert.doesNotMatch(JSON.stringify(sent), /ana%40example|ana@example|utm_source|order-77/);
    await p.browserContext().close();
  });
});
