// Benchmark of the telemetry in Debian's Chromium: main-thread time per 1,000 events and bytes on the wire
// per event, median of several runs, each run in a fresh browser context.
//
//   npm run bench:telemetry [-- --runs 7]
//
// It bundles src/telemetry (with esbuild, minified, as in the drop-in) and serves it on 127.0.0.1 with a
// stand-in collector that answers 202. For each run a page calls track() 1,000 times, as widgets do, then
// zmot.flush(), and waits until the collector has every event. Main-thread time is Chromium's own
// accounting of the page's tasks (CDP Performance.getMetrics, TaskDuration): everything the events cost,
// track() itself, the zmot-event dispatch, the outbox writes, batching, JSON and the requests. Two ways:
// - burst: all 1,000 in one task (the worst case for batching: 50 batches of 20 at once);
// - spread: one event per task (setTimeout 0), so every event pays its own outbox write.
// The page's idle cost (the same wait with no events) is measured too, for reference.
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' } } });
const runs = Math.max(5, Number(values.runs) || 7);
const EVENTS = 1000;

const bundle = (
  await build({
    stdin: {
      contents: `import { configure } from './src/config.ts';
        import { flush, track } from './src/telemetry/index.ts';
        window.__zmot = { configure, flush, track };`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2021',
    write: false,
  })
).outputFiles[0].text;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/telemetry.js"></script></head><body><p>bench</p></body></html>`;

let received = [];
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/collect') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push(body);
      res.writeHead(202, { 'content-type': 'application/json' }).end('{"accepted":1}');
    });
    return;
  }
  const [type, text] = req.url === '/telemetry.js' ? ['text/javascript', bundle] : ['text/html', PAGE];
  res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(text);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const eventsIn = (bodies) => bodies.reduce((n, body) => n + JSON.parse(body).events.length, 0);

/** One run: a fresh page, `mode` of events, the page's main-thread time for them (ms) and what arrived. */
async function run(mode) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.evaluate(() => window.__zmot.configure({ site: 'bench', endpoint: '/collect' }));
  received = [];
  const taskTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  };
  const before = await taskTime();
  const trackMs = await page.evaluate(
    async (mode, count) => {
      const { track, flush } = window.__zmot;
      const widget = document.body;
      const one = (i) => track(widget, { type: 'interaction', action: 'sort', widget: 'rating', product: `sku-${i % 50}` });
      let spent = 0;
      if (mode === 'burst') {
        const start = performance.now();
        for (let i = 0; i < count; i++) one(i);
        spent = performance.now() - start;
      } else if (mode === 'spread') {
        for (let i = 0; i < count; i++) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          const start = performance.now();
          one(i);
          spent += performance.now() - start;
        }
      } else {
        for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      await flush();
      return spent;
    },
    mode,
    EVENTS,
  );
  const deadline = Date.now() + 10_000;
  while (mode !== 'idle' && eventsIn(received) < EVENTS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const total = (await taskTime()) - before;
  const bodies = received;
  await context.close();
  return { total, trackMs, bodies };
}

const results = {};
for (const mode of ['burst', 'spread', 'idle']) {
  const list = [];
  for (let i = 0; i < runs; i++) list.push(await run(mode));
  results[mode] = list;
  if (mode !== 'idle') {
    for (const r of list) if (eventsIn(r.bodies) !== EVENTS) throw new Error(`${mode}: ${eventsIn(r.bodies)} of ${EVENTS} events arrived`);
  }
}

// Bytes on the wire: the bodies of a typical run (batches of 20), and a single render event alone.
const bodies = results.spread[0].bodies;
const bytes = bodies.reduce((n, body) => n + Buffer.byteLength(body), 0);
const context = await browser.createBrowserContext();
const page = await context.newPage();
await page.goto(`${origin}/`, { waitUntil: 'load' });
received = [];
await page.evaluate(async () => {
  window.__zmot.configure({ site: 'bench', endpoint: '/collect' });
  window.__zmot.track(document.body, { type: 'render', widget: 'rating', product: 'sku-42' });
  await window.__zmot.flush();
});
const single = Buffer.byteLength(received[0]);
await context.close();
const version = await browser.version();
await browser.close();
server.close();

const f = (ms) => `${ms.toFixed(1)} ms`;
console.log(`Telemetry benchmark: ${version}, ${cpus().length} CPU(s), median of ${runs} runs of ${EVENTS} events\n`);
console.log('| | main-thread time per 1,000 events (all tasks) | of which in `track()` |');
console.log('| --- | ---: | ---: |');
for (const mode of ['burst', 'spread']) {
  console.log(`| ${mode} | ${f(median(results[mode].map((r) => r.total)))} | ${f(median(results[mode].map((r) => r.trackMs)))} |`);
}
console.log(`| idle page, same ${EVENTS} empty tasks (reference) | ${f(median(results.idle.map((r) => r.total)))} | — |`);
console.log('');
console.log(`Bytes on the wire: ${(bytes / EVENTS).toFixed(0)} bytes per event in batches of 20 (${bodies.length} requests, ${bytes} bytes for ${EVENTS} interaction events); a lone render event: ${single} bytes of body.`);
