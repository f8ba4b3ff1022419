/**
 * Every element under a strict Content-Security-Policy with Trusted Types, end to end: `npm start`'s demo
 * server serves the demo pages at /demo-csp/ with STRICT_CSP (script-src and style-src 'self', no inline
 * code or style attributes, `require-trusted-types-for 'script'`, policies `zmot` and `lit-html` only), and
 * Chromium renders them, and a visitor uses every visible state: filter by stars, show more reviews, the
 * carousel, NPS answers that open the share panel and the private feedback box, the modal dialog. Not one
 * `securitypolicyviolation`, error or warning; and a deliberate violation is seen, so the watch works.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { STRICT_CSP } from '../../src/collector/csp.js';
import { event, post } from './helpers.js';
import { demoAndChromium, ROOT, until, watchedPage } from './demo-server.js';

/** A control inside an element's shadow root, clicked as a pointer user would. */
async function click(page: Page, host: string, selector: string): Promise<void> {
  const handle = await page.waitForSelector(`${host} >>> ${selector}`, { timeout: 10_000 });
  await handle!.click();
}

const rendered = (selector: string) =>
  `[...document.querySelectorAll(${JSON.stringify(selector)})].every((el) => el.shadowRoot?.querySelector('[part~="base"]:not([aria-busy])'))`;


describe('strict CSP and Trusted Types, end to end', () => {
  const { demo, browser } = demoAndChromium();

  test('the demo is served under the strict policy at /demo-csp/, and as before at /demo/', async () => {
    const strict = await fetch(`${demo().url}/demo-csp/shoe.html`);
    assert.equal(strict.status, 200);
    assert.equal(strict.headers.get('content-security-policy'), STRICT_CSP);
    assert.match(STRICT_CSP, /script-src 'self'(;|$)/);
    assert.match(STRICT_CSP, /style-src 'self'(;|$)/);
    assert.match(STRICT_CSP, /require-trusted-types-for 'script'/);
    assert.match(STRICT_CSP, /trusted-types zmot lit-html 'allow-duplicates'(;|$)/);
    const plain = await fetch(`${demo().url}/demo/shoe.html`);
    assert.equal(plain.headers.get('content-security-policy'), null);
  });

  test('B2C page (classic build): ratings, list, filter, show more, NPS 10 → share panel; JSON-LD through the zmot policy', { timeout: 60_000 }, async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${demo().url}/demo-csp/shoe.html`, { waitUntil: 'load' });
    await until(page, `${rendered('zmot-rating')} && ${rendered('zmot-testimonials')} && ${rendered('zmot-recommend')}`);
    // The distribution bars have their widths (set through the CSSOM, not a blocked style attribute).
    const widths = await page.$$eval('zmot-rating[variant="full"] >>> .fill', (fills) => fills.map((f) => (f as unknown as { style: { inlineSize: string } }).style.inlineSize));
    assert.equal(widths.length, 5);
    assert.ok(widths.every((w) => /^\d+(\.\d+)?%$/.test(w)), `bar widths: ${widths.join(', ')}`);
    assert.ok(widths.some((w) => w !== '0%'));
    // JSON-LD: a <script> whose text went through the `zmot` Trusted Types policy.
    const jsonLd = await page.$eval('script[type="application/ld+json"][data-zmot-product]', (s) => JSON.parse(s.textContent!) as { '@type': string });
    assert.equal(jsonLd['@type'], 'Product');

    await click(page, 'zmot-rating[variant="full"]', 'button.row');
    await until(page, `document.querySelector('zmot-testimonials').shadowRoot.querySelector('[part~="clear-filter"]')`);
    await click(page, 'zmot-testimonials', '[part~="clear-filter"]');
    await click(page, 'zmot-testimonials', '[part~="show-more"]');
    await until(page, `document.querySelector('zmot-testimonials').shadowRoot.querySelectorAll('[part~="testimonial"]').length > 4`);

    await click(page, 'zmot-recommend', 'input[value="10"]');
    await click(page, 'zmot-recommend', 'button[type="submit"]');
    await until(page, `document.querySelector('zmot-recommend').shadowRoot.querySelector('[part~="share"]')`);
    await page.click('#buy');
    await page.evaluate('window.zmot.flush()');

    const { violations, errors, failed } = await problems();
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    // The demo's product with no reviews yet has an empty feed (its badge says "No reviews yet"), not a 404.
    assert.deepEqual(failed.filter((f) => !f.endsWith('/favicon.ico')), []);
  });

  test('B2B page (module build): sources, grid, carousel, modal dialog, NPS 3 → private feedback', { timeout: 60_000 }, async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${demo().url}/demo-csp/b2b.html`, { waitUntil: 'load' });
    await until(page, `${rendered('zmot-rating')} && ${rendered('zmot-testimonials')}`);
    const sources = await page.$$eval('zmot-rating[variant="full"] >>> [part~="sources"] li', (items) => items.length);
    assert.ok(sources >= 3, `per-source rows: ${sources}`);
    await click(page, 'zmot-testimonials[layout="carousel"]', '[part~="next"]');
    await click(page, 'zmot-testimonials[layout="carousel"]', '[part~="previous"]');

    await page.click('#recommend');
    await until(page, `document.querySelector('zmot-recommend[modal]').shadowRoot.querySelector('dialog[open]')`);
    await click(page, 'zmot-recommend[modal]', 'input[value="3"]');
    await until(page, `document.querySelector('zmot-recommend[modal]').shadowRoot.querySelector('textarea')`);
    await page.type('zmot-recommend[modal] >>> textarea', 'The bank feed <img src=x onerror="window.__pwned=1"> broke');
    await click(page, 'zmot-recommend[modal]', 'button[type="submit"]');
    await until(page, `!document.querySelector('zmot-recommend[modal]').shadowRoot.querySelector('textarea')`);
    await page.evaluate('window.zmot.flush()');
    assert.equal(await page.evaluate('window.__pwned'), undefined);

    const { violations, errors, failed } = await problems();
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(failed.filter((f) => !f.endsWith('/favicon.ico')), []);
  });

  test('<zmot-dashboard> on a site owner\'s own page under the policy: the loader fetches its module, which signs in', { timeout: 60_000 }, async () => {
    // One event, so the report has cards and a chart (the empty state is text only).
    const answer = await post(demo().url, { v: 1, site: 'demo', sent: Date.now(), events: [{ ...event('render'), ts: Date.now(), url: 'https://demo.example/p' }] });
    assert.equal(answer.status, 202);
    const { page, problems } = await watchedPage(browser());
    // The owner's admin page, on the collector's origin, with the strict policy as its header.
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (!request.url().endsWith('/admin.html')) return void request.continue();
      void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': STRICT_CSP },
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Admin</title>
          <script type="module" src="/dist/zmot.js" data-site="demo" data-endpoint="/v1/events"></script></head>
          <body><main><zmot-dashboard src="/" site="demo"></zmot-dashboard></main></body></html>`,
      });
    });
    await page.goto(`${demo().url}/admin.html`, { waitUntil: 'load' });
    const app = `document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector('zmot-dashboard-app')?.shadowRoot`;
    await until(page, `${app}?.querySelector('input[type="password"]')`);
    await page.type('zmot-dashboard >>> input[type="password"]', 'demo-owner-token-1');
    await page.keyboard.press('Enter');
    await until(page, `${app}?.querySelector('[data-card]')`);
    const { violations, errors, failed } = await problems();
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    assert.deepEqual(failed.filter((f) => !f.endsWith('/favicon.ico')), []);
  });

  test('every demo page loads under the policy with no violation, error or warning', { timeout: 90_000 }, async () => {
    const pages = readdirSync(join(ROOT, 'demo')).filter((name) => name.endsWith('.html'));
    assert.ok(pages.length >= 3);
    for (const name of pages) {
      const { page, problems } = await watchedPage(browser());
      await page.goto(`${demo().url}/demo-csp/${name}`, { waitUntil: 'networkidle0' });
      await until(page, `[...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('zmot-')).every((el) => customElements.get(el.localName))`);
      const { violations, errors } = await problems();
      assert.deepEqual({ name, violations, errors }, { name, violations: [], errors: [] });
      await page.browserContext().close();
    }
  });

  test('the watch works: a style attribute and an untrusted script sink on the same page are reported', async () => {
    const { page, problems } = await watchedPage(browser());
    await page.goto(`${demo().url}/demo-csp/index.html`, { waitUntil: 'load' });
    // Trusted Types refuses a plain string for a script's text.
    const refused = await page.evaluate(`(() => {
      document.body.setAttribute('style', 'outline: 1px solid red');
      try {
        document.createElement('script').text = '1';
        return false;
      } catch {
        return true;
      }
    })()`);
    assert.equal(refused, true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { violations } = await problems();
    assert.ok(violations.some((v) => v.startsWith('style-src-attr')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('require-trusted-types-for')), violations.join('\n'));
  });
});
