import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseImport } from '../../src/collector/import.js';
import { parseFeed, type Feed } from '../../src/feed/schema.js';
import { get, openFresh, startCollector, STORE_KINDS, type Running } from './helpers.js';

/** The policy of a feed of a site that publishes every review it imports and collects none (contract §8). */
const ALL_PUBLISHED = {
  verified: 0,
  published: 'all',
  rejected: { spam: 0, offensive: 0, 'personal-data': 0, 'off-topic': 0, 'not-genuine': 0 },
  sort: 'newest',
};

/** 25 own reviews dated 2026-01-01 … 2026-01-25, ratings cycling 5, 4, 3, 2, 1, plus one Google review. */
function feedJson(): string {
  const reviews = Array.from({ length: 25 }, (_, i) => ({
    id: `r${i + 1}`,
    rating: 5 - (i % 5),
    title: `Review ${i + 1}`,
    body: 'Fine shoes.',
    author: { name: `Buyer ${i + 1}`, role: 'Head of IT', company: 'Fujitsu' },
    date: `2026-01-${String(i + 1).padStart(2, '0')}`,
    verified: i % 2 === 0,
  }));
  reviews.push({ ...reviews[0]!, id: 'g1', date: '', title: 'From Google', source: 'google' } as never);
  return JSON.stringify({
    product: { id: 'sku-42', name: 'Trail Runner 2', brand: 'Acme' },
    sources: [{ id: 'google', name: 'Google', rating: 4.7, scale: 5, count: 812 }],
    reviews,
  });
}

for (const kind of STORE_KINDS) {
  describe(`GET /v1/feeds (${kind})`, () => {
    let server: Running;
    before(async () => {
      server = await startCollector(kind);
      await server.store.importFeeds('acme', parseImport(feedJson(), 'json').feeds);
      await server.store.importFeeds('acme', parseImport(JSON.stringify({
        product: { id: 'sku-7' },
        aggregate: { rating: 4.2, count: 1500, distribution: { '5': 1000, '4': 200, '3': 100, '2': 100, '1': 100 } },
        reviews: [{ id: 1, rating: 5 }],
      }), 'json').feeds);
    });

    test('serves the first page, newest first, with the aggregate over every stored review', async () => {
      const answer = await get(`${server.url}/v1/feeds/acme/sku-42`);
      assert.equal(answer.status, 200);
      const feed = parseFeed(answer.body).feed;
      assert.equal(feed.product.name, 'Trail Runner 2');
      assert.equal(feed.reviews.length, 20);
      assert.deepEqual(feed.reviews.slice(0, 3).map((r) => r.id), ['r25', 'r24', 'r23']);
      assert.deepEqual(feed.aggregate, { rating: 3, count: 25, distribution: { '5': 5, '4': 5, '3': 5, '2': 5, '1': 5 } });
      assert.deepEqual(feed.sources, [{ id: 'google', name: 'Google', rating: 4.7, scale: 5, count: 812 }]);
      // 14 of the 26 stored reviews are marked verified: every other own one (13), and the Google one (a copy of r1).
      assert.deepEqual(feed.policy, { ...ALL_PUBLISHED, verified: 14 / 26 });
      assert.equal(feed.next, './sku-42?page=2', 'relative to the feed: never built from the request\'s Host');
    });

    test('pages through next until the last page, which has none', async () => {
      const first = (await get(`${server.url}/v1/feeds/acme/sku-42`)).body as unknown as Feed;
      const second = (await get(new URL(first.next!, `${server.url}/v1/feeds/acme/sku-42`).href)).body as unknown as Feed;
      assert.deepEqual(second.reviews.map((r) => r.id), ['r5', 'r4', 'r3', 'r2', 'r1', 'g1'], 'undated reviews come last');
      assert.equal(second.next, undefined);
      assert.deepEqual(second.aggregate, first.aggregate);
      const small = (await get(`${server.url}/v1/feeds/acme/sku-42?limit=10&page=2`)).body as unknown as Feed;
      assert.equal(small.reviews[0]!.id, 'r15');
      assert.equal(small.next, './sku-42?page=3&limit=10');
    });

    test('keeps a declared aggregate and numeric review ids', async () => {
      const feed = (await get(`${server.url}/v1/feeds/acme/sku-7`)).body as unknown as Feed;
      assert.equal(feed.aggregate?.count, 1500);
      assert.equal(feed.reviews[0]!.id, 1);
    });

    test('answers with ETag and Cache-Control, 304 when unchanged, for any origin', async () => {
      const answer = await get(`${server.url}/v1/feeds/acme/sku-42`, { origin: 'https://anywhere.example' });
      const etag = answer.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/);
      assert.match(answer.headers.get('cache-control') ?? '', /max-age=60/);
      assert.equal(answer.headers.get('access-control-allow-origin'), '*');
      const again = await fetch(`${server.url}/v1/feeds/acme/sku-42`, { headers: { 'if-none-match': etag! } });
      assert.equal(again.status, 304);
      const otherPage = await fetch(`${server.url}/v1/feeds/acme/sku-42?page=2`, { headers: { 'if-none-match': etag! } });
      assert.equal(otherPage.status, 200);
    });

    test('a new import changes the feed and its ETag', async () => {
      const before = await get(`${server.url}/v1/feeds/acme/sku-9`);
      assert.equal(before.status, 200);
      assert.deepEqual(before.body, { product: { id: 'sku-9' }, reviews: [], policy: ALL_PUBLISHED });
      const csv = 'product,id,rating,title,author,date,product_name\nsku-9,c1,4,Good,Ana,2026-02-01,Hiker\n';
      await server.store.importFeeds('acme', parseImport(csv, 'csv').feeds);
      const first = await get(`${server.url}/v1/feeds/acme/sku-9`);
      assert.equal((first.body as unknown as Feed).product.name, 'Hiker');
      await server.store.importFeeds('acme', parseImport('product,id,rating\nsku-9,c2,2\n', 'csv').feeds);
      const second = await get(`${server.url}/v1/feeds/acme/sku-9`);
      const feed = second.body as unknown as Feed;
      assert.equal(feed.reviews.length, 2);
      assert.equal(feed.product.name, 'Hiker', 'a CSV import keeps fields it does not give');
      assert.equal(feed.aggregate?.rating, 3);
      assert.notEqual(second.headers.get('etag'), first.headers.get('etag'));
    });

    test('replace drops a product’s earlier reviews', async () => {
      await server.store.importFeeds('acme', parseImport('product,id,rating\nsku-r,a,5\nsku-r,b,5\n').feeds);
      await server.store.importFeeds('acme', parseImport('product,id,rating\nsku-r,c,1\n').feeds, { replace: true });
      const feed = (await get(`${server.url}/v1/feeds/acme/sku-r`)).body as unknown as Feed;
      assert.deepEqual(feed.reviews.map((r) => r.id), ['c']);
    });

    test('a product of a known site without reviews is an empty feed, valid, so the widgets say "No reviews yet"; an unknown site is a 404', async () => {
      const empty = await get(`${server.url}/v1/feeds/acme/not-imported`);
      assert.equal(empty.status, 200);
      assert.deepEqual(parseFeed(empty.body).feed, { product: { id: 'not-imported' }, reviews: [], policy: ALL_PUBLISHED });
      assert.match(empty.headers.get('cache-control') ?? '', /max-age=60/);
      const unknown = await get(`${server.url}/v1/feeds/nobody/sku-42`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error, 'unknown site "nobody": nothing imported for it, and not named by --site');
      // A site named by --site is known before anything is imported for it.
      const named = await startCollector(kind, { sites: ['fresh'] });
      assert.deepEqual((await get(`${named.url}/v1/feeds/fresh/sku-1`)).body, { product: { id: 'sku-1' }, reviews: [], policy: ALL_PUBLISHED });
      assert.equal((await get(`${named.url}/v1/feeds/other/sku-1`)).status, 404);
    });

    test('keeps sites apart and refuses bad paging', async () => {
      assert.equal((await get(`${server.url}/v1/feeds/other/sku-42`)).status, 404);
      for (const query of ['page=0', 'page=x', 'limit=101', 'limit=0', 'page=1.5']) {
        const answer = await get(`${server.url}/v1/feeds/acme/sku-42?${query}`);
        assert.equal(answer.status, 400, query);
        assert.match(String(answer.body.error), /^(page|limit): must be an integer/);
      }
    });
  });
}

describe('import parsing', () => {
  test('CSV: quoted fields, header aliases, a BOM, and skipped rows named by line', () => {
    const csv = '\uFEFFProduct ID,id,rating,body,author_name,verified,reply,reply_date\n' +
      'sku-1,a,5,"Loved it, ""truly""\nsecond line",Ana,yes,Thanks!,2026-01-02\n' +
      'sku-1,b,9,Too high,Ben,,,\n' +
      ',c,3,No product,,,,\n' +
      'sku-2,d,3,,,no,,\n';
    const { feeds, skipped } = parseImport(csv);
    assert.deepEqual(feeds.map((f) => f.product.id), ['sku-1', 'sku-2']);
    const a = feeds[0]!.reviews[0]!;
    assert.equal(a.body, 'Loved it, "truly"\nsecond line');
    assert.deepEqual(a.author, { name: 'Ana' });
    assert.equal(a.verified, true);
    assert.deepEqual(a.reply, { body: 'Thanks!', date: '2026-01-02' });
    assert.equal(feeds[1]!.reviews[0]!.verified, false);
    assert.deepEqual(skipped, ['line 3: rating: must be at most 5', 'line 4: product is required']);
  });

  test('CSV without a required column, and broken JSON, are refused whole', () => {
    assert.throws(() => parseImport('product,id\nsku,1\n', 'csv'), /lacks the column "rating"; it has "product", "id"/);
    assert.throws(() => parseImport('{"product": ', 'json'), /not valid JSON/);
    assert.throws(() => parseImport('{"reviews": []}', 'json'), /feed.product/);
  });

  test('JSON: one feed, an array, or {feeds}; bad reviews skipped', () => {
    const one = { product: { id: 'p' }, reviews: [{ id: 'x', rating: 5 }, { id: 'y', rating: 7 }] };
    assert.equal(parseImport(JSON.stringify(one)).feeds.length, 1);
    assert.match(parseImport(JSON.stringify(one)).skipped.join(), /^p: reviews\[1\]\.rating: /);
    assert.equal(parseImport(JSON.stringify([one, { ...one, product: { id: 'q' } }])).feeds.length, 2);
    assert.equal(parseImport(JSON.stringify({ feeds: [one] })).feeds.length, 1);
  });

  test('what no database column holds is refused before anything is written, naming the field', () => {
    // Found by an audit: on PostgreSQL these failed mid-import with the database's words, some after commit.
    const feed = (extra: Record<string, unknown>) => JSON.stringify({ product: { id: 'p' }, reviews: [{ id: 'r', rating: 5 }], ...extra });
    const source = (id: string, count = 3) => ({ id, name: id, rating: 4, count });
    for (const [text, message] of [
      [feed({ aggregate: { rating: 4.5, count: 3_000_000_000 } }), 'product "p": aggregate.count: at most 2147483647'],
      [feed({ aggregate: { rating: 4.5, count: 3, distribution: { 5: 2 ** 31 } } }), 'product "p": aggregate.distribution.5: at most 2147483647'],
      [feed({ sources: [source('g', 2 ** 31)] }), 'product "p": sources[0].count: at most 2147483647'],
      [feed({ aggregate: { rating: 4, count: 2 ** 30 }, sources: [source('g', 2 ** 30)] }), 'product "p": aggregate.count and sources[].count: together at most 2147483647, got 2147483648'],
      [feed({ sources: [source('g'), source('g')] }), 'product "p": sources[1].id: "g" is named twice'],
      [feed({ sources: [source('own')] }), 'product "p": sources[0].id: "own" is reserved (the site\'s own reviews, and the combined score)'],
      [feed({ sources: [source('*')] }), 'product "p": sources[0].id: "*" is reserved (the site\'s own reviews, and the combined score)'],
      [feed({ sources: [source('s'.repeat(65))] }), 'product "p": sources[0].id: longer than 64 characters'],
      [JSON.stringify({ product: { id: 'p'.repeat(129) }, reviews: [] }), `product "${'p'.repeat(40)}…": product.id: longer than 128 characters`],
      ['product,id,rating\nsku\u00001,r,5\n', 'product "sku\\u00001": product.id: contains U+0000 or an unpaired surrogate'],
    ] as const) {
      assert.throws(() => parseImport(text), (error: Error) => error.message === message, message);
    }
    const { feeds, skipped } = parseImport(`product,id,rating\nsku,${'r'.repeat(129)},5\nsku,a\u0000b,4\nsku,ok,3\n`, 'csv');
    assert.deepEqual(feeds[0]!.reviews.map((r) => r.id), ['ok']);
    assert.deepEqual(skipped, [`sku: review "${'r'.repeat(40)}…": id: longer than 128 characters`, 'sku: review "a\\u0000b": id: contains U+0000 or an unpaired surrogate']);
  });
});

for (const kind of STORE_KINDS) {
  test(`the largest ids and counts an import allows are stored (${kind})`, async () => {
    const store = await openFresh(kind);
    const long = '中'.repeat(128); // 384 bytes: ids are counted in UTF-16 units, as the events' schema counts them
    const text = JSON.stringify({
      product: { id: long },
      aggregate: { rating: 4, count: 2_000_000_000, distribution: { 5: 2_147_483_647 } },
      sources: [{ id: '中'.repeat(64), name: 'G', rating: 4, count: 147_483_647 }],
      reviews: [{ id: long, rating: 5, source: '中'.repeat(64) }, { id: 'own-1', rating: 4 }],
    });
    const result = await store.importFeeds('acme', parseImport(text, 'json').feeds);
    assert.deepEqual(result, { products: 1, reviews: 2 });
    assert.equal((await store.product('acme', long))?.aggregate?.count, 2_000_000_000);
    await store.close();
  });
}
