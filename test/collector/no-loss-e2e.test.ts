/**
 * No loss, end to end, on both databases: Chromium (puppeteer) runs the built drop-in on a page, a real
 * collector process (`zmot serve`) receives its events, and the collector is killed (SIGKILL) or frozen
 * (SIGSTOP) while batches are in flight — then the tab is closed, or reloaded, or simply carries on — and the
 * collector restarts on the same port and database. Afterwards every event the page dispatched is stored
 * exactly once, by id, and nothing else is: the counts match exactly.
 *
 * What this adds to the other tests: test/telemetry/journeys.test.ts covers outages, beacons on leaving, and
 * outboxes across reloads against a stand-in endpoint that answers at once; robustness.test.ts kills a
 * collector under load from Node clients. Here the browser's own retries, keep-alive requests and outbox meet
 * a real collector that dies or hangs in the middle of a request.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import type { Store } from '../../src/collector/store/types.js';
import { ensureBuilt, launchChromium, ROOT } from './demo-server.js';
import { serveProcess, stopProcess, storeLocation, STORE_KINDS, type CollectorProcess } from './helpers.js';

const SITE = 'acme';

type Collector = CollectorProcess;

/** `zmot serve` keeping headless Chromium's events, with no rate limits; `port` 0 picks a free one. */
const serve = (args: string[], port = 0) =>
  serveProcess(['--port', String(port), '--keep-bots', '--rate-address', '0', '--rate-site', '0', ...args]);

/** SIGSTOP and SIGCONT at once; SIGKILL waits for the process to exit. */
function signal(collector: Collector, name: NodeJS.Signals): Promise<void> {
  if (name === 'SIGKILL') return stopProcess(collector, name);
  collector.child.kill(name);
  return Promise.resolve();
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json', '.html': 'text/html' };

/** The site's own server: the product page, the built drop-in and a feed, on an origin of their own. */
async function siteServer(endpoint: () => string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url!, 'http://x').pathname;
    void (async () => {
      if (path === '/product.html') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No loss</title>
          <script>window.__events = []; document.addEventListener('zmot-event', (e) => __events.push({ id: e.detail.id, type: e.detail.type }));</script>
          <script type="module" src="/dist/zmot.js" data-site="${SITE}" data-feed="/feeds/{product}.json" data-endpoint="${endpoint()}/v1/events"></script>
          </head><body><zmot-rating product="sku-42" variant="full"></zmot-rating></body></html>`);
        return;
      }
      const file = path.startsWith('/dist/') ? join(ROOT, path) : path.startsWith('/feeds/') ? join(ROOT, 'test/fixtures', path) : undefined;
      try {
        if (!file || file.includes('..')) throw new Error('no such file');
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${address.port}` };
}

type Dispatched = { id: string; type: string }[];
const dispatched = (page: Page) => page.evaluate('window.__events') as Promise<Dispatched>;

/** Clicks the first star row `n` times: `n` interaction events (the 20th queued one sends a batch at once). */
const interact = (page: Page, n: number) =>
  page.evaluate(`(() => { const row = document.querySelector('zmot-rating').shadowRoot.querySelector('button.row'); for (let i = 0; i < ${n}; i++) row.click(); })()`);

/** Starts a flush without waiting for it (it may hang with the collector frozen). */
const startFlush = (page: Page) => page.evaluate('void window.zmot.flush()');

async function openProduct(context: BrowserContext, site: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site}/product.html`, { waitUntil: 'load' });
  // Render and the viewable impression first, so no event turns up later unannounced.
  await page.waitForFunction(`window.__events.some((e) => e.type === 'impression')`, { polling: 50, timeout: 15_000 });
  return page;
}

/** Flushes from `page` until the store holds every id (the page's retries are backing off after failures). */
async function deliver(page: Page, store: Store, ids: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await store.storedIds(ids)).size === ids.length) return;
    if (Date.now() > deadline) throw new Error(`only ${(await store.storedIds(ids)).size} of ${ids.length} events arrived`);
    await page.evaluate('window.zmot.flush()');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every dispatched event stored, and nothing more: per-type counts equal, so no id is there twice or extra. */
async function expectExactly(store: Store, events: Dispatched): Promise<void> {
  const ids = events.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length, 'the page dispatched each id once');
  assert.equal((await store.storedIds(ids)).size, ids.length, 'every dispatched event is stored');
  const expected: Record<string, number> = {};
  for (const e of events) expected[e.type] = (expected[e.type] ?? 0) + 1;
  const totals = await store.totals(SITE);
  assert.deepEqual(totals.events, expected, 'stored counts by type equal dispatched counts');
  assert.deepEqual(totals.rollups, totals.events, 'rollups agree with the raw events');
}

for (const kind of STORE_KINDS) {
  describe(`no loss, browser to a collector that dies (${kind})`, () => {
    let browser: Browser;
    let collector: Collector;
    let site: { server: Server; url: string };
    let where: { db?: string; databaseUrl?: string };
    let args: string[];
    let port = 0;
    let store: Store;

    /** A fresh database and collector for each test. */
    async function fresh(): Promise<void> {
      if (collector) await signal(collector, 'SIGKILL');
      await store?.close();
      where = await storeLocation(kind);
      args = where.db ? ['--db', where.db] : ['--database-url', where.databaseUrl!];
      collector = await serve(args, port);
      port = Number(new URL(collector.url).port);
      store = kind === 'sqlite' ? openSqlite(where.db!) : await openPostgres(where.databaseUrl!);
    }

    before(async () => {
      ensureBuilt();
      browser = await launchChromium();
      site = await siteServer(() => collector.url);
    });
    after(async () => {
      await browser?.close();
      if (collector) {
        await signal(collector, 'SIGCONT');
        await signal(collector, 'SIGKILL');
      }
      await store?.close();
      site?.server.close();
    });

    test('SIGKILL while batches are in flight, three times over; restart; flush: every event once', { timeout: 120_000 }, async () => {
      await fresh();
      const context = await browser.createBrowserContext();
      const page = await openProduct(context, site.url);
      for (let round = 0; round < 3; round++) {
        await interact(page, 25); // the 20th sends a batch at once
        await new Promise((resolve) => setTimeout(resolve, round * 15)); // before, during, after the request
        await signal(collector, 'SIGKILL');
        await interact(page, 15);
        await startFlush(page); // fails: nobody listens
        collector = await serve(args, port);
        await deliver(page, store, (await dispatched(page)).map((e) => e.id));
      }
      await expectExactly(store, await dispatched(page));
      await context.close();
    });

    test('tab closed mid-flush with the collector frozen; it thaws: the keep-alive request and the next page view deliver, once', { timeout: 120_000 }, async () => {
      await fresh();
      const context = await browser.createBrowserContext();
      const first = await openProduct(context, site.url);
      await signal(collector, 'SIGSTOP');
      await interact(first, 30);
      await startFlush(first);
      await new Promise((resolve) => setTimeout(resolve, 200)); // the requests are in flight, unanswered
      const left = await dispatched(first);
      await first.close({ runBeforeUnload: true });
      await signal(collector, 'SIGCONT');
      const next = await openProduct(context, site.url); // adopts the closed tab's outbox
      const all = [...left, ...(await dispatched(next))];
      await deliver(next, store, all.map((e) => e.id));
      await new Promise((resolve) => setTimeout(resolve, 500)); // late duplicates would show now
      await expectExactly(store, all);
      await context.close();
    });

    test('tab closed just after the collector died, before any request failed: its beacon goes nowhere, and the next page view sends those events again', { timeout: 120_000 }, async () => {
      await fresh();
      const context = await browser.createBrowserContext();
      const first = await openProduct(context, site.url);
      await first.evaluate('window.zmot.flush()');
      await interact(first, 5); // queued for the 5 s timer: they leave by beacon
      await signal(collector, 'SIGKILL');
      const left = await dispatched(first);
      await first.close({ runBeforeUnload: true });
      collector = await serve(args, port);
      const next = await openProduct(context, site.url);
      const all = [...left, ...(await dispatched(next))];
      await deliver(next, store, all.map((e) => e.id));
      await expectExactly(store, all);
      await context.close();
    });

    test('reload during a flush with the collector frozen, then killed and restarted: the next page view delivers, once', { timeout: 120_000 }, async () => {
      await fresh();
      const context = await browser.createBrowserContext();
      const page = await openProduct(context, site.url);
      await signal(collector, 'SIGSTOP');
      await interact(page, 30);
      await startFlush(page);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = await dispatched(page);
      await page.reload({ waitUntil: 'load' });
      await signal(collector, 'SIGKILL'); // frozen mid-request, now gone: those requests fail
      collector = await serve(args, port);
      await page.waitForFunction(`window.__events.some((e) => e.type === 'impression')`, { polling: 50, timeout: 15_000 });
      const all = [...before, ...(await dispatched(page))];
      await deliver(page, store, all.map((e) => e.id));
      await expectExactly(store, all);
      await context.close();
    });
  });
}
