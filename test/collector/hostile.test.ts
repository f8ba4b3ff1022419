/**
 * Issue 21, "hardened against a hostile internet": each finding an adversarial run against a real collector
 * turned up, reproduced as the attacker sent it, on SQLite and PostgreSQL (SECURITY.md lists them).
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { SiteAccess } from '../../src/collector/access.js';
import { main } from '../../src/collector/cli.js';
import { dashboardRoutes } from '../../src/collector/dashboard-routes.js';
import { buildReport } from '../../src/collector/metrics.js';
import { toRows } from '../../src/collector/store/rows.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import { Writer } from '../../src/collector/writer.js';
import { batch, BROWSER_UA, event, get, metrics, openFresh, post, startCollector, STORE_KINDS, T0, tempDir, TOKEN } from './helpers.js';

const DAY = '2026-03-10';
const conversion = (order_id: string, extra: Record<string, unknown> = {}) =>
  event('conversion', { order_id, widget: undefined, product: undefined, ...extra } as never);

for (const kind of STORE_KINDS) {
  describe(`a hostile internet (${kind})`, () => {
    test('1. a tiny or huge sample is refused: one request cannot make a report infinite or add millions', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      assert.equal((await post(url, batch([event('render')]))).status, 202);
      for (const sample of [5e-324, 1e-6, 0.0009, 0, -1, 2]) {
        const answer = await post(url, batch([event('render'), conversion(`o-${randomUUID()}`)], { sample }));
        assert.equal(answer.status, 400, `sample ${sample}`);
        assert.match(String(answer.body.error), /^sample: must be (at least 0\.001|at most 1)/);
      }
      // The lowest rate allowed, with the highest value: one event may add at most 10^12 of revenue.
      const greedy = await post(url, batch([conversion('o-greedy', { value: 1e12, currency: 'EUR' })], { sample: 0.001 }));
      assert.equal(greedy.status, 400);
      assert.equal(greedy.body.error, 'events[0].value: times 1 / sample must be at most 1000000000000');
      assert.equal((await post(url, batch([conversion('o-fair', { value: 1e9, currency: 'EUR' })], { sample: 0.001 }))).status, 202);
      const { zmot, umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(zmot.renders, 1);
      assert.equal(umot.conversions, 1000);
      assert.deepEqual(umot.revenue, { EUR: 1e12 });
    });

    test('2. a batch the database refuses fails alone: the honest batches committed beside it are stored', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      // What `sample: 5e-324` on a conversion without a value used to make: a NaN weight the database refuses
      // (SQLite's NOT NULL) or stores (PostgreSQL). It is now refused at the door with a 400 …
      const poisoned = await post(url, batch([conversion('o-nan')], { sample: 5e-324 }));
      assert.equal(poisoned.status, 400);
      // … and should any batch get as far as the database and be refused there, it fails alone.
      const writer = new Writer(await openFresh(kind));
      const honest = Array.from({ length: 30 }, () => toRows(batch([event('render'), event('impression')]), T0));
      const bad = toRows(batch([event('render')]), T0).map((row) => ({ ...row, weight: Number.NaN, site: kind === 'sqlite' ? row.site : (null as unknown as string) }));
      const results = await Promise.allSettled([...honest.slice(0, 15).map((rows) => writer.write(rows)), writer.write(bad), ...honest.slice(15).map((rows) => writer.write(rows))]);
      assert.equal(results[15]!.status, 'rejected');
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      assert.equal(fulfilled.length, 30, 'every honest batch was stored');
      assert.ok(fulfilled.every((r) => r.value.accepted === 2));
      // Concurrent honest batches and the same poison over HTTP: only the poison is refused.
      const answers = await Promise.all([
        ...Array.from({ length: 40 }, () => post(url, batch([event('render')]))),
        post(url, batch([conversion('o-nan-2')], { sample: 5e-324 })),
      ]);
      assert.deepEqual(answers.map((a) => a.status).sort(), [...Array.from({ length: 40 }, () => 202), 400]);
      const totals = await store.totals('acme');
      assert.equal(totals.events.render, 40);
      assert.ok(Object.values({ ...totals.events, ...totals.rollups }).every(Number.isFinite));
    });

    test('3. concurrent batches carrying the same ids in different orders: no deadlock, each id stored once', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      const shared = Array.from({ length: 60 }, (_, i) => event(i % 2 ? 'render' : 'impression'));
      // A fixed shuffle per batch (no randomness in the test): rotated and reversed orders of the same ids.
      const orders = Array.from({ length: 24 }, (_, i) => {
        const rotated = [...shared.slice((i * 7) % 60), ...shared.slice(0, (i * 7) % 60)];
        return i % 2 ? rotated.reverse() : rotated;
      });
      const answers = await Promise.all(orders.map((events) => post(url, batch(events))));
      assert.deepEqual(answers.map((a) => a.status), orders.map(() => 202));
      assert.equal(answers.reduce((n, a) => n + Number(a.body.accepted), 0), 60);
      const totals = await store.totals('acme');
      assert.deepEqual(totals.events, { render: 30, impression: 30 });
      assert.deepEqual(totals.rollups, totals.events);
      // The same at the store, each batch its own transaction, all at once (the writer runs four at a time
      // on PostgreSQL), with conversions of the same orders too.
      const direct = await openFresh(kind);
      for (let round = 0; round < 5; round += 1) {
        const ids = Array.from({ length: 80 }, (_, i) => (i % 4 ? event('render') : conversion(`o-${round}-${i}`)));
        const rows = toRows(batch(ids), T0);
        const inserts = Array.from({ length: 8 }, (_, i) => {
          const rotated = [...rows.slice(i * 10), ...rows.slice(0, i * 10)];
          return direct.insert([i % 2 ? rotated.reverse() : rotated]);
        });
        const results = await Promise.all(inserts);
        assert.equal(results.reduce((n, [r]) => n + r!.accepted, 0), 80);
      }
      // PostgreSQL's two ways at once on the same rollup rows: groups of new events only (one statement) beside
      // groups carrying ids stored before or a conversion (the transaction), eight at a time.
      for (let round = 0; round < 5; round += 1) {
        const before = toRows(batch(Array.from({ length: 20 }, () => event('render'))), T0);
        await direct.insert([before]);
        const inserts = Array.from({ length: 8 }, (_, i) => {
          const fresh = toRows(batch(Array.from({ length: 20 }, () => event(i % 2 ? 'render' : 'impression'))), T0);
          if (i % 4 === 0) return direct.insert([[...fresh, ...before.slice(i)]]);
          if (i % 4 === 1) return direct.insert([[...fresh, ...toRows(batch([conversion(`o-both-${round}-${i}`)]), T0)]]);
          return direct.insert([fresh]);
        });
        const results = (await Promise.all(inserts)).map(([r]) => r!);
        assert.deepEqual(results.map((r) => r.accepted), [20, 21, 20, 20, 20, 21, 20, 20]);
        assert.deepEqual(results.map((r) => r.duplicates), [20, 0, 0, 0, 16, 0, 0, 0]);
      }
      const both = await direct.totals('acme');
      assert.deepEqual(both.rollups, both.events);
      // Renders: 60 a round of the loop before, then 20 stored before and 4 × 20 new a round; impressions 4 × 20.
      assert.equal(both.events.render, 5 * 60 + 5 * 20 + 5 * 4 * 20);
      assert.equal(both.events.impression, 5 * 4 * 20);
      await direct.close();
    });

    test('a U+0000 in any parameter of any route, or a site named as no site can be: 400 naming it, never 5xx', async () => {
      // Found by the fuzzer: `GET /v1/metrics?site=acme%00` with the owner's token was a 500 on PostgreSQL,
      // whose text cannot hold U+0000. Every route, every parameter, query string and path alike.
      const { url } = await startCollector(kind, { now: () => T0, keepBots: true });
      assert.equal((await post(url, batch([event('render')]))).status, 202);
      const requests: [method: string, path: string, field: string][] = [];
      for (const route of ['/v1/metrics', '/v1/comments', '/v1/reviews', '/v1/reputation', '/v1/live']) {
        requests.push(['GET', `${route}?site=acme%00`, 'site'], ['GET', `${route}?site=%00`, 'site']);
        requests.push(['GET', `${route}?site=acme&product=sku%0042`, 'product']);
      }
      requests.push(
        ['GET', '/v1/metrics?site=acme&from=2026-03-01%00', 'from'],
        ['GET', '/v1/sites?x=%00', 'x'],
        ['GET', '/v1/feeds/acme%00/sku-42', 'site'],
        ['GET', '/v1/feeds/acme/sku-42%00', 'product'],
        ['GET', '/v1/feeds/acme/sku-42?page=1%00', 'page'],
        ['GET', '/v1/feeds/acme%00/google-product-reviews.xml', 'site'],
        ['GET', '/v1/render/acme%00/sku-42', 'site'],
        ['GET', '/v1/render/acme/sku-42%00', 'product'],
        ['POST', '/v1/reviews/r%00/approve', 'id'],
        ['POST', '/v1/comments/c%00/handled', 'id'],
        ['POST', '/v1/events?site=%00', 'site'],
      );
      for (const [method, path, field] of requests) {
        const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'user-agent': BROWSER_UA } });
        const body = (await response.json()) as { error?: string };
        assert.equal(response.status, 400, `${method} ${path} → ${response.status} ${JSON.stringify(body)}`);
        assert.equal(body.error, `${field}: must not contain U+0000 or unpaired surrogates`, `${method} ${path}`);
      }
      // A site id is letters, digits, ".", "_" and "-": the owner's queries say so rather than answer empty.
      for (const route of ['/v1/metrics', '/v1/comments', '/v1/reviews', '/v1/reputation', '/v1/live']) {
        for (const site of ['bad%20site!', '%3Cb%3E', 'x'.repeat(200)]) {
          const answer = await get(`${url}${route}?site=${site}`, { authorization: `Bearer ${TOKEN}` });
          assert.equal(answer.status, 400, `${route}?site=${site}`);
          assert.match(String(answer.body.error), /^site: /, `${route}?site=${site}`);
        }
      }
      // And the honest question still answers.
      assert.equal((await metrics(url, `site=acme&from=${DAY}&to=${DAY}`)).total.zmot.renders, 1);
    });
  });
}

// The rate limits' clock stands still in these tests, so buckets do not refill while they run.
describe('a hostile internet: client addresses and referral floods', () => {
  const landing = (ref: string) => event('referral_landing', { ref, widget: undefined, product: undefined } as never);

  test('4. behind one proxy, an X-Forwarded-For entry the client wrote itself does not pick its address', async () => {
    // 20 batches a second per address: 2 referral events a second, 20 at once.
    const { url } = await startCollector('sqlite', { now: () => T0, rateAddress: 20, trustProxy: true, clock: () => 0 });
    // The proxy appends the address it saw (198.51.100.7) to what the client sent (a new forged one each time).
    const statuses: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      statuses.push((await post(url, batch([landing(`code${i}xx`)]), { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` })).status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(202));
    assert.deepEqual(statuses.slice(20), Array(10).fill(429), 'the forged first entries did not make new addresses');
    const other = await post(url, batch([landing('friend42')]), { 'x-forwarded-for': '198.51.100.8' });
    assert.equal(other.status, 202, 'a visitor behind the same proxy with another address is not affected');
  });

  test('4. a list of trusted proxies: the client address is the last entry no trusted proxy wrote', async () => {
    const { url } = await startCollector('sqlite', { now: () => T0, rateAddress: 20, trustProxy: ['127.0.0.1', '10.0.0.0/8'], clock: () => 0 });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      // Client 198.51.100.7 → proxy 10.1.2.3 → proxy 127.0.0.1 (the socket) → collector.
      const header = `203.0.113.${i}, 198.51.100.7, 10.1.2.3`;
      statuses.push((await post(url, batch([landing(`code${i}xx`)]), { 'x-forwarded-for': header })).status);
    }
    assert.deepEqual(statuses.slice(0, 20), Array(20).fill(202));
    assert.deepEqual(statuses.slice(20), Array(5).fill(429));
  });

  test('5. the referral limit counts events, not batches: a 200-landing batch is refused, 20 pass, then 429', async () => {
    const { url, store } = await startCollector('sqlite', { now: () => T0, rateAddress: 20, clock: () => 0 });
    const big = await post(url, batch(Array.from({ length: 200 }, (_, i) => landing(`flood${i}xx`))));
    assert.equal(big.status, 413);
    assert.equal(big.body.error, 'events: at most 20 referral events (landings, shares, conversions) a batch, got 200');
    assert.equal((await post(url, batch(Array.from({ length: 15 }, (_, i) => landing(`burst${i}xx`))))).status, 202);
    assert.equal((await post(url, batch(Array.from({ length: 6 }, (_, i) => landing(`more${i}xx`))))).status, 429, '15 + 6 > 20');
    assert.equal((await post(url, batch(Array.from({ length: 5 }, (_, i) => landing(`last${i}xx`))))).status, 202);
    const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
    assert.equal(umot.referralLandings, 20);
  });
});

describe('a hostile internet: smaller faults (7)', () => {
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  test('a query parameter given twice gets 400, on every route', async () => {
    const { url } = await startCollector('sqlite');
    for (const path of ['/v1/metrics?site=a&site=b', '/v1/metrics?site=a&product=x&product=y', '/v1/feeds/acme/sku-42?page=1&page=2', '/v1/sites?x=1&x=2']) {
      const answer = await get(`${url}${path}`, auth(TOKEN));
      assert.equal(answer.status, 400, path);
      assert.match(String(answer.body.error), /^\w+: give it once, not 2 times$/);
    }
  });

  test('the owner token: trimmed, at least 16 characters, and "wrong token" when a wrong one was sent', async () => {
    const { url } = await startCollector('sqlite', { token: '  padded-owner-token-0123  ' });
    assert.equal((await get(`${url}/v1/metrics?site=acme`, auth('padded-owner-token-0123'))).status, 200);
    const none = await get(`${url}/v1/metrics?site=acme`);
    assert.equal(none.status, 401);
    assert.match(String(none.body.error), /token is required/);
    const wrong = await get(`${url}/v1/metrics?site=acme`, auth('not-the-owner-token'));
    assert.equal(wrong.status, 401);
    assert.equal(wrong.body.error, 'authorization: wrong token');
    assert.equal((await get(`${url}/v1/sites`, auth('not-the-owner-token'))).body.error, 'authorization: wrong token');
    const io = { out: () => undefined, err: (t: string) => void (err += t), env: {} };
    let err = '';
    assert.equal(await main(['serve', '--port', '0', '--db', ':memory:', '--token', ' short-token '], io), 2);
    assert.match(err, /^zmot: --token: the owner token needs at least 16 characters, got 11/);
    err = '';
    assert.equal(await main(['serve', '--port', '0', '--db', ':memory:', '--trust-proxy', 'not an address'], io), 2);
    assert.match(err, /^zmot: --trust-proxy: expected a number of proxies or their addresses/);
  });

  test('failed sign-ins are throttled per address: 10 wrong tokens, then 429 even for the right one', async () => {
    const { url } = await startCollector('sqlite', { trustProxy: true, clock: () => 0 });
    const from = (address: string, token: string) => ({ ...auth(token), 'x-forwarded-for': address });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) statuses.push((await get(`${url}/v1/metrics?site=acme`, from('203.0.113.5', `guess-${i}`))).status);
    assert.deepEqual(statuses, [...Array(10).fill(401), ...Array(30).fill(429)]);
    const right = await get(`${url}/v1/metrics?site=acme`, from('203.0.113.5', TOKEN));
    assert.equal(right.status, 429, 'a throttled address cannot confirm a guess');
    assert.ok(Number(right.headers.get('retry-after')) >= 1);
    assert.equal((await get(`${url}/v1/metrics?site=acme`, from('198.51.100.1', TOKEN))).status, 200, 'another address signs in');
  });

  test('paths: an empty part is 400, a 128-character product id gets its feed, the router answers in the collector\'s shape', async () => {
    // Found by an audit: `/v1/render/acme/` was a 500 (an empty product id the renderer refused), product ids of
    // 101–128 characters (events accept 128) got Fastify's own 414, and a broken percent-encoding its own 400.
    const store = await openFresh('sqlite');
    const long = 'é'.repeat(128);
    await store.importFeeds('acme', [{ product: { id: long }, reviews: [{ id: 'r1', rating: 5 }], fields: 'replace' }]);
    const { url } = await startCollector('sqlite', { store, sites: ['acme'] });
    for (const path of ['/v1/render/acme/', '/v1/feeds/acme/']) {
      const answer = await get(`${url}${path}`);
      assert.deepEqual([answer.status, answer.body], [400, { error: 'product: required' }], path);
    }
    const feed = await get(`${url}/v1/feeds/acme/${encodeURIComponent(long)}`);
    assert.equal(feed.status, 200);
    assert.equal((feed.body.product as { id: string }).id, long);
    const rendered = await fetch(`${url}/v1/render/acme/${encodeURIComponent(long)}`);
    assert.equal(rendered.status, 200);
    const tooLong = await get(`${url}/v1/feeds/acme/${'p'.repeat(2049)}`);
    assert.deepEqual([tooLong.status, tooLong.body], [414, { error: 'path: a part of it is longer than 2048 characters' }]);
    const broken = await get(`${url}/v1/feeds/acme/%FF`);
    assert.deepEqual([broken.status, broken.body], [400, { error: 'path: not a valid URL (a broken percent-encoding)' }]);
    // The body limit named is the route's own: 256 KiB for order confirmations, 64 KiB for events.
    const orders = await fetch(`${url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: 'x'.repeat(300_000) });
    assert.deepEqual([orders.status, await orders.json()], [413, { error: 'body: larger than 256 KiB' }]);
    const events = await post(url, 'x'.repeat(70_000));
    assert.deepEqual([events.status, events.body], [413, { error: 'body: larger than 64 KiB; send at most 200 events a batch' }]);
    // One rendered HTML per language, whatever its spelling: `pt-BR` and `pt-x-1` are the same Portuguese.
    const tags: (string | null)[] = [];
    for (const lang of ['pt', 'pt-BR', 'pt-x-1', 'PT-x-2']) tags.push((await fetch(`${url}/v1/render/acme/${encodeURIComponent(long)}?lang=${lang}`)).headers.get('etag'));
    assert.equal(new Set(tags).size, 1, String(tags));
    // A stored feed the element refuses to draw (here a declared rating of 9 of 5, as a store fault would
    // give) is a 422 naming the field, not a 500.
    const faulty = await startCollector('sqlite', {
      store: { ...store, product: async (site: string, id: string) => {
        const data = await store.product(site, id);
        return data && { ...data, aggregate: { rating: 9, count: 1 } };
      } },
      sites: ['acme'],
    });
    const refused = await get(`${faulty.url}/v1/render/acme/${encodeURIComponent(long)}`);
    assert.equal(refused.status, 422);
    assert.match(String(refused.body.error), /aggregate\.rating/);
  });

  test("the feed's next link never comes from the Host header; --public-url makes it absolute", async () => {
    const store = await openFresh('sqlite');
    await store.importFeeds('acme', [{ product: { id: 'sku 42' }, reviews: Array.from({ length: 25 }, (_, i) => ({ id: `r${i}`, rating: 5 })), fields: 'replace' }]);
    const { url } = await startCollector('sqlite', { store });
    const forged = await get(`${url}/v1/feeds/acme/sku%2042`, { host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    assert.equal(forged.body.next, './sku%2042?page=2');
    assert.equal(new URL(String(forged.body.next), `${url}/v1/feeds/acme/sku%2042`).href, `${url}/v1/feeds/acme/sku%2042?page=2`);
    const behind = await startCollector('sqlite', { store: await openFresh('sqlite'), publicUrl: 'https://stats.acme.example/z/' });
    await behind.store.importFeeds('acme', [{ product: { id: 'p' }, reviews: Array.from({ length: 21 }, (_, i) => ({ id: `r${i}`, rating: 4 })), fields: 'replace' }]);
    const absolute = await get(`${behind.url}/v1/feeds/acme/p`, { host: 'evil.example' });
    assert.equal(absolute.body.next, 'https://stats.acme.example/z/v1/feeds/acme/p?page=2');
  });

  test('the dashboard page sends its policy as a header, framing forbidden', async () => {
    const { url } = await startCollector('sqlite');
    const page = await fetch(`${url}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /script-src 'self'/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  });

  test("the owner's API answers no other origin's CORS preflight unless --allow-origin names it", async () => {
    const preflight = (url: string, path: string, origin: string) =>
      fetch(`${url}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const open = await startCollector('sqlite');
    for (const path of ['/v1/metrics?site=acme', '/v1/sites']) {
      const answer = await preflight(open.url, path, 'https://evil.example');
      assert.equal(answer.headers.get('access-control-allow-origin'), null, path);
    }
    const ingest = await preflight(open.url, '/v1/events', 'https://shop.example');
    assert.equal(ingest.headers.get('access-control-allow-origin'), 'https://shop.example', 'ingest stays open by default');
    const reviews = (method: string) =>
      fetch(`${open.url}/v1/reviews`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': method } });
    assert.equal((await reviews('POST')).headers.get('access-control-allow-origin'), 'https://shop.example', 'posting a review is public');
    assert.equal((await reviews('GET')).headers.get('access-control-allow-origin'), null, 'reading reviews is the owner\'s');
    const named = await startCollector('sqlite', { allowOrigin: ['https://admin.acme.example'] });
    assert.equal((await preflight(named.url, '/v1/metrics', 'https://admin.acme.example')).headers.get('access-control-allow-origin'), 'https://admin.acme.example');
    assert.equal((await preflight(named.url, '/v1/metrics', 'https://evil.example')).headers.get('access-control-allow-origin'), null);
    // A wrong token from an allowed origin: the dashboard there can read the 401 (CORS headers come first).
    const wrong = await fetch(`${named.url}/v1/metrics?site=acme`, { headers: { origin: 'https://admin.acme.example', authorization: 'Bearer not-the-owner-token' } });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('access-control-allow-origin'), 'https://admin.acme.example');
  });
});

describe('a hostile internet: a locked SQLite (6)', () => {
  /** Another connection holding the write lock, as another process (`sqlite3 zmot.db`, a backup) would. */
  function holdLock(file: string): { release: () => void } {
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare('INSERT INTO zmot_migrations (version, name, applied) VALUES (999, ?, 0)').run('lock holder');
    return {
      release: () => {
        other.exec('ROLLBACK');
        other.close();
      },
    };
  }

  test('reads answer while a write waits for the lock; the write goes in once the lock is released', async () => {
    const file = join(tempDir(), 'zmot.db');
    const store = openSqlite(file);
    await store.importFeeds('acme', [{ product: { id: 'sku-42' }, reviews: [{ id: 'r1', rating: 5 }], fields: 'replace' }]);
    const { url } = await startCollector('sqlite', { store, now: () => T0 });
    const lock = holdLock(file);
    let settled = false;
    const write = post(url, batch([event('render')])).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50)); // the write has reached the lock
    const feed = await get(`${url}/v1/feeds/acme/sku-42`);
    assert.equal(feed.status, 200);
    const metrics = await get(`${url}/v1/metrics?site=acme&from=${DAY}&to=${DAY}`, { authorization: `Bearer ${TOKEN}` });
    assert.equal(metrics.status, 200);
    assert.equal(settled, false, 'the feed and the report answered while the write was still waiting for the lock');
    lock.release();
    assert.deepEqual((await write).body, { accepted: 1, duplicates: 0 });
  });

  test('a lock held past the busy timeout: 503 naming the cause, nothing stored, and the retry goes in', async () => {
    const file = join(tempDir(), 'zmot.db');
    const store = openSqlite(file, { busyTimeout: 200 });
    const { url } = await startCollector('sqlite', { store, now: () => T0 });
    const lock = holdLock(file);
    const events = [event('render'), event('impression')];
    const answer = await post(url, batch(events));
    assert.equal(answer.status, 503);
    assert.equal(answer.body.error, 'the events could not be stored: the database is locked by another process (still busy after 0.2 s); retry');
    assert.ok(Number(answer.headers.get('retry-after')) >= 1);
    lock.release();
    assert.equal((await store.storedIds(events.map((e) => e.id))).size, 0);
    assert.deepEqual((await post(url, batch(events))).body, { accepted: 2, duplicates: 0 });
  });
});

describe('a hostile internet: compressed, cached browser files and a favicon (10)', () => {
  /** A GET through node:http, which (unlike fetch) leaves the body as it came over the wire. */
  function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      httpGet(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }
  const script = (name: string) => `export const ${name} = ${JSON.stringify('zmot '.repeat(2000))};\n`;

  test("the collector's own routes: brotli or gzip as accepted, a year and immutable for hashed chunks", async () => {
    const dist = tempDir();
    mkdirSync(join(dist, 'chunks'));
    mkdirSync(join(dist, 'locales'));
    writeFileSync(join(dist, 'zmot.js'), script('zmot'));
    writeFileSync(join(dist, 'chunks', 'elements-Ab12_Cd3.js'), script('elements'));
    writeFileSync(join(dist, 'locales', 'de.js'), script('de'));
    const app = Fastify();
    const store = await openFresh('sqlite');
    await app.register(dashboardRoutes, { store, access: new SiteAccess(), authorised: () => true, dist });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const br = await raw(`${url}/zmot.js`, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.headers['content-encoding'], 'br');
      assert.equal(br.headers.vary, 'Accept-Encoding');
      assert.equal(brotliDecompressSync(br.body).toString(), script('zmot'));
      assert.ok(br.body.length < script('zmot').length / 10);
      assert.equal(br.headers['cache-control'], 'public, max-age=300, must-revalidate', 'zmot.js keeps its name across versions');
      const gz = await raw(`${url}/locales/de.js`, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gz.body).toString(), script('de'));
      const plain = await raw(`${url}/zmot.js`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), script('zmot'));
      assert.notEqual(plain.headers.etag, br.headers.etag, 'each form has its own ETag');
      assert.equal((await raw(`${url}/zmot.js`, { 'accept-encoding': 'br', 'if-none-match': br.headers.etag! })).status, 304);
      const chunk = await raw(`${url}/chunks/elements-Ab12_Cd3.js`, { 'accept-encoding': 'br' });
      assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(brotliDecompressSync(chunk.body).toString(), script('elements'));
      // A rebuilt file is compressed again.
      writeFileSync(join(dist, 'zmot.js'), script('rebuilt'));
      utimesSync(join(dist, 'zmot.js'), new Date(), new Date(Date.now() + 5000));
      assert.equal(brotliDecompressSync((await raw(`${url}/zmot.js`, { 'accept-encoding': 'br' })).body).toString(), script('rebuilt'));
    } finally {
      await app.close();
      await store.close();
    }
  });

  test('static folders (npm start\'s /dist/ and /demo/): text files compressed, other headers kept, nothing outside the root', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'dist', 'chunks'), { recursive: true });
    writeFileSync(join(root, 'dist', 'zmot.js'), script('zmot'));
    writeFileSync(join(root, 'dist', 'chunks', 'rating-Zz9_8yXw.js'), script('rating'));
    writeFileSync(join(root, 'secret.js'), script('secret'));
    const { url } = await startCollector('sqlite', {
      static: [{ prefix: '/dist/', root: join(root, 'dist'), headers: { 'x-demo': 'yes' } }],
    });
    const js = await raw(`${url}/dist/zmot.js`, { 'accept-encoding': 'br, gzip' });
    assert.equal(js.status, 200);
    assert.equal(js.headers['content-encoding'], 'br');
    assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(js.headers['x-demo'], 'yes');
    assert.equal(brotliDecompressSync(js.body).toString(), script('zmot'));
    const chunk = await raw(`${url}/dist/chunks/rating-Zz9_8yXw.js`, { 'accept-encoding': 'gzip' });
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(gunzipSync(chunk.body).toString(), script('rating'));
    for (const path of ['/dist/..%2Fsecret.js', '/dist/%2E%2E/secret.js', '/dist/chunks/..%2F..%2Fsecret.js']) {
      const answer = await raw(`${url}${path}`, { 'accept-encoding': 'br' });
      assert.notEqual(answer.status, 200, path);
      assert.ok(!answer.body.toString().includes('export const secret'), path);
    }
  });

  test('a favicon, so pages the collector serves log no 404', async () => {
    const { url } = await startCollector('sqlite');
    for (const path of ['/favicon.ico', '/favicon.svg']) {
      const icon = await fetch(`${url}${path}`);
      assert.equal(icon.status, 200);
      assert.equal(icon.headers.get('content-type'), 'image/svg+xml');
      assert.match(await icon.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });
});

for (const kind of STORE_KINDS) {
  describe(`a hostile internet: forged conversions, confirmed server to server (8, ${kind})`, () => {
    const confirm = (url: string, body: unknown, token = TOKEN) =>
      fetch(`${url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }),
      );
    const share = (ref: string) => event('share', { widget: 'recommend', channel: 'copy', ref });

    test('confirmed and unconfirmed conversions apart; K and referral revenue from confirmed ones once the site confirms', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      const decomposed = 'Cafe\u0301-7'; // "Café-7" typed with a combining accent
      assert.equal((await post(url, batch([
        share('ANA42'), share('BEN77'),
        conversion('o-1', { ref: 'ANA42', value: 50, currency: 'EUR' }),
        conversion('o-2', { ref: 'MALLORY', value: 5000, currency: 'EUR' }), // forged: the shop never had it
        conversion('o-3', { value: 20, currency: 'EUR' }),
        conversion(decomposed, { ref: 'BEN77', value: 10, currency: 'EUR' }),
      ]))).status, 202);
      const report = async () => (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total.umot;
      const before = await report();
      assert.equal(before.confirming, false);
      assert.equal(before.k, 1.5, 'no confirmations yet: every conversion counts');
      assert.deepEqual(before.referralRevenue, { EUR: 5060 });

      assert.equal((await confirm(url, { site: 'acme', orders: [{ order_id: 'o-1' }] }, 'not-the-owner-token')).status, 401);
      const answer = await confirm(url, { site: 'acme', orders: [{ order_id: '  o-1 ', value: 55, currency: 'EUR' }, { order_id: 'o-3' }, { order_id: 'Caf\u00e9-7' }, { order_id: 'o-404' }] });
      assert.deepEqual(answer, { status: 200, body: { confirmed: 4, duplicates: 0 } });
      assert.deepEqual((await confirm(url, { site: 'acme', orders: [{ order_id: 'o-1', value: 1 }] })).body, { confirmed: 0, duplicates: 1 }, 'the first confirmation stands');

      const after = await report();
      assert.equal(after.confirming, true);
      assert.equal(after.conversions, 4);
      assert.deepEqual(after.confirmed, { conversions: 3, referralConversions: 2, revenue: { EUR: 85 }, referralRevenue: { EUR: 65 } });
      assert.equal(after.unconfirmedConversions, 1);
      assert.equal(after.k, 1, '(2 shares / 2 sharers) × (2 confirmed referral conversions / 2 shares)');
      assert.deepEqual(after.referralRevenue, { EUR: 65 }, 'the forged 5 000 no longer counts');
      assert.deepEqual(after.revenue, { EUR: 5080 }, 'all reported revenue is still shown');
      const metrics = await get(`${url}/v1/metrics?site=acme&from=${DAY}&to=${DAY}&breakdown=widget`, { authorization: `Bearer ${TOKEN}` });
      assert.deepEqual((metrics.body.total as { umot: { confirmed: unknown } }).umot.confirmed, after.confirmed);
    });

    test('a replayed conversion with padded or differently normalised order id is the same order', async () => {
      const { url } = await startCollector(kind, { now: () => T0 });
      assert.deepEqual((await post(url, batch([conversion('Café-9', { ref: 'ANA42' })]))).body, { accepted: 1, duplicates: 0 });
      const replays = [conversion(' Café-9 ', { ref: 'MALLORY' }), conversion('Cafe\u0301-9', { ref: 'MALLORY' })];
      assert.deepEqual((await post(url, batch(replays))).body, { accepted: 0, duplicates: 2 });
    });

    test('bad confirmations get 400 naming the field; no token 401; nothing stored', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0, sites: ['acme'] });
      const cases: [unknown, RegExp][] = [
        [{ site: 'acme', orders: [] }, /^orders: must be at least 1 items$/],
        [{ site: 'acme', orders: [{ order_id: 'o-1', value: -1 }] }, /^orders\[0\]\.value: must be at least 0$/],
        [{ site: 'acme', orders: [{ order_id: 'o-1', currency: 'euro' }] }, /^orders\[0\]\.currency: must be an ISO 4217 code/],
        [{ site: 'acme', orders: [{ order_id: 'o\u0000' }] }, /^orders\[0\]\.order_id: must not contain U\+0000/],
        [{ site: 'other', orders: [{ order_id: 'o-1' }] }, /^site: unknown site "other"$/],
        [{ site: 'acme', orders: Array.from({ length: 1001 }, (_, i) => ({ order_id: `o-${i}` })) }, /^orders: must be at most 1000 items$/],
      ];
      for (const [body, message] of cases) {
        const answer = await confirm(url, body);
        assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 80));
        assert.match(String(answer.body.error), message);
      }
      const none = await fetch(`${url}/v1/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(none.status, 401);
      assert.equal(await store.confirms('acme'), false);
    });
  });
}
