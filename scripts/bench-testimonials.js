// Benchmark of <zmot-testimonials> in Debian's Chromium: first render time and JS heap for feeds of 10,
// 1,000 and 10,000 reviews, median of several runs, each run in a fresh browser context.
//
//   npm run bench:testimonials [-- --runs 7] [-- --sizes 10,1000,10000]
//
// It builds the drop-in (dist/zmot.js and its chunks, into a temporary folder) from the current source, then
// for each run opens a page that has loaded it and the element's code, and times, with performance.now() in
// the page:
// - first render: from inserting <zmot-testimonials feed="/feed.json"> to the first reviews in its shadow DOM
//   and the next animation frame: the request, JSON parsing, validation, sorting, and rendering; and of
//   that, how long until the feed's last byte arrived (resource timing);
// - re-sort: from the visitor choosing "Lowest rated" to the re-rendered list (no request);
// - JS heap: the page's used JS heap after a forced garbage collection, with the widget and its feed loaded,
//   and how much of it the widget added (the same page measured just before inserting it).
// A small HTTP server on 127.0.0.1 serves the page, the bundle and the feed (gzip-free, like a local CDN).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from './chromium.js';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '7' }, sizes: { type: 'string', default: '10,1000,10000' } },
});
const runs = Math.max(5, Number(values.runs) || 7);
const sizes = values.sizes.split(',').map(Number);

function feedOf(count) {
  const day = 86_400_000;
  const now = Date.now();
  return JSON.stringify({
    product: { id: 'bench', name: 'Bench product', brand: 'Acme' },
    sources: [{ id: 'google', name: 'Google', url: 'https://g.example/', rating: 4.5, scale: 5, count: 100 }],
    reviews: Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      rating: (i % 5) + 1,
      title: `Review number ${i}`,
      body: `A realistic review body of a few sentences. It talks about the product, number ${i}. `.repeat(3),
      author: { name: `Person ${i}`, role: i % 3 ? 'Buyer' : 'Head of IT', company: i % 3 ? undefined : 'Fujitsu' },
      date: new Date(now - i * day).toISOString().slice(0, 10),
      verified: i % 2 === 0,
      ...(i % 7 === 0 ? { source: 'google' } : {}),
    })),
  });
}

/** Builds the drop-in into a temporary folder; returns the folder. */
async function buildBundle() {
  const outDir = mkdtempSync(join(tmpdir(), 'zmot-bench-'));
  const root = fileURLToPath(new URL('..', import.meta.url));
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/zmot.js"></script></head><body style="inline-size: 60rem"></body></html>`;

/** Serves the page, the drop-in's files and whichever feed `current.feed` holds; resolves to its origin. */
function serve(outDir, current) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    const file = join(outDir, normalize(pathname));
    const [type, body] =
      pathname === '/' ? ['text/html', PAGE]
      : pathname === '/feed.json' ? ['application/json', current.feed]
      : pathname.endsWith('.js') && file.startsWith(outDir) && existsSync(file) ? ['text/javascript', readFileSync(file)]
      : [undefined, ''];
    response.writeHead(type ? 200 : 404, { 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
    response.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** One run in a fresh context: the first render time, the re-sort time, and the JS heap before and after. */
async function run(browser, origin) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  await page.goto(`${origin}/`);
  // The element's code, loaded before timing (an element outside the page asks for it, and loads no feed).
  await page.evaluate(() => {
    const outside = document.createElement('div');
    outside.innerHTML = '<zmot-testimonials></zmot-testimonials>';
    return window.zmot.discover(outside);
  });
  const before = await heap();
  const times = await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const shown = (el) => el.shadowRoot?.querySelector('article');
    const start = performance.now();
    const el = document.createElement('zmot-testimonials');
    el.setAttribute('product', 'bench');
    el.setAttribute('feed', '/feed.json');
    document.body.append(el);
    while (!shown(el)) await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    await frame();
    const render = performance.now() - start;
    const feedEntry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/feed.json'));
    const feed = feedEntry.responseEnd - start;
    const sortStart = performance.now();
    const select = el.shadowRoot.querySelector('select');
    select.value = 'lowest';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await frame();
    const sort = performance.now() - sortStart;
    return { render, feed, sort, articles: el.shadowRoot.querySelectorAll('article').length };
  });
  const after = await heap();
  await context.close();
  return { ...times, heap: after, added: after - before };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const outDir = await buildBundle();
const current = { feed: '' };
const { server, origin } = await serve(outDir, current);
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const version = await browser.version();
  const rows = [];
  for (const size of sizes) {
    const feed = (current.feed = feedOf(size));
    await run(browser, origin); // warm-up, not counted
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await run(browser, origin));
    if (results.some((r) => r.articles !== 6)) throw new Error(`expected 6 reviews in the DOM, got ${results.map((r) => r.articles)}`);
    rows.push({
      size,
      feedKB: Math.round(Buffer.byteLength(feed) / 1024),
      render: median(results.map((r) => r.render)),
      feed: median(results.map((r) => r.feed)),
      sort: median(results.map((r) => r.sort)),
      heap: median(results.map((r) => r.heap)),
      added: median(results.map((r) => r.added)),
    });
    process.stderr.write(`  ${size} reviews: done\n`);
  }
  console.log(`<zmot-testimonials>, ${version}, headless, median of ${runs} runs (list layout, 6 reviews shown)\n`);
  console.log('| reviews in the feed | feed size | first render | … of which the feed arriving | re-sort | JS heap (page) | JS heap added by the widget |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const cells = [r.size.toLocaleString('en'), `${r.feedKB.toLocaleString('en')} KB`, ms(r.render), ms(r.feed), ms(r.sort), mb(r.heap), mb(r.added)];
    console.log(`| ${cells.join(' | ')} |`);
  }
} finally {
  await browser.close();
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
