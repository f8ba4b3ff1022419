// What the collector adds for <zmot-dashboard>: breakdowns and the NPS distribution in the report, the site
// list, the browser files it serves, and the dashboard page at `/`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import Fastify from 'fastify';
import { SiteAccess } from '../../src/collector/access.js';
import { dashboardRoutes } from '../../src/collector/dashboard-routes.js';
import { HOME_CSP } from '../../src/collector/home.js';
import type { Report, SitesAnswer } from '../../src/report/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, BROWSER_UA, DAY, event, get, openFresh, post, startCollector, STORE_KINDS, T0, tempDir, TOKEN, type Running } from './helpers.js';

const DAY1 = '2026-03-10';
const auth = { authorization: `Bearer ${TOKEN}` };

for (const kind of STORE_KINDS) {
  describe(`dashboard API (${kind})`, () => {
    let server: Running;
    let clock = T0;
    const send = async (events: ZmotEvent[], site = 'acme') => {
      const answer = await post(server.url, batch(events, { sent: clock, site }));
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    };
    const report = async (query: string): Promise<Report> => {
      const answer = await get(`${server.url}/v1/metrics?${query}`, auth);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body as unknown as Report;
    };

    before(async () => {
      server = await startCollector(kind, { now: () => clock, allowOrigin: ['acme=https://acme.example', 'shop=https://shop.example'], sites: ['other'] });
      const rec = (product: string) => ({ widget: 'recommend', product });
      await send([
        ...Array.from({ length: 3 }, () => event('render')),
        event('render', { product: 'sku-7' }),
        event('impression'),
        event('impression'),
        event('interaction', { action: 'filter' }),
        event('render', { widget: 'testimonials' }),
        event('render', rec('sku-42')),
        event('impression', rec('sku-42')),
        event('impression', rec('sku-7')),
        ...[10, 10, 9, 7, 0].map((score) => event('nps', { ...rec('sku-42'), score })),
        event('nps', { ...rec('sku-7'), score: 6 }),
        // ANA42 shares two products on one day: one sharing visitor, in each product and once in the total.
        event('share', { ...rec('sku-42'), channel: 'whatsapp', ref: 'ANA42' }),
        event('share', { ...rec('sku-7'), channel: 'copy', ref: 'ANA42', pv: 'pv-2' }),
        event('referral_landing', { ref: 'ANA42', widget: undefined }),
        event('conversion', { order_id: 'o1', ref: 'ANA42', value: 30, currency: 'EUR', widget: undefined, product: undefined }),
      ]);
      clock = T0 + 2 * DAY;
      await send([event('render', { product: 'sku-9', ts: clock })], 'other');
    });

    test('the NPS distribution counts answers per score, 0 to 10', async () => {
      const r = await report(`site=acme&from=${DAY1}&to=${DAY1}`);
      assert.deepEqual(r.total.umot.npsScores, [1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 2]);
      assert.deepEqual(r.days[0]!.umot.npsScores, r.total.umot.npsScores);
      assert.equal(r.breakdown, undefined, 'no breakdown unless asked');
    });

    test('breaks the period down by product and by widget, most renders first', async () => {
      const r = await report(`site=acme&from=${DAY1}&to=${DAY1}&breakdown=product,widget`);
      const products = r.breakdown!.product!;
      assert.deepEqual(products.map((p) => [p.key, p.zmot.renders, p.zmot.impressions]), [
        ['sku-42', 5, 3],
        ['sku-7', 1, 1],
      ]);
      const sku42 = products[0]!.umot;
      assert.deepEqual(sku42.nps, { promoters: 3, passives: 1, detractors: 1, responses: 5, score: 40 });
      assert.equal(sku42.shares, 1);
      assert.equal(sku42.sharers, 1);
      assert.equal(products[1]!.umot.sharers, 1);
      assert.equal(r.total.umot.sharers, 1, 'the same visitor, counted once in the total');
      assert.equal(r.days[0]!.umot.sharers, 1, 'and once in the day');
      // The conversion names no product: it is filed under the product ANA42 shared (of two shared that day, the first by id).
      assert.equal(products[0]!.umot.referralConversions, 1);
      assert.equal(products[1]!.umot.referralConversions, 0);
      const widgets = r.breakdown!.widget!;
      assert.deepEqual(widgets.map((w) => [w.key, w.zmot.renders]), [
        ['rating', 4],
        ['recommend', 1],
        ['testimonials', 1],
        ['', 0],
      ]);
      assert.equal(widgets[0]!.zmot.interactionRate, 1 / 2);
      assert.equal(widgets[1]!.umot.shareRate, 1, 'two shares per two viewable recommend impressions');
      assert.equal(widgets[1]!.umot.sharers, 1);
    });

    test('a breakdown with the product filter has that product only; bad kinds are refused', async () => {
      const r = await report(`site=acme&from=${DAY1}&to=${DAY1}&product=sku-7&breakdown=product`);
      assert.deepEqual(r.breakdown!.product!.map((p) => p.key), ['sku-7']);
      const bad = await get(`${server.url}/v1/metrics?site=acme&breakdown=product,page`, auth);
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error, 'breakdown: must be a comma-separated list of product, widget');
    });

    test('GET /v1/sites: every site with events and every named site, with their first and last days', async () => {
      const none = await get(`${server.url}/v1/sites`);
      assert.equal(none.status, 401);
      assert.equal(none.headers.get('www-authenticate'), 'Bearer');
      const answer = await get(`${server.url}/v1/sites`, auth);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.deepEqual((answer.body as unknown as SitesAnswer).sites, [
        { id: 'acme', first: DAY1, last: DAY1 },
        { id: 'other', first: '2026-03-12', last: '2026-03-12' },
        { id: 'shop', first: null, last: null },
      ]);
    });
  });
}

describe('browser files', () => {
  test('served from dist with their type, an ETag and CORS for any origin; missing ones say how to build them', async () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'zmot-dashboard.js'), 'export {};\n');
    writeFileSync(join(dist, 'zmot-dashboard.js.map'), '{}');
    const app = Fastify();
    const store = await openFresh('sqlite');
    await app.register(dashboardRoutes, { store, access: new SiteAccess(), authorised: () => true, dist });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const js = await fetch(`${url}/zmot-dashboard.js`, { headers: { origin: 'https://anywhere.example' } });
      assert.equal(js.status, 200);
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(js.headers.get('access-control-allow-origin'), '*');
      assert.equal(await js.text(), 'export {};\n');
      const again = await fetch(`${url}/zmot-dashboard.js`, { headers: { 'if-none-match': js.headers.get('etag')! } });
      assert.equal(again.status, 304);
      const map = await fetch(`${url}/zmot-dashboard.js.map`);
      assert.equal(map.headers.get('content-type'), 'application/json; charset=utf-8');
      const missing = await fetch(`${url}/zmot.iife.js`);
      assert.equal(missing.status, 404);
      assert.deepEqual(await missing.json(), { error: 'zmot.iife.js: not built; run npm run build' });
      assert.equal((await fetch(`${url}/package.json`)).status, 404, 'nothing else from the folder');
    } finally {
      await app.close();
      await store.close();
    }
  });

  test('what the drop-in loads from beside zmot.js: chunks, locales, zmot.css; nothing outside their folders', async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'chunks'));
    mkdirSync(join(dist, 'locales'));
    writeFileSync(join(dist, 'chunks', 'rating-Ab_1.js'), 'export {};\n');
    writeFileSync(join(dist, 'locales', 'de.js'), 'export default {};\n');
    writeFileSync(join(dist, 'zmot.css'), ':where(zmot-rating){}\n');
    writeFileSync(join(dist, 'package.json'), '{}');
    const app = Fastify();
    const store = await openFresh('sqlite');
    await app.register(dashboardRoutes, { store, access: new SiteAccess(), authorised: () => true, dist });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const js = await fetch(`${url}/chunks/rating-Ab_1.js`);
      assert.equal(js.status, 200);
      assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(await js.text(), 'export {};\n');
      assert.equal((await fetch(`${url}/chunks/testimonials-Cd2.js`)).status, 404);
      assert.equal((await fetch(`${url}/chunks/..%2Fpackage.json`)).status, 404);
      const locale = await fetch(`${url}/locales/de.js`, { headers: { origin: 'https://shop.example' } });
      assert.equal(locale.status, 200);
      assert.equal(locale.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.equal(locale.headers.get('access-control-allow-origin'), '*');
      assert.equal(await locale.text(), 'export default {};\n');
      assert.equal((await fetch(`${url}/locales/xx.js`)).status, 404);
      assert.equal((await fetch(`${url}/locales/..%2Fpackage.json`)).status, 404);
      const css = await fetch(`${url}/zmot.css`);
      assert.equal(css.status, 200);
      assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal(await css.text(), ':where(zmot-rating){}\n');
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('the page at /', () => {
  test('is the dashboard, under a strict Content-Security-Policy, with the caller’s links', async () => {
    const server = await startCollector('sqlite', { home: undefined });
    const page = await fetch(`${server.url}/`, { headers: { 'user-agent': BROWSER_UA } });
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(html, /<zmot-dashboard sync-url language-picker><\/zmot-dashboard>/);
    assert.match(html, /<script type="module" src="zmot-dashboard.js"><\/script>/);
    assert.ok(html.includes(`content="${HOME_CSP}"`));
    assert.match(HOME_CSP, /script-src 'self';/);
    assert.match(HOME_CSP, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(html, /<script>/, 'no inline script');
    const { homePage } = await import('../../src/collector/home.js');
    assert.match(homePage([{ href: '/demo/?a=1&b="2"', label: '<Demo>' }]), /<a href="\/demo\/\?a=1&amp;b=&quot;2&quot;">&lt;Demo&gt;<\/a>/);
  });
});
