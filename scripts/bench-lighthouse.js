// Page cost (part of `npm run bench`): Lighthouse's performance category on the demo product page
// (demo/shoe.html: the classic drop-in in <head>, a summary rating above the fold, a full rating,
// testimonials, recommend and two compact badges) beside the same page with the script tag and the zmot
// elements taken out, the same page with `defer` on the script tag (and `zmot.css` linked), and with the
// one-file drop-in from before the split into chunks. The collector serves both, with the demo's feeds and its event endpoint, as
// `npm start` does (SQLite in a temporary folder), behind a proxy that gzips text as a CDN would. Lighthouse's defaults: mobile, simulated throttling
// (slow 4G, 4× CPU), cold storage per run; Debian's Chromium, launched by puppeteer, Lighthouse connected to
// its debugging port. The pages take turns; medians of --runs (default 5).
// Then server rendering (docs/ssr.md): demo/ssr.shtml as `npm start` serves it, each include filled in by
// GET /v1/render/… (stars, score, count and reviews in the HTML; the module build hydrates them), beside the
// same page with each include replaced by its element, rendered in the browser. `--pages ssr` runs only those two.
// Needs `npm run build` (dist/ and dist/node/).
//
//   node --import ./scripts/with-bench-deps.js scripts/bench-lighthouse.js [--runs 5] [--pages all|ssr]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { BEFORE_SPLIT, buildBefore } from './bench-before.js';
import { chromiumArgs, chromiumPath } from './chromium.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, pages: { type: 'string', default: 'all' } } });
const runs = Math.max(5, Number(values.runs) || 5);
const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, 'demo');
const tmp = mkdtempSync(join(tmpdir(), 'zmot-lighthouse-'));

// The page without zmot: the demo folder copied, shoe.html without the drop-in's script tag and elements.
const bare = join(tmp, 'demo');
cpSync(demo, bare, { recursive: true });
const page = readFileSync(join(demo, 'shoe.html'), 'utf8');
const stripped = page
  .replace(/<script\b[^>]*\bzmot(?:\.iife)?\.js"[^>]*>\s*<\/script>/, '')
  .replace(/<(zmot-[a-z]+)\b[^>]*>\s*<\/\1>/g, '');
if (stripped === page || /zmot-(rating|testimonials|recommend)|zmot\.iife/.test(stripped)) throw new Error('could not take zmot out of demo/shoe.html');
writeFileSync(join(bare, 'shoe.html'), stripped);
// And the page with the classic script deferred (`defer`): not render-blocking, run after parsing. As the
// README asks of such pages, it links dist/zmot.css, which reserves the elements' space before the script runs.
const deferred = page.replace(/(<script\b)([^>]*\bzmot\.iife\.js")/, '<link rel="stylesheet" href="/dist/zmot.css" />$1 defer$2');
if (deferred === page) throw new Error('could not defer the drop-in in demo/shoe.html');
writeFileSync(join(bare, 'shoe-defer.html'), deferred);
// And the page with the one-file drop-in from before the split.
const before = buildBefore();
writeFileSync(join(bare, 'shoe-before.html'), page.replace('/dist/zmot.iife.js', '/before/zmot.iife.js'));

// The server-rendered page's twin: each `<!--#include virtual="/v1/render/{site}/{product}?widget=…" -->` of
// demo/ssr.shtml becomes the element it renders, with the query's options as attributes.
const ssrPage = readFileSync(join(demo, 'ssr.shtml'), 'utf8');
const inBrowser = ssrPage.replace(/<!--#include virtual="\/v1\/render\/[^/]+\/([^?"]+)\?([^"]*)" -->/g, (_, product, query) => {
  const options = new URLSearchParams(query.replaceAll('&amp;', '&'));
  const tag = `zmot-${options.get('widget')}`;
  options.delete('widget');
  const attributes = [...options].map(([name, value]) => ` ${name}="${value}"`).join('');
  return `<${tag} product="${decodeURIComponent(product)}"${attributes}></${tag}>`;
});
if (inBrowser.includes('#include') || !inBrowser.includes('<zmot-testimonials')) throw new Error('could not turn the includes of demo/ssr.shtml into elements');
writeFileSync(join(bare, 'ssr-browser.html'), inBrowser);

const { createCollector, openStore, parseImport } = await import('../dist/node/collector/index.js');
const store = await openStore({ db: join(tmp, 'bench.db') });
const feeds = readdirSync(join(demo, 'feeds'))
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => parseImport(readFileSync(join(demo, 'feeds', name), 'utf8'), 'json', name).feeds);
await store.importFeeds('demo', feeds, { replace: true });
const collector = await createCollector({
  store,
  token: 'bench',
  sites: ['demo'],
  static: [
    { prefix: '/demo/', root: demo },
    { prefix: '/bare/', root: bare },
    { prefix: '/dist/', root: join(root, 'dist') },
    { prefix: '/before/', root: before.dist },
  ],
  includes: [{ path: '/demo/ssr.html', file: join(demo, 'ssr.shtml') }],
  logger: { level: 'warn' },
});
const upstream = await collector.app.listen({ port: 0, host: '127.0.0.1' });

// In front of it, what a CDN does and the collector does not: gzip (level 6) for text that asks for it and is
// not compressed yet.
const proxy = createHttpServer((incoming, outgoing) => {
  const forward = request(`${upstream}${incoming.url}`, { method: incoming.method, headers: incoming.headers }, (answer) => {
    const parts = [];
    answer.on('data', (part) => parts.push(part));
    answer.on('end', () => {
      let body = Buffer.concat(parts);
      const headers = { ...answer.headers };
      const text = /^(text\/|application\/(json|javascript))/.test(headers['content-type'] ?? '');
      // What the collector compressed itself (its built files, static.ts) goes as it is.
      if (text && !headers['content-encoding'] && body.length > 256 && /\bgzip\b/.test(incoming.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 6 });
        headers['content-encoding'] = 'gzip';
        headers['content-length'] = String(body.length);
        delete headers['transfer-encoding'];
      }
      outgoing.writeHead(answer.statusCode ?? 502, headers).end(body);
    });
  });
  incoming.pipe(forward);
});
await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
const address = `http://127.0.0.1:${proxy.address().port}`;

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const browser = await puppeteer.launch({
  executablePath: chromiumPath,
  args: [...chromiumArgs, `--remote-debugging-port=${port}`],
  headless: true,
});

const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const ssrPages = [
  { name: 'server-rendered product page (demo/ssr.shtml: two ratings and four reviews in the HTML, hydrated by the module build)', url: `${address}/demo/ssr.html` },
  { name: 'the same page rendered in the browser (each include replaced by its element)', url: `${address}/bare/ssr-browser.html` },
];
const allPages = [
  { name: 'demo product page without zmot', url: `${address}/bare/shoe.html` },
  { name: 'demo product page with zmot (6 elements; the classic script in `<head>`, as the demo has it)', url: `${address}/demo/shoe.html` },
  { name: 'the same with `defer` on the script tag, and `zmot.css` linked', url: `${address}/bare/shoe-defer.html` },
  { name: `the same with the one-file drop-in of ${BEFORE_SPLIT}, before the split`, url: `${address}/bare/shoe-before.html` },
  ...ssrPages,
];
const pages = values.pages === 'ssr' ? ssrPages : allPages;
let version = '';
try {
  const results = new Map(pages.map((p) => [p, []]));
  for (let i = 0; i < runs; i++) {
    for (const p of pages) {
      const { lhr } = await lighthouse(p.url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      if (lhr.runtimeError) throw new Error(`${p.url}: ${lhr.runtimeError.message}`);
      version = lhr.lighthouseVersion;
      const audit = (id) => lhr.audits[id].numericValue;
      results.get(p).push({
        score: lhr.categories.performance.score * 100,
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
        si: audit('speed-index'),
        bytes: audit('total-byte-weight'),
        // Lighthouse's measure of this machine's CPU speed at that moment (higher is faster).
        benchmarkIndex: lhr.environment.benchmarkIndex,
      });
    }
    process.stderr.write(`  round ${i + 1} of ${runs}: done\n`);
  }
  console.log(`Lighthouse ${version}, ${await browser.version()}, mobile, simulated throttling, median of ${runs} runs per page.\n`);
  console.log('| page | performance score | FCP | LCP | TBT | CLS | Speed Index | bytes |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const rows = pages.map((p) => {
    const list = results.get(p);
    const of = (key) => median(list.map((r) => r[key]));
    return { name: p.name, score: of('score'), fcp: of('fcp'), lcp: of('lcp'), tbt: of('tbt'), cls: of('cls'), si: of('si'), bytes: of('bytes') };
  });
  const ms = (x) => `${Math.round(x)} ms`;
  for (const r of rows) {
    console.log(`| ${r.name} | ${Math.round(r.score)} | ${ms(r.fcp)} | ${ms(r.lcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | ${ms(r.si)} | ${(r.bytes / 1024).toFixed(0)} KB |`);
  }
  // TBT counts only the part of each task over 50 ms, after Lighthouse's 4× CPU slowdown: near that line a
  // small change in the machine's speed moves it a lot. Every run's figure and the machine's speed, to show it.
  const all = [...results.values()].flat();
  const speeds = all.map((r) => r.benchmarkIndex);
  console.log(
    `\nLighthouse's CPU benchmark index during these runs: median ${Math.round(median(speeds))} (${Math.round(Math.min(...speeds))}–${Math.round(Math.max(...speeds))}).`,
  );
  for (const p of pages.slice(1)) console.log(`TBT of each run, ${p.name}: ${results.get(p).map((r) => ms(r.tbt)).join(', ')}.`);
  const row = (p) => rows[pages.indexOf(p)];
  if (pages === allPages) {
    const [without, ...withZmot] = rows;
    for (const [label, r] of [['as the demo has it', withZmot[0]], ['deferred', withZmot[1]], ['one file, before the split', withZmot[2]]]) {
      console.log(
        `\nAdded by zmot (${label}): performance score ${Math.round(r.score - without.score)}, FCP ${ms(r.fcp - without.fcp)}, LCP ${ms(r.lcp - without.lcp)}, TBT ${ms(r.tbt - without.tbt)}, CLS ${(r.cls - without.cls).toFixed(3)}.`,
      );
    }
  }
  const [server, client] = ssrPages.map(row);
  console.log(
    `\nServer-rendered beside rendered in the browser: performance score ${Math.round(server.score)} / ${Math.round(client.score)}, LCP ${ms(server.lcp)} / ${ms(client.lcp)} (ratio ${(server.lcp / client.lcp).toFixed(2)}), TBT ${ms(server.tbt)} / ${ms(client.tbt)}, CLS ${server.cls.toFixed(3)} / ${client.cls.toFixed(3)}.`,
  );
} finally {
  await browser.close();
  proxy.close();
  await collector.close();
  rmSync(tmp, { recursive: true, force: true });
  before.remove();
}
