// Rendering benchmark (part of `npm run bench`): in Debian's Chromium, each run in a fresh browser context
// (cold cache), a page with the drop-in script tag and
// - one `<zmot-rating>`: the time from the script tag starting to the rating shown (its `render` event,
//   then the next frame: the drop-in, the element's chunks, the feed request, validation, rendering);
// - a product page with every visitor element (a summary and a full rating, testimonials, recommend): the
//   time until every one of them is shown;
// and for each: long tasks (≥ 50 ms) until then, main-thread script time (Chromium's ScriptDuration), and the
// JS heap after a forced garbage collection, beside the same page without zmot.
// Two network conditions: loopback as it is, and 100 ms added to every request (DevTools emulation), which
// shows what round trips cost. Both builds (module and classic), and the single-file drop-in of the commit
// before the split (built from git into a temporary folder) for comparison.
// Needs `npm run build`. Median of --runs (default 7) runs, the cases taken in turn in each round.
//
//   node --import ./scripts/with-bench-deps.js scripts/bench-render.js [--runs 7]
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { BEFORE_SPLIT, buildBefore } from './bench-before.js';
import { chromiumArgs, chromiumPath } from './chromium.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(5, Number(values.runs) || 7);
const root = fileURLToPath(new URL('..', import.meta.url));

const FEEDS = join(root, 'test/fixtures/feeds');
const TYPES = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html' };

/** The pages: `{build}` is `now` or `before`, `{tag}` the script tag's type and file. */
function pageHtml(kind, script) {
  const elements =
    kind === 'rating'
      ? '<zmot-rating product="sku-42"></zmot-rating>'
      : kind === 'product'
        ? `<zmot-rating product="sku-42"></zmot-rating><p>A product page.</p>
           <zmot-rating product="sku-42" variant="full"></zmot-rating>
           <zmot-testimonials product="sku-42" limit="4"></zmot-testimonials>
           <zmot-recommend product="sku-42"></zmot-recommend>`
        : '';
  const tag = script ? `<script>performance.mark('zmot-start')</script>${script}` : '';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${tag}</head>
    <body style="inline-size: 50rem"><h1>A product</h1>${elements}</body></html>`;
}

function serve(dirs) {
  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    const [, prefix, ...rest] = url.pathname.split('/');
    let body;
    let type = TYPES[extname(url.pathname)];
    if (prefix === 'page') {
      const build = url.searchParams.get('build');
      const classic = url.searchParams.get('classic') === '1';
      const file = build === 'before' ? (classic ? 'zmot.iife.js' : 'zmot.js') : classic ? 'zmot.iife.js' : 'zmot.js';
      const script = build ? `<script ${classic ? '' : 'type="module" '}src="/${build}/${file}" data-feed="/feeds/{product}.json" data-consent="granted"></script>` : '';
      body = pageHtml(url.searchParams.get('kind'), script);
      type = TYPES['.html'];
    } else if (prefix === 'feeds') {
      const file = join(FEEDS, normalize(rest.join('/')));
      if (file.startsWith(FEEDS) && existsSync(file)) body = readFileSync(file);
    } else if (dirs[prefix]) {
      const file = join(dirs[prefix], normalize(rest.join('/')));
      if (file.startsWith(dirs[prefix]) && existsSync(file)) body = readFileSync(file);
    }
    response.writeHead(body ? 200 : 404, { 'content-type': type ?? 'text/plain', 'cache-control': 'no-store' });
    response.end(body ?? '');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** One run in a fresh context. */
async function run(browser, origin, { build, classic, kind, latency }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1000, height: 800 });
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (latency) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  await page.evaluateOnNewDocument(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: true });
    window.__rendered = new Map();
    document.addEventListener('zmot-event', (event) => {
      if (event.detail.type === 'render') window.__rendered.set(event.composedPath()[0], performance.now());
    });
  });
  const params = new URLSearchParams({ kind, ...(build ? { build, classic: classic ? '1' : '0' } : {}) });
  await page.goto(`${origin}/page/?${params}`, { waitUntil: 'load' });
  const result = await page.evaluate(async (expected) => {
    const deadline = performance.now() + 20_000;
    while (window.__rendered.size < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    if (window.__rendered.size < expected) return { error: `${window.__rendered.size} of ${expected} elements rendered` };
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const start = performance.getEntriesByName('zmot-start')[0]?.startTime ?? 0;
    const shown = Math.max(0, ...window.__rendered.values()) - start;
    return { shown, long: window.__long.length, longMs: window.__long.reduce((a, b) => a + b, 0) };
  }, build ? (kind === 'rating' ? 1 : kind === 'product' ? 4 : 0) : 0);
  if (result.error) throw new Error(`${build} ${classic ? 'classic' : 'module'} ${kind}: ${result.error}`);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const script = metrics.find((m) => m.name === 'ScriptDuration').value * 1000;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return { ...result, script, heap };
}

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const before = buildBefore();
const { server, origin } = await serve({ now: join(root, 'dist'), before: before.dist });
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
try {
  const cases = [];
  for (const kind of ['rating', 'product']) {
    for (const latency of [0, 100]) {
      for (const [label, build, classic] of [
        ['classic script', 'now', true],
        ['module', 'now', false],
        [`one file (before the split, ${BEFORE_SPLIT}), classic script`, 'before', true],
      ]) {
        cases.push({ kind, latency, label, build, classic });
      }
    }
  }
  // Round robin: every case once per round, so the machine's ups and downs fall on all of them alike.
  for (const c of cases) await run(browser, origin, c); // warm-up, not counted
  const results = new Map(cases.map((c) => [c, []]));
  const bare = { rating: [], product: [] };
  for (let i = 0; i < runs; i++) {
    for (const kind of ['rating', 'product']) bare[kind].push((await run(browser, origin, { kind, latency: 0 })).heap);
    for (const c of cases) results.get(c).push(await run(browser, origin, c));
    process.stderr.write(`  round ${i + 1} of ${runs}: done\n`);
  }
  const baseline = { rating: median(bare.rating), product: median(bare.product) };
  const rows = cases.map((c) => {
    const list = results.get(c);
    const of = (key) => median(list.map((r) => r[key]));
    return { ...c, shown: of('shown'), long: of('long'), longMs: of('longMs'), script: of('script'), heap: of('heap') };
  });
  const ms = (x) => `${x.toFixed(0)} ms`;
  const mb = (x) => `${(x / 1024 / 1024).toFixed(2)} MB`;
  console.log(`${await browser.version()}, headless, 1000×800, cold cache, median of ${runs} runs.\n`);
  for (const kind of ['rating', 'product']) {
    console.log(kind === 'rating' ? '**One `<zmot-rating>`**: from the script tag to the rating shown\n' : '**A product page**: two ratings (summary, full), testimonials and recommend; until all four are shown\n');
    console.log('| network | drop-in | shown after | long tasks (count, total) | script time | JS heap (zmot’s share) |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const r of rows.filter((row) => row.kind === kind)) {
      const network = r.latency ? `+${r.latency} ms per request` : 'loopback';
      console.log(`| ${network} | ${r.label} | ${ms(r.shown)} | ${r.long}, ${ms(r.longMs)} | ${ms(r.script)} | ${mb(r.heap)} (${mb(r.heap - baseline[kind])}) |`);
    }
    console.log('');
  }
} finally {
  await browser.close();
  server.close();
  before.remove();
}
