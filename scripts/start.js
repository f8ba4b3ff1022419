#!/usr/bin/env node
/**
 * `npm start`: the whole loop on one embedded database. Builds the drop-in files and the collector, starts
 * the collector on .tmp/demo.db, imports the demo's review feeds (demo/feeds/*.json) into it for site
 * "demo", serves demo/ at /demo/ (and again at /demo-csp/ under the strict Content-Security-Policy with
 * Trusted Types that SECURITY.md describes) and dist/ at /dist/ from the same server, and prints where to look.
 * The demo pages take their feeds from /v1/feeds/demo/{product} and send their events to /v1/events.
 *
 *   npm start                     PORT=9000 npm start          npm start -- --no-build
 *   ZMOT_DEMO_DB=/tmp/x.db npm start   (another database file; tests use it)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const demo = join(root, 'demo');
const dist = join(root, 'dist');
const db = process.env.ZMOT_DEMO_DB ?? join(root, '.tmp', 'demo.db');
const site = 'demo';
const port = Number(process.env.PORT ?? 8787);
const token = process.env.ZMOT_TOKEN ?? 'demo-token';

if (!process.argv.includes('--no-build')) {
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const { createCollector, homePage, openStore, parseImport, STRICT_CSP } = await import('../dist/node/collector/index.js');

const store = await openStore({ db });
const feeds = readdirSync(join(demo, 'feeds'))
  .filter((name) => name.endsWith('.json'))
  .flatMap((name) => parseImport(readFileSync(join(demo, 'feeds', name), 'utf8'), 'json', name).feeds);
const imported = await store.importFeeds(site, feeds, { replace: true });

const pages = readdirSync(demo)
  .filter((name) => name.endsWith('.html'))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)))
  .map((name) => {
    const title = /<title>([^<]*)<\/title>/i.exec(readFileSync(join(demo, name), 'utf8'))?.[1]?.trim();
    return { href: `/demo/${name === 'index.html' ? '' : name}`, label: title || basename(name, '.html') };
  });

// demo/ssr.shtml is served at /demo/ssr.html with its includes filled in (below).
pages.push({ href: '/demo/ssr.html', label: 'Trail Runner 2, rendered on the server' });

const collector = await createCollector({
  store,
  token,
  sites: [site],
  static: [
    { prefix: '/demo/', root: demo },
    { prefix: '/demo-csp/', root: demo, headers: { 'content-security-policy': STRICT_CSP } },
    { prefix: '/dist/', root: dist },
  ],
  home: homePage([...pages, { href: '/demo-csp/', label: 'The demo under a strict CSP' }]),
  logger: { level: 'warn' },
});
// The server-rendered product page: demo/ssr.shtml with each `<!--#include virtual="…" -->` replaced by what the
// collector answers for it (GET /v1/render/…), as nginx's or Apache's server-side includes would (docs/ssr.md).
const INCLUDE = /<!--#include virtual="([^"]+)" -->/g;
collector.app.get('/demo/ssr.html', async (_request, reply) => {
  const template = readFileSync(join(demo, 'ssr.shtml'), 'utf8');
  const paths = [...template.matchAll(INCLUDE)].map((match) => match[1].replaceAll('&amp;', '&'));
  const included = await Promise.all(paths.map((url) => collector.app.inject({ method: 'GET', url }).then((answer) => answer.body)));
  let index = 0;
  return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(template.replace(INCLUDE, () => included[index++]));
});
const address = await collector.app.listen({ port, host: '127.0.0.1' });

process.stdout.write(`
zmot demo: collector and demo pages on ${address}  (SQLite ${db}; ${imported.reviews} reviews of ${imported.products} products imported for site "${site}")

  demo pages    ${address}/demo/
${pages.map((p) => `                ${address}${p.href}  ${p.label}`).join('\n')}
  strict CSP    ${address}/demo-csp/  the same pages under script-src/style-src 'self' and Trusted Types
  feeds         ${address}/v1/feeds/${site}/{product}
  events        POST ${address}/v1/events
  report        curl -H 'Authorization: Bearer ${token}' '${address}/v1/metrics?site=${site}'
                node bin/zmot.js report --site ${site} --db .tmp/demo.db

Ctrl-C stops it.
`);

const stop = () => {
  void collector.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
