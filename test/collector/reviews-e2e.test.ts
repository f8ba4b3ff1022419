/**
 * Collecting a review end to end, on SQLite and on PostgreSQL: a real collector (`createCollector` over HTTP,
 * serving dist/ and the shop's pages) and Debian's Chromium. The owner creates an invitation; a buyer opens
 * its link, fills in `<zmot-review-form>` by keyboard and sends it; the review waits in the moderation queue
 * (absent from the feed) until the owner approves it in the dashboard's Reviews page; then the product page's
 * `<zmot-testimonials>` shows it with its label. The same link used again, or a forged one, gives an
 * unverified review, never a verified one; a rejected review stays out of the feed; hostile text stays text in
 * the form, the queue and the widget.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import type { ModeratedReview, ReviewsAnswer } from '../../src/report/types.js';
import { ensureBuilt, launchChromium, ROOT } from './demo-server.js';
import { BROWSER_UA, startCollector, STORE_KINDS, TOKEN, type Running } from './helpers.js';

const SITE = 'shop';
const PRODUCT = 'trail-runner-2';
const HOSTILE = '<img src=x onerror="window.__pwned=1"> Grips well on wet rock, <b>really</b>.';
const AUTH = { authorization: `Bearer ${TOKEN}` };

const head = `<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
  <script type="module" src="/dist/zmot.js" data-site="${SITE}" data-feed="/v1/feeds/${SITE}/{product}" data-endpoint="/v1/events"></script>`;
const PAGES: Record<string, string> = {
  '/shop/review.html': `<!doctype html><html lang="en"><head>${head}<title>Review</title></head><body><main><zmot-review-form product="${PRODUCT}"></zmot-review-form></main></body></html>`,
  '/shop/product.html': `<!doctype html><html lang="en"><head>${head}<title>Product</title></head><body><main><zmot-testimonials product="${PRODUCT}"></zmot-testimonials></main></body></html>`,
  '/shop/owner.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><script type="module" src="/dist/zmot-dashboard.js"></script><title>Owner</title></head>
    <body><zmot-dashboard src="/" site="${SITE}" page="reviews"></zmot-dashboard></body></html>`,
};

/** An element inside the shadow root of the page's first `host`. */
function inShadow(page: Page, host: string, selector: string) {
  return page.evaluateHandle(`document.querySelector(${JSON.stringify(host)}).shadowRoot.querySelector(${JSON.stringify(selector)})`);
}

async function until<T>(page: Page, expression: string, timeout = 20_000): Promise<T> {
  const handle = await page.waitForFunction(expression, { timeout, polling: 50 });
  return (await handle.jsonValue()) as T;
}

for (const kind of STORE_KINDS) {
  describe(`collecting a review end to end (${kind})`, () => {
    let server: Running;
    let browser: Browser;

    before(async () => {
      ensureBuilt();
      server = await startCollector(kind, { static: [{ prefix: '/dist/', root: join(ROOT, 'dist') }] });
      await server.store.importFeeds(SITE, [{ product: { id: PRODUCT, name: 'Trail Runner 2', url: `${server.url}/shop/product.html` }, reviews: [], fields: 'replace' }]);
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
    });

    async function open(url: string): Promise<Page> {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setUserAgent(BROWSER_UA); // headless Chromium is a bot, whose reviews the collector refuses
      page.on('pageerror', (error) => assert.fail(`the page threw: ${String(error)}`));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        const body = PAGES[new URL(request.url()).pathname];
        if (body) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body });
        else void request.continue();
      });
      await page.goto(url, { waitUntil: 'load' });
      return page;
    }

    async function invite(order: string): Promise<string> {
      const answer = await fetch(`${server.url}/v1/invitations`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ site: SITE, product: PRODUCT, order, url: `${server.url}/shop/review.html`, incentive: 'A 5 € voucher' }),
      });
      assert.equal(answer.status, 201);
      return ((await answer.json()) as { url: string }).url;
    }

    /** Fills in the form by keyboard and sends it; resolves once the thanks show. */
    async function write(page: Page, review: { stars: number; title: string; body: string; name: string }): Promise<void> {
      await until(page, `document.querySelector('zmot-review-form')?.shadowRoot?.querySelector('form')`);
      const shown = Date.now();
      const field = (selector: string) => inShadow(page, 'zmot-review-form', selector);
      // The stars are a radio group: focus the first, then the arrow keys choose.
      await (await field('input[name="rating"]')).asElement()!.focus();
      await page.keyboard.press('Space');
      for (let i = 1; i < review.stars; i++) await page.keyboard.press('ArrowRight');
      await (await field('#title')).asElement()!.type(review.title);
      await (await field('#body')).asElement()!.type(review.body);
      await (await field('#name')).asElement()!.type(review.name);
      await (await field('#consent')).asElement()!.focus();
      await page.keyboard.press('Space');
      // People take longer than the bot check's 3 s to write a review.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3200 - (Date.now() - shown))));
      await (await field('button[type="submit"]')).asElement()!.focus();
      await page.keyboard.press('Enter');
      await until(page, `document.querySelector('zmot-review-form').shadowRoot.querySelector('[part="success"]')`).catch(async (error: unknown) => {
        const status = await page.evaluate(`document.querySelector('zmot-review-form').shadowRoot.querySelector('form')?.textContent.replace(/\\s+/g, ' ')`);
        throw new Error(`no thanks after sending (${String(error)}); the form says: ${String(status)}`);
      });
    }

    async function queue(status: string): Promise<ModeratedReview[]> {
      const answer = await fetch(`${server.url}/v1/reviews?site=${SITE}&status=${status}`, { headers: AUTH });
      assert.equal(answer.status, 200);
      return ((await answer.json()) as ReviewsAnswer).reviews;
    }

    async function feed(): Promise<{ etag: string; body: { reviews: { id: string; verification?: string; invited?: boolean; incentivized?: boolean }[]; policy?: { rejected?: Record<string, number> } } }> {
      const answer = await fetch(`${server.url}/v1/feeds/${SITE}/${PRODUCT}`);
      assert.equal(answer.status, 200);
      return { etag: answer.headers.get('etag')!, body: (await answer.json()) as never };
    }

    test('invited, written, pending, approved in the dashboard, shown with its label; hostile text inert throughout', { timeout: 120_000 }, async () => {
      const link = await invite('A-1001');
      assert.match(link, /#zmot-invite=/);
      const buyer = await open(link);
      await until(buyer, `document.querySelector('zmot-review-form')?.shadowRoot?.querySelector('form')`);
      const address = (await buyer.evaluate('location.href')) as string;
      assert.doesNotMatch(address, /zmot-invite/, 'the token leaves the address bar');
      const notes = await until<string>(buyer, `document.querySelector('zmot-review-form')?.shadowRoot?.querySelector('[part="incentive"]')?.textContent`);
      assert.match(notes, /A 5 € voucher/, 'the incentive the invitation carries is disclosed');
      await write(buyer, { stars: 4, title: 'Grippy', body: HOSTILE, name: 'Ana <script>' });
      const sent = Date.now();
      const pending = await queue('pending');
      const inQueue = Date.now() - sent;
      assert.equal(pending.length, 1);
      const [review] = pending;
      assert.ok(inQueue < 1000, `in the queue ${inQueue} ms after the thanks`);
      assert.equal(review!.verification, 'purchase');
      assert.equal(review!.invited, true);
      assert.equal(review!.incentivized, true);
      assert.equal(review!.rating, 4);
      assert.equal(review!.body, HOSTILE, 'stored as written');
      assert.equal(await buyer.evaluate('window.__pwned'), undefined);
      await buyer.browserContext().close();

      const before = await feed();
      assert.deepEqual(before.body.reviews, [], 'a pending review is not in the feed');

      // The owner approves it in the dashboard's Reviews page, by keyboard.
      const owner = await open(`${server.url}/shop/owner.html`);
      await until(owner, `customElements.get('zmot-dashboard') && document.querySelector('zmot-dashboard').shadowRoot`);
      await owner.evaluate(`document.querySelector('zmot-dashboard').token = ${JSON.stringify(TOKEN)}`);
      const selector = `[data-review="${review!.id}"] [data-action="approve"]`;
      await until(owner, `document.querySelector('zmot-dashboard')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`);
      const card = (await owner.evaluate(`document.querySelector('zmot-dashboard').shadowRoot.querySelector('[data-review="${review!.id}"]').textContent`)) as string;
      assert.match(card, /<img src=x onerror/, 'the queue shows the markup as text');
      assert.equal(await owner.evaluate('window.__pwned'), undefined);
      await (await inShadow(owner, 'zmot-dashboard', selector)).asElement()!.focus();
      await owner.keyboard.press('Enter');
      await until(owner, `!document.querySelector('zmot-dashboard').shadowRoot.querySelector(${JSON.stringify(`[data-review="${review!.id}"]`)})`);
      await owner.browserContext().close();

      const approved = await feed();
      assert.notEqual(approved.etag, before.etag, 'the feed changed at once');
      assert.equal(approved.body.reviews.length, 1);
      assert.equal(approved.body.reviews[0]!.verification, 'purchase');
      assert.equal(approved.body.reviews[0]!.invited, true);
      assert.equal(approved.body.reviews[0]!.incentivized, true);

      const shopper = await open(`${server.url}/shop/product.html`);
      const shown = await until<string>(
        shopper,
        `(() => { const root = document.querySelector('zmot-testimonials')?.shadowRoot; const text = root?.textContent ?? ''; return text.includes('Grips well') ? text : false; })()`,
      );
      assert.match(shown, /<img src=x onerror="window.__pwned=1">/, 'the review text shows as text');
      assert.match(shown, /Verified purchase/, 'with how it was verified');
      assert.match(shown, /A 5 € voucher/, 'and the incentive');
      assert.equal(await shopper.evaluate('window.__pwned'), undefined);
      assert.equal(await shopper.evaluate(`document.querySelector('zmot-testimonials').shadowRoot.querySelectorAll('img[src="x"]').length`), 0);
      await shopper.browserContext().close();
    });

    test('the same link again, or a forged one, gives an unverified review; a rejected one stays out of the feed', { timeout: 120_000 }, async () => {
      const link = await invite('A-2002');
      const first = await open(link);
      await write(first, { stars: 5, title: 'Second pair', body: 'Bought a second pair for my partner.', name: 'Ana' });
      await first.browserContext().close();
      const again = await open(link);
      await write(again, { stars: 5, title: 'Again', body: 'Writing through the same link again.', name: 'Ana' });
      await again.browserContext().close();
      const token = link.split('#zmot-invite=')[1]!;
      const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
      const fake = await open(`${server.url}/shop/review.html#zmot-invite=${forged}`);
      await write(fake, { stars: 1, title: 'Forged', body: 'A review through a forged invitation.', name: 'Mallory' });
      await fake.browserContext().close();

      const pending = await queue('pending');
      const byTitle = new Map(pending.map((r) => [r.title, r]));
      assert.equal(byTitle.get('Second pair')?.verification, 'purchase');
      assert.equal(byTitle.get('Again')?.verification, 'none', 'a used invitation verifies nothing');
      assert.equal(byTitle.get('Again')?.invited, false);
      assert.equal(byTitle.get('Forged')?.verification, 'none', 'a forged invitation verifies nothing');
      assert.equal(byTitle.get('Forged')?.invited, false);

      const reject = await fetch(`${server.url}/v1/reviews/${byTitle.get('Forged')!.id}/reject`, {
        method: 'POST',
        headers: { ...AUTH, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'not-genuine' }),
      });
      assert.equal(reject.status, 200);
      const { body } = await feed();
      assert.ok(!body.reviews.some((r) => r.id === byTitle.get('Forged')!.id), 'a rejected review is not in the feed');
      assert.equal(body.policy?.rejected?.['not-genuine'], 1, 'the feed’s policy counts it');
    });
  });
}

