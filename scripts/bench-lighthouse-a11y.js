// Lighthouse's accessibility category on every demo page (demo/*.html and the server-rendered
// demo/ssr.shtml), served as `npm start` serves them: the collector with the demo's reviews, its event
// endpoint and dist/ (SQLite in a temporary folder). The score is not a timing: one run per page, and each
// audit that fails is listed with the elements it names. Goal (issue 23): 100 on every page.
// Needs `npm run build` (dist/ and dist/node/). Exits 1 when a page scores under 100.
//
//   node --import ./scripts/with-bench-deps.js scripts/bench-lighthouse-a11y.js
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, 'demo');
const tmp = mkdtempSync(join(tmpdir(), 'zmot-a11y-'));

const { createCollector, openStore, parseImport } = await import('../dist/node/collector/index.js');
const store = await openStore({ db: join(tmp, 'a11y.db') });
const feeds = readdirSync(join(demo, 'feeds'))
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => parseImport(readFileSync(join(demo, 'feeds', name), 'utf8'), 'json', name).feeds);
await store.importFeeds('demo', feeds, { replace: true });
const collector = await createCollector({
  store,
  token: 'bench-a11y-token',
  sites: ['demo'],
  static: [
    { prefix: '/demo/', root: demo },
    { prefix: '/dist/', root: join(root, 'dist') },
  ],
  includes: [{ path: '/demo/ssr.html', file: join(demo, 'ssr.shtml') }],
  logger: { level: 'warn' },
});
const address = await collector.app.listen({ port: 0, host: '127.0.0.1' });

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const browser = await puppeteer.launch({ executablePath: chromiumPath, args: [...chromiumArgs, `--remote-debugging-port=${port}`], headless: true });

const pages = [...readdirSync(demo).filter((name) => name.endsWith('.html')), 'ssr.html'].sort();
let failed = 0;
const rows = [];
try {
  for (const name of pages) {
    const url = `${address}/demo/${name}`;
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['accessibility'] });
    const { lhr } = result;
    const score = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
    const problems = Object.values(lhr.audits)
      .filter((audit) => audit.score === 0 && audit.scoreDisplayMode === 'binary')
      .map((audit) => {
        const items = audit.details?.items ?? [];
        const where = items.slice(0, 3).map((item) => item.node?.selector ?? item.node?.snippet ?? '').filter(Boolean);
        return `${audit.id}${where.length ? ` (${where.join('; ')})` : ''}`;
      });
    if (score < 100) failed++;
    rows.push({ name, score, problems });
  }
} finally {
  await browser.close();
  await collector.close();
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, accessibility category, one run per page (the score does not depend on timing)\n`);
console.log('| demo page | accessibility | failing audits |');
console.log('|---|---:|---|');
for (const row of rows) console.log(`| ${row.name} | ${row.score} | ${row.problems.join(', ') || '—'} |`);
if (failed) {
  console.log(`\n${failed} page(s) under 100`);
  process.exitCode = 1;
}
