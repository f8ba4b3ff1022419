/** Reputation over time: a snapshot per import, per product and source, read back by GET /v1/reputation. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseImport } from '../../src/collector/import.js';
import type { ReputationAnswer } from '../../src/report/types.js';
import { BROWSER_UA, get, startCollector, STORE_KINDS, TOKEN, type Running } from './helpers.js';

const AUTH = { authorization: `Bearer ${TOKEN}` };
const close = (actual: number | null | undefined, expected: number) => assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-9, `${actual} ≈ ${expected}`);

function feed(g2: { rating: number; count: number }, reviews: unknown[]): string {
  return JSON.stringify({
    product: { id: 'boot', name: 'Trail boot' },
    sources: [
      { id: 'g2', name: 'G2', rating: g2.rating, scale: 5, count: g2.count },
      { id: 'trustpilot', name: 'Trustpilot', rating: 8, scale: 10, count: 50 },
    ],
    reviews,
  });
}

const FIRST = [
  { id: 'a', rating: 5, date: '2026-02-20', reply: { body: 'Thank you!', date: '2026-02-22' } },
  { id: 'b', rating: 3, date: '2026-02-25' },
];

for (const kind of STORE_KINDS) {
  describe(`reputation over time (${kind})`, () => {
    let server: Running;
    const ask = async (query: string): Promise<ReputationAnswer> => {
      const answer = await get(`${server.url}/v1/reputation?${query}`, AUTH);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body as unknown as ReputationAnswer;
    };

    before(async () => {
      server = await startCollector(kind, { now: () => Date.UTC(2026, 2, 30, 12) });
      await server.store.importFeeds('acme', parseImport(feed({ rating: 4.5, count: 100 }, FIRST), 'json').feeds, { now: Date.UTC(2026, 2, 1, 9) });
      await server.store.importFeeds(
        'acme',
        parseImport(feed({ rating: 4.6, count: 120 }, [...FIRST, { id: 'c', rating: 1, date: '2026-03-15', reply: { body: 'Sorry', date: '2026-03-19' } }]), 'json').feeds,
        { now: Date.UTC(2026, 2, 20, 9) },
      );
    });

    test('needs the owner token and a site; a bad date is a clear 400', async () => {
      assert.equal((await get(`${server.url}/v1/reputation?site=acme`)).status, 401);
      assert.equal((await get(`${server.url}/v1/reputation`, AUTH)).status, 400);
      const bad = await get(`${server.url}/v1/reputation?site=acme&from=yesterday`, AUTH);
      assert.equal(bad.status, 400);
      assert.match(String(bad.body.error), /^from: /);
    });

    test('each source and the combined score as they were, with the previous period’s close and the trend', async () => {
      const answer = await ask('site=acme&from=2026-03-10&to=2026-03-30');
      assert.equal(answer.products.length, 1);
      const [boot] = answer.products;
      assert.equal(boot!.product, 'boot');
      // Combined, as the widgets show it: the count-weighted mean of every part normalised to 5.
      close(boot!.combined.rating, (3 * 3 + 4.6 * 120 + 4 * 50) / 173);
      assert.equal(boot!.combined.count, 173);
      close(boot!.combined.previous?.rating, (4 * 2 + 4.5 * 100 + 4 * 50) / 152);
      assert.equal(boot!.combined.previous?.day, '2026-03-01');
      assert.deepEqual(boot!.combined.days.map((d) => d.day), ['2026-03-20']);
      assert.deepEqual(boot!.sources.map((s) => [s.source, s.name, s.count]), [['own', '', 3], ['g2', 'G2', 120], ['trustpilot', 'Trustpilot', 50]]);
      close(boot!.sources[1]!.previous?.rating, 4.5);
      close(boot!.sources[2]!.rating, 4);
    });

    test('the share of reviews answered and the median days to answer', async () => {
      const [boot] = (await ask('site=acme&from=2026-03-10&to=2026-03-30')).products;
      close(boot!.sources[0]!.replyShare, 2 / 3);
      close(boot!.sources[0]!.medianReplyDays, 3);
      assert.equal(boot!.sources[1]!.replyShare, null, 'no G2 review is stored');
      close(boot!.combined.replyShare, 2 / 3);
    });

    test('a period before the second import ends at the first; product filters; an unknown site has none', async () => {
      const early = await ask('site=acme&from=2026-03-01&to=2026-03-10');
      close(early.products[0]!.combined.rating, (4 * 2 + 4.5 * 100 + 4 * 50) / 152);
      assert.equal(early.products[0]!.combined.previous, null);
      assert.deepEqual((await ask('site=acme&product=shoe&from=2026-03-01&to=2026-03-30')).products, []);
      assert.deepEqual((await ask('site=other')).products, []);
    });

    // Runs last: it adds a review to the product the tests above read.
    test('approving a collected review, and replying to it, keep the day’s snapshot', async () => {
      const posted = await fetch(`${server.url}/v1/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': BROWSER_UA },
        body: JSON.stringify({ site: 'acme', product: 'boot', rating: 2, body: 'The sole came loose after a month.', author: { name: 'Kai' }, consent: true }),
      });
      assert.equal(posted.status, 202);
      const { id } = (await posted.json()) as { id: string };
      const before = await ask('site=acme&from=2026-03-30&to=2026-03-30');
      assert.deepEqual(before.products[0]!.combined.days.map((d) => d.day), [], 'a pending review moves nothing');
      const moderate = (action: string, body?: unknown) =>
        fetch(`${server.url}/v1/reviews/${id}/${action}`, { method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: body === undefined ? '' : JSON.stringify(body) });
      assert.equal((await moderate('approve')).status, 200);
      let [boot] = (await ask('site=acme&from=2026-03-30&to=2026-03-30')).products;
      assert.deepEqual(boot!.combined.days.map((d) => d.day), ['2026-03-30']);
      assert.equal(boot!.sources[0]!.count, 4);
      close(boot!.sources[0]!.rating, (5 + 3 + 1 + 2) / 4);
      close(boot!.sources[0]!.replyShare, 2 / 4);
      assert.equal((await moderate('reply', { body: 'We are sending a new pair.' })).status, 200);
      [boot] = (await ask('site=acme&from=2026-03-30&to=2026-03-30')).products;
      close(boot!.sources[0]!.replyShare, 3 / 4);
      assert.equal((await moderate('reject', { reason: 'off-topic' })).status, 200);
      [boot] = (await ask('site=acme&from=2026-03-30&to=2026-03-30')).products;
      assert.equal(boot!.sources[0]!.count, 3, 'a rejected review leaves the score');
    });
  });
}
