/**
 * The holdout end to end: `npm start`'s demo server (a real collector on SQLite) and Chromium. Twelve
 * browsers (fresh profiles) open a product page with `data-holdout="0.5"`; the drop-in assigns each (the
 * draw fixed per browser, so both arms are sure to be there), each orders, and `GET /v1/metrics` reads back
 * each arm's browsers and conversions as the browsers themselves recorded them.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'puppeteer-core';
import { BROWSER_UA } from './helpers.js';
import { demoAndChromium, until } from './demo-server.js';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Holdout</title>
  <script type="module" src="/dist/zmot.js" data-site="demo" data-feed="/v1/feeds/demo/{product}" data-endpoint="/v1/events" data-holdout="0.5"></script>
  </head><body><zmot-rating product="trail-runner-2"></zmot-rating></body></html>`;
/** npm start's owner token (scripts/start.js). */
const TOKEN = 'demo-owner-token-1';

describe('the holdout, end to end', () => {
  const { demo, browser } = demoAndChromium();

  async function visit(i: number, draw: number): Promise<{ arm: string; defined: boolean; feeds: number; p: Page }> {
    const context = await browser().createBrowserContext();
    const p = await context.newPage();
    await p.setUserAgent(BROWSER_UA); // headless Chromium is a bot to the collector, whose events it does not keep
    await p.evaluateOnNewDocument(`Math.random = () => ${draw};`);
    let feeds = 0;
    await p.setRequestInterception(true);
    p.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/v1/feeds/')) feeds++;
      if (path === '/shop/holdout.html') void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: PAGE });
      else void request.continue();
    });
    await p.goto(`${demo().url}/shop/holdout.html`, { waitUntil: 'load' });
    await until(p, `window.zmot && localStorage.getItem('zmot:arm')`);
    const arm = (JSON.parse((await p.evaluate(`localStorage.getItem('zmot:arm')`)) as string) as { arm: string }).arm;
    if (arm === 'shown') await until(p, `customElements.get('zmot-rating') && document.querySelector('zmot-rating').shadowRoot`);
    else await new Promise((resolve) => setTimeout(resolve, 500));
    const defined = (await p.evaluate(`!!customElements.get('zmot-rating')`)) as boolean;
    await p.evaluate(`window.zmot.conversion({ orderId: 'holdout-e2e-${i}', value: 20, currency: 'EUR' })`);
    await p.evaluate('window.zmot.flush()');
    return { arm, defined, feeds, p };
  }

  test('each browser is assigned by the drop-in, and the collector counts each arm as the browsers did', { timeout: 120_000 }, async () => {
    const visits = [];
    for (let i = 0; i < 12; i++) visits.push(await visit(i, i % 3 === 0 ? 0.2 : 0.8));
    const held = visits.filter((v) => v.arm === 'holdout');
    const shown = visits.filter((v) => v.arm === 'shown');
    assert.equal(held.length, 4);
    assert.ok(held.every((v) => !v.defined && v.feeds === 0), 'the holdout is not shown the rating, and its feed is never asked for');
    assert.ok(shown.every((v) => v.defined), 'the shown arm sees the rating');
    const today = new Date().toISOString().slice(0, 10);
    let lift: { shown: { browsers: number; conversions: number; revenue: number }; holdout: { browsers: number; conversions: number }; share: number } | undefined;
    for (let tries = 0; tries < 50; tries++) {
      const answer = await fetch(`${demo().url}/v1/metrics?site=demo&from=${today}&to=${today}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(answer.status, 200);
      lift = ((await answer.json()) as { lift?: typeof lift }).lift;
      if (lift && lift.shown.conversions + lift.holdout.conversions >= 12) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    assert.ok(lift, 'the report has a lift');
    assert.equal(lift.share, 0.5);
    assert.equal(lift.shown.browsers, 8);
    assert.equal(lift.holdout.browsers, 4);
    assert.equal(lift.shown.conversions, 8);
    assert.equal(lift.holdout.conversions, 4);
    assert.equal(lift.shown.revenue, 160);
    await Promise.all(visits.map((v) => v.p.browserContext().close()));
  });
});
