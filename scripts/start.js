#!/usr/bin/env node
/**
 * `npm start`: the whole loop on one embedded database. Builds what changed since the last build
 * (scripts/build-changed.js: nothing when dist/ is up to date with the sources), imports the demo's review
 * feeds (demo/feeds/*.json) for site "demo" into .tmp/demo.db, then runs `zmot serve` with demo/ at /demo/
 * (and again at /demo-csp/ under the strict Content-Security-Policy with Trusted Types that SECURITY.md
 * describes) and dist/ at /dist/, and prints where to look. The demo pages take their feeds from
 * /v1/feeds/demo/{product} and send their events to /v1/events.
 *
 *   npm start                          npm start -- --keep-bots      (count headless browsers' events too)
 *   npm start -- --port 9000           npm start -- --no-build       (serve dist/ as it is)
 *   npm start -- --help                every `zmot serve` option, all passed through
 *   PORT=9000, ZMOT_TOKEN=…, ZMOT_DEMO_DB=/tmp/x.db (another database file; tests use it), DATABASE_URL=postgres://…
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChanged } from './build-changed.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const demo = join(root, 'demo');
const dist = join(root, 'dist');
const site = 'demo';

const args = process.argv.slice(2).filter((arg) => arg !== '--no-build');
const has = (...names) => args.some((arg) => names.some((name) => arg === name || arg.startsWith(`${name}=`)));

if (has('--help', '-h')) {
  process.stdout.write(`Usage: npm start [-- [--no-build] [zmot serve options]]

Builds what changed, imports the demo's reviews for site "demo" and serves the demo pages, dist/ and the
collector. Every "zmot serve" option passes through; npm start's own defaults: --port $PORT or 8787,
--db .tmp/demo.db (or $ZMOT_DEMO_DB; none with --database-url or $DATABASE_URL), --token demo-owner-token-1 (or
$ZMOT_TOKEN), --site demo.

`);
}

if (!process.argv.includes('--no-build') && !has('--help', '-h')) {
  try {
    buildChanged();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

const { main, homePage, openStore, parseImport, STRICT_CSP } = await import('../dist/node/collector/index.js');

// npm start's defaults, before the user's options (the last value of an option wins).
const db = process.env.ZMOT_DEMO_DB ?? join(root, '.tmp', 'demo.db');
const defaults = ['--site', site, '--port', process.env.PORT ?? '8787'];
if (!has('--token')) defaults.push('--token', process.env.ZMOT_TOKEN || 'demo-owner-token-1');
if (!has('--db', '--database-url') && !process.env.DATABASE_URL) defaults.push('--db', db);
const serveArgs = [...defaults, ...args];

/** The value `zmot serve` will use for an option: the last one given. */
const last = (name) => {
  let value;
  serveArgs.forEach((arg, i) => {
    if (arg === name) value = serveArgs[i + 1];
    else if (arg.startsWith(`${name}=`)) value = arg.slice(name.length + 1);
  });
  return value;
};

let imported = { reviews: 0, products: 0 };
let collected = 0;

/**
 * On a fresh demo database, three reviews waiting for moderation (the dashboard's Reviews page): one written
 * through an invitation after an order (a verified purchase, with the incentive the invitation disclosed), two
 * sent from the product page on their own. Stored as `POST /v1/reviews` stores them; nothing when the site
 * already has collected reviews.
 */
async function seedPendingReviews(store) {
  if ((await store.moderatedReviews({ site, limit: 1, offset: 0 })).total > 0) return 0;
  const now = Date.now();
  const hour = 3_600_000;
  const invitation = randomUUID();
  await store.createInvitation({
    id: invitation,
    site,
    product: 'trail-runner-2',
    orderHash: createHash('sha256').update('DEMO-1001').digest('hex'),
    incentive: 'A 5 € voucher for the next order',
    created: now - 72 * hour,
    expires: now + 60 * 24 * hour,
  });
  const reviews = [
    [{ rating: 4, title: 'Grippy on wet rock', body: 'Two months of trail runs in the rain: the sole holds, the toe box is roomy. The laces come undone too easily.', author: { name: 'Marta W.' }, lang: 'en', incentive: 'A 5 € voucher for the next order', created: now - 5 * hour }, invitation],
    [{ rating: 2, title: 'Sizes run small', body: 'I normally wear a 42 and had to send them back for a 43. The exchange was quick, though.', author: { name: 'Jonas' }, lang: 'en', created: now - 3 * hour }],
    [{ rating: 5, body: 'Rechnung, Mahnwesen und Export in einem Werkzeug – unsere Buchhaltung spart jede Woche Stunden.', author: { name: 'Petra H.', role: 'Head of Finance', company: 'Nordlicht GmbH' }, lang: 'de', created: now - hour, product: 'ledgerly-cloud' }],
  ];
  for (const [review, claim] of reviews) {
    await store.addReview({ id: randomUUID(), site, product: 'trail-runner-2', ...review }, claim);
  }
  return reviews.length;
}
if (!has('--help', '-h')) {
  const store = await openStore(last('--database-url') ? { databaseUrl: last('--database-url') } : process.env.DATABASE_URL && !last('--db') ? { databaseUrl: process.env.DATABASE_URL } : { db: last('--db') });
  try {
    const feeds = readdirSync(join(demo, 'feeds'))
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => parseImport(readFileSync(join(demo, 'feeds', name), 'utf8'), 'json', name).feeds);
    imported = await store.importFeeds(site, feeds, { replace: true });
    collected = await seedPendingReviews(store);
  } finally {
    await store.close();
  }
}

const pages = readdirSync(demo)
  .filter((name) => name.endsWith('.html'))
  .sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)))
  .map((name) => {
    const title = /<title>([^<]*)<\/title>/i.exec(readFileSync(join(demo, name), 'utf8'))?.[1]?.trim();
    return { href: `/demo/${name === 'index.html' ? '' : name}`, label: title || basename(name, '.html') };
  });

// demo/ssr.shtml is served at /demo/ssr.html with its server-side includes of /v1/render/… filled in.
pages.push({ href: '/demo/ssr.html', label: 'Trail Runner 2, rendered on the server' });

const token = last('--token');
const keepBots = has('--keep-bots');
const shortPath = (path) => (relative(root, path).startsWith('..') ? path : relative(root, path));
const dbArgs = last('--database-url') ? `--database-url ${last('--database-url')}` : last('--db') ? `--db ${shortPath(last('--db'))}` : '';

/** `zmot serve`'s own output, read for the address; everything else goes through as it is. */
const io = {
  env: process.env,
  err: (text) => process.stderr.write(text),
  out: (text) => {
    const listening = /^zmot collector listening on (\S+) \((.*)\)\n$/.exec(text);
    if (!listening) {
      process.stdout.write(text);
      return;
    }
    const [, address, store] = listening;
    process.stdout.write(`
zmot demo: collector and demo pages on ${address}  (${store}; ${imported.reviews} reviews of ${imported.products} products imported for site "${site}"${collected ? `, ${collected} collected reviews waiting for moderation` : ''})

  demo pages    ${address}/demo/
${pages.map((p) => `                ${address}${p.href}  ${p.label}`).join('\n')}
  strict CSP    ${address}/demo-csp/  the same pages under script-src/style-src 'self' and Trusted Types
  dashboard     ${address}/
  token         ${token}
  feeds         ${address}/v1/feeds/${site}/{product}
  events        POST ${address}/v1/events
  report        curl -H 'Authorization: Bearer ${token}' '${address}/v1/metrics?site=${site}'
                node bin/zmot.js report --site ${site} ${dbArgs}
  invite        node bin/zmot.js invite --site ${site} --product trail-runner-2 --order A-1001 --url ${address}/demo/review.html ${dbArgs}
                (a signed, single-use link to the review form; the review waits under Reviews in the dashboard)

${
  keepBots
    ? 'Bots and headless browsers count too (--keep-bots).'
    : 'Events from bots and headless browsers (puppeteer, Playwright, Lighthouse) are acknowledged but not counted;\nto count them: npm start -- --keep-bots'
}
Every "zmot serve" option passes through: npm start -- --help
Ctrl-C stops it.
`);
  },
};

process.exitCode = await main(['serve', ...serveArgs], io, {
  static: [
    { prefix: '/demo/', root: demo },
    { prefix: '/demo-csp/', root: demo, headers: { 'content-security-policy': STRICT_CSP } },
    { prefix: '/dist/', root: dist },
  ],
  home: homePage([...pages, { href: '/demo-csp/', label: 'The demo under a strict CSP' }]),
  includes: [{ path: '/demo/ssr.html', file: join(demo, 'ssr.shtml') }],
});
