/**
 * Collecting reviews (contract §8, docs/reviews.md) against a real collector on SQLite and PostgreSQL:
 * invitations, the public POST /v1/reviews, moderation, and what the feeds show.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createCollector } from '../../src/collector/server.js';
import { signInvitation, readInvitation } from '../../src/collector/invitations.js';
import { openPostgres } from '../../src/collector/store/postgres.js';
import type { Feed } from '../../src/feed/schema.js';
import { parseFeed } from '../../src/feed/schema.js';
import type { ModeratedReview, ReviewsAnswer } from '../../src/report/types.js';
import { formatReport } from '../../src/collector/report.js';
import { batch, BROWSER_UA, DAY, event, get, metrics, post, startCollector, storeLocation, STORE_KINDS, T0, TOKEN, type Answer, type Running } from './helpers.js';

const AUTH = { authorization: `Bearer ${TOKEN}` };
const HOSTILE = '<img src=x onerror=alert(1)> "quotes" & =HYPERLINK("http://evil.example") </script>';
const NO_LIMIT = { rate: 0 };

async function send(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A review as the form sends it: filled in over 8 seconds, honeypot empty. */
function review(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    site: 'acme',
    product: 'sku-42',
    rating: 5,
    title: 'Fits like a glove',
    body: 'Comfortable from the first run, and still fine after 300 km.',
    author: { name: 'Ana Silva', role: 'Head of IT', company: 'Fujitsu' },
    lang: 'en',
    consent: true,
    website: '',
    elapsed: 8000,
    ...extra,
  };
}

for (const kind of STORE_KINDS) {
  describe(`collecting reviews (${kind})`, () => {
    let server: Running;
    let clock = T0;

    const invite = async (body: Record<string, unknown>): Promise<{ token: string; url: string; expires: string }> => {
      const answer = await send(server.url, '/v1/invitations', { site: 'acme', product: 'sku-42', order: 'A-1001', ...body }, AUTH);
      assert.equal(answer.status, 201, JSON.stringify(answer.body));
      return answer.body as { token: string; url: string; expires: string };
    };
    const submit = async (body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string> => {
      const answer = await send(server.url, '/v1/reviews', body, headers);
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
      assert.equal(answer.body.status, 'pending');
      return String(answer.body.id);
    };
    const list = async (query = 'site=acme'): Promise<ReviewsAnswer> => {
      const answer = await get(`${server.url}/v1/reviews?${query}`, AUTH);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body as unknown as ReviewsAnswer;
    };
    const find = async (id: string): Promise<ModeratedReview | undefined> => (await list('site=acme&limit=1000')).reviews.find((r) => r.id === id);
    const moderate = (id: string, action: string, body?: unknown) => send(server.url, `/v1/reviews/${encodeURIComponent(id)}/${action}`, body ?? '', AUTH);
    const feed = async (product = 'sku-42'): Promise<{ feed: Feed; etag: string }> => {
      const answer = await get(`${server.url}/v1/feeds/acme/${product}`);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return { feed: parseFeed(answer.body).feed, etag: answer.headers.get('etag')! };
    };

    before(async () => {
      server = await startCollector(kind, { now: () => clock, reviewsPerAddress: NO_LIMIT, reviewsPerSite: NO_LIMIT, sites: ['acme'] });
      await server.store.importFeeds('acme', [
        {
          product: { id: 'sku-42', name: 'Trail Runner 2', url: 'https://acme.example/p/sku-42' },
          reviews: [
            { id: 'imp-1', rating: 4, body: 'Imported, marked verified', date: '2026-01-02', verified: true },
            { id: 'g-1', rating: 2, body: 'From Google', date: '2026-01-01', source: 'google' },
          ],
          fields: 'replace',
        },
      ]);
    });

    test('an invitation: a link to the product page with the token in its fragment; its payload names no order', async () => {
      const answer = await invite({ incentive: '10 % off your next order', days: 30 });
      assert.equal(answer.url, `https://acme.example/p/sku-42#zmot-invite=${answer.token}`, 'the imported product url by default');
      assert.equal(answer.expires, new Date(clock + 30 * DAY).toISOString());
      const claim = readInvitation(answer.token)!;
      assert.deepEqual({ ...claim, i: typeof claim.i }, { v: 1, s: 'acme', p: 'sku-42', i: 'string', e: clock + 30 * DAY, n: '10 % off your next order' });
      assert.doesNotMatch(Buffer.from(answer.token.split('.')[0]!, 'base64url').toString(), /A-1001/);
      const given = await invite({ url: 'https://shop.example/review?x=1#old' });
      assert.equal(given.url, `https://shop.example/review?x=1#zmot-invite=${given.token}`);
      const none = await send(server.url, '/v1/invitations', { site: 'acme', product: 'not-imported', order: 'A-2' }, AUTH);
      assert.equal(none.status, 400);
      assert.match(String(none.body.error), /^url: /);
      for (const [body, field] of [
        [{ site: 'acme', product: 'sku-42' }, 'order'],
        [{ site: 'acme', product: 'sku-42', order: 'A', days: 0 }, 'days'],
        [{ site: 'acme', product: 'sku-42', order: 'A', days: 366 }, 'days'],
        [{ site: 'acme', product: 'sku-42', order: 'A', url: 'javascript:alert(1)' }, 'url'],
        [{ site: 'other', product: 'sku-42', order: 'A' }, 'site'],
        [{ site: 'acme', product: 'sku-42', order: 'A', incentive: 'x'.repeat(201) }, 'incentive'],
      ] as const) {
        const bad = await send(server.url, '/v1/invitations', body, AUTH);
        assert.equal(bad.status, 400, JSON.stringify(body));
        assert.match(String(bad.body.error), new RegExp(`^${field}: `));
      }
    });

    test('the owner routes need the owner token: 401 without it or with a wrong one', async () => {
      const wrong = { authorization: 'Bearer not-the-token' };
      for (const headers of [{}, wrong]) {
        assert.equal((await send(server.url, '/v1/invitations', { site: 'acme', product: 'sku-42', order: 'A' }, headers)).status, 401);
        assert.equal((await get(`${server.url}/v1/reviews?site=acme`, headers)).status, 401);
        for (const action of ['approve', 'reject', 'reply']) {
          assert.equal((await send(server.url, `/v1/reviews/x/${action}`, '{"reason":"spam","body":"x"}', headers)).status, 401, action);
        }
      }
    });

    test('an invitation verifies one review, once; pending is absent from the feed; approved is present with its labels and a new ETag', async () => {
      const { token } = await invite({ incentive: 'A free sample' });
      const before = await feed();
      const id = await submit(review({ token }));
      const stored = (await find(id))!;
      assert.equal(stored.status, 'pending');
      assert.equal(stored.verification, 'purchase');
      assert.equal(stored.invited, true);
      assert.equal(stored.incentivized, true);
      assert.equal(stored.incentive, 'A free sample');
      assert.deepEqual(stored.history.map((h) => h.action), ['submitted']);
      const pending = await feed();
      assert.ok(!pending.feed.reviews.some((r) => r.id === id), 'a pending review is not published');
      assert.equal(pending.feed.aggregate?.count, before.feed.aggregate?.count);

      const again = await submit(review({ token, body: 'The same link a second time: not verified again.' }));
      const second = (await find(again))!;
      assert.equal(second.verification, 'none');
      assert.equal(second.invited, false);

      const approved = await moderate(id, 'approve');
      assert.equal(approved.status, 200);
      assert.equal((approved.body as unknown as ModeratedReview).status, 'approved');
      const after = await feed();
      assert.notEqual(after.etag, pending.etag, 'the ETag changes at once');
      const shown = after.feed.reviews.find((r) => r.id === id)!;
      assert.deepEqual(
        { verification: shown.verification, verified: shown.verified, invited: shown.invited, incentivized: shown.incentivized, incentive: shown.incentive, source: shown.source },
        { verification: 'purchase', verified: true, invited: true, incentivized: true, incentive: 'A free sample', source: 'own' },
      );
      assert.deepEqual(shown.author, { name: 'Ana Silva', role: 'Head of IT', company: 'Fujitsu' });
      assert.ok(!after.feed.reviews.some((r) => r.id === again), 'the second one is still pending');
      assert.equal(after.feed.aggregate?.count, (before.feed.aggregate?.count ?? 0) + 1, 'the aggregate counts approved reviews');
      assert.equal(after.feed.policy?.published, 'moderated');
      assert.equal(after.feed.policy?.sort, 'newest');
      assert.equal(after.feed.reviews.find((r) => r.id === 'g-1')?.verification, 'imported', 'another platform’s review says it was imported');
    });

    test('forged, altered, expired, another product’s or another site’s tokens give unverified reviews, never refused', async () => {
      const genuine = await invite({ days: 1 });
      const [payload, sig] = genuine.token.split('.') as [string, string];
      const claim = readInvitation(genuine.token)!;
      const tokens = {
        'another key': signInvitation(claim, 'a-key-the-site-does-not-have'),
        altered: `${Buffer.from(JSON.stringify({ ...claim, p: 'sku-42', e: claim.e + DAY })).toString('base64url')}.${sig}`,
        'bad signature': `${payload}.${sig.slice(0, -2)}AA`,
        garbage: 'not a token at all',
        long: 'x'.repeat(600),
      };
      for (const [name, token] of Object.entries(tokens)) {
        const stored = (await find(await submit(review({ token }))))!;
        assert.equal(stored.verification, 'none', name);
        assert.equal(stored.invited, false, name);
      }
      // For another product: unverified, and the invitation stays unused for its own product.
      const other = await invite({ product: 'sku-42', url: 'https://acme.example/p/x' });
      const elsewhere = (await find(await submit(review({ token: other.token, product: 'sku-7' }))))!;
      assert.equal(elsewhere.verification, 'none');
      // Expired: a day and a bit later.
      clock += DAY + 1000;
      try {
        const late = (await find(await submit(review({ token: genuine.token }))))!;
        assert.equal(late.verification, 'none', 'an expired invitation verifies nothing');
      } finally {
        clock -= DAY + 1000;
      }
      const own = (await find(await submit(review({ token: other.token }))))!;
      assert.equal(own.verification, 'purchase', 'the invitation was not spent by the other product’s review');
      // Still unused, now within its day: verified.
      assert.equal((await find(await submit(review({ token: genuine.token }))))!.verification, 'purchase');
    });

    test('reject with a reason: absent from the feed, counted in policy.rejected; any other reason is 400', async () => {
      const id = await submit(review({ rating: 1, body: 'Buy cheap watches at spam.example today!!' }));
      for (const reason of ['rating', 'negative', '', 'SPAM']) {
        const bad = await moderate(id, 'reject', { reason });
        assert.equal(bad.status, 400, reason);
        assert.match(String(bad.body.error), /^reason: must be one of spam, offensive, personal-data, off-topic, not-genuine$/);
      }
      assert.equal((await moderate(id, 'reject')).status, 400, 'no reason at all');
      assert.equal((await moderate(id, 'reject', '{"reason":')).status, 400, 'not JSON');
      const before = (await feed()).feed.policy!.rejected!;
      await moderate(id, 'approve');
      assert.ok((await feed()).feed.reviews.some((r) => r.id === id));
      const rejected = await moderate(id, 'reject', { reason: 'spam' });
      assert.equal(rejected.status, 200);
      assert.equal((rejected.body as unknown as ModeratedReview).reason, 'spam');
      const after = await feed();
      assert.ok(!after.feed.reviews.some((r) => r.id === id), 'a rejected review is not published');
      assert.equal(after.feed.policy!.rejected!.spam, (before.spam ?? 0) + 1);
      assert.deepEqual(Object.keys(after.feed.policy!.rejected!).sort(), ['not-genuine', 'off-topic', 'offensive', 'personal-data', 'spam']);
      const history = (await find(id))!.history;
      assert.deepEqual(history.map((h) => [h.action, h.reason]), [['submitted', undefined], ['approved', undefined], ['rejected', 'spam']]);
      assert.equal((await moderate('no-such-review', 'approve')).status, 404);
    });

    test('a reply appears in the feed; replying again replaces it and the history keeps both', async () => {
      const id = await submit(review({ body: 'Good, but the laces are too short.' }));
      assert.equal((await moderate(id, 'reply', { body: '' })).status, 400);
      assert.match(String((await moderate(id, 'reply', { body: 'x'.repeat(2001) })).body.error), /^body: at most 2000 characters/);
      await moderate(id, 'reply', { body: 'Thanks, longer laces are on the way.' });
      await moderate(id, 'approve');
      const first = await feed();
      assert.equal(first.feed.reviews.find((r) => r.id === id)?.reply?.body, 'Thanks, longer laces are on the way.');
      clock += 1000;
      await moderate(id, 'reply', { body: '  Sent today.  ' });
      const second = await feed();
      assert.equal(second.feed.reviews.find((r) => r.id === id)?.reply?.body, 'Sent today.');
      assert.notEqual(second.etag, first.etag);
      const stored = (await find(id))!;
      assert.deepEqual(stored.history.filter((h) => h.action === 'replied').map((h) => h.body), ['Thanks, longer laces are on the way.', 'Sent today.']);
      assert.equal(stored.reply?.body, 'Sent today.');
    });

    test('hostile text is stored as sent (NFC, trimmed) and comes back as JSON text', async () => {
      const decomposed = 'Cafe\u0301 au lait';
      const id = await submit(review({ title: `  ${decomposed}  `, body: `${HOSTILE} ${HOSTILE}`, author: { name: HOSTILE.slice(0, 60) } }));
      const stored = (await find(id))!;
      assert.equal(stored.title, 'Caf\u00e9 au lait');
      assert.equal(stored.body, `${HOSTILE} ${HOSTILE}`);
      assert.equal(stored.author.name, HOSTILE.slice(0, 60).trim());
      await moderate(id, 'approve');
      const answer = await fetch(`${server.url}/v1/feeds/acme/sku-42?limit=100`);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
      const text = await answer.text();
      assert.equal((JSON.parse(text) as Feed).reviews.find((r) => r.id === id)?.body, `${HOSTILE} ${HOSTILE}`);
    });

    test('honeypot and too-fast forms: 202 and nothing stored; bots’ user agents: 403', async () => {
      const before = (await list()).total;
      const trap = await send(server.url, '/v1/reviews', review({ website: 'http://spam.example' }));
      assert.equal(trap.status, 202);
      assert.equal(trap.body.status, 'pending');
      assert.equal((await send(server.url, '/v1/reviews', review({ elapsed: 900 }))).status, 202);
      assert.equal((await list()).total, before, 'nothing stored');
      assert.equal(await find(String(trap.body.id)), undefined);
      const bot = await send(server.url, '/v1/reviews', review(), { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
      assert.equal(bot.status, 403);
      const headless = await send(server.url, '/v1/reviews', review(), { 'user-agent': 'Mozilla/5.0 HeadlessChrome/120.0.0.0 Safari/537.36' });
      assert.equal(headless.status, 403);
      assert.equal((await list()).total, before);
    });

    test('malformed bodies get 400 naming the field, never a 5xx', async () => {
      const cases: [unknown, RegExp][] = [
        ['', /^body: empty/],
        ['{"site":', /^body: not valid JSON/],
        ['[1,2]', /^body: must be a JSON object/],
        ['null', /^body: must be a JSON object/],
        ['"a review"', /^body: must be a JSON object/],
        [review({ rating: 5e-324 }), /^rating: must be an integer from 1 to 5$/],
        [review({ rating: '5' }), /^rating: must be an integer from 1 to 5$/],
        [review({ rating: 4.5 }), /^rating: must be an integer from 1 to 5$/],
        [review({ rating: 6 }), /^rating: must be an integer from 1 to 5$/],
        [review({ rating: undefined }), /^rating: /],
        [review({ consent: false }), /^consent: must be true$/],
        [review({ consent: 'yes' }), /^consent: must be true$/],
        [review({ body: 'Too short.' }), /^body: at least 20 characters$/],
        [review({ body: 'x'.repeat(5001) }), /^body: at most 5000 characters$/],
        [review({ body: ['an', 'array'] }), /^body: /],
        [review({ title: 'x'.repeat(121) }), /^title: at most 120 characters$/],
        [review({ author: 'Ana' }), /^author: /],
        [review({ author: { name: '   ' } }), /^author\.name: must not be empty$/],
        [review({ author: { name: 'x'.repeat(61) } }), /^author\.name: at most 60 characters$/],
        [review({ author: { name: 'Ana', company: 7 } }), /^author\.company: /],
        [review({ lang: '<script>' }), /^lang: /],
        [review({ body: 'A review with a NUL \u0000 character in it.' }), /^body: must not contain U\+0000/],
        [review({ token: 42 }), /^token: /],
        [review({ site: 'not a site!' }), /^site: /],
        [review({ site: 'unknown-site' }), /^site: unknown site/],
        [review({ elapsed: 'slow' }), /^elapsed: /],
      ];
      for (const [body, error] of cases) {
        const answer = await send(server.url, '/v1/reviews', body);
        assert.equal(answer.status, 400, JSON.stringify(body).slice(0, 80));
        assert.match(String(answer.body.error), error, JSON.stringify(body).slice(0, 80));
      }
      const huge = await send(server.url, '/v1/reviews', review({ body: 'x'.repeat(70_000) }));
      assert.equal(huge.status, 413);
      assert.equal(huge.body.error, 'body: larger than 64 KiB');
      const twice = await get(`${server.url}/v1/reviews?site=acme&site=other`, AUTH);
      assert.equal(twice.status, 400);
      for (const query of ['', 'site=acme&status=hidden', 'site=acme&limit=1001', 'site=acme&offset=-1']) {
        const bad = await get(`${server.url}/v1/reviews?${query}`, AUTH);
        assert.equal(bad.status, 400, query);
      }
    });

    test('GET /v1/reviews filters by status and product and pages newest first', async () => {
      const all = await list('site=acme&limit=1000');
      assert.equal(all.total, all.reviews.length);
      const dates = all.reviews.map((r) => r.date);
      assert.deepEqual(dates, [...dates].sort().reverse());
      const pending = await list('site=acme&status=pending&limit=1000');
      assert.ok(pending.total > 0 && pending.reviews.every((r) => r.status === 'pending'));
      const elsewhere = await list('site=acme&product=sku-7');
      assert.ok(elsewhere.total >= 1 && elsewhere.reviews.every((r) => r.product === 'sku-7'));
      const page = await list('site=acme&limit=2&offset=1');
      assert.deepEqual(page.reviews.map((r) => r.id), all.reviews.slice(1, 3).map((r) => r.id));
      assert.equal((await list('site=nobody')).total, 0);
    });

    test('google-product-reviews.xml: approved collected reviews only, labelled, XML-escaped', async () => {
      const hostile = await submit(review({ title: HOSTILE.slice(0, 100), body: `${HOSTILE} \u0007bell`, lang: 'pt-BR', author: { name: '<b>Zoë & co</b>' } }));
      await moderate(hostile, 'approve');
      const pending = await submit(review({ body: 'Still pending, never syndicated.' }));
      const answer = await fetch(`${server.url}/v1/feeds/acme/google-product-reviews.xml`);
      assert.equal(answer.status, 200);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/xml; charset=utf-8/);
      assert.ok(answer.headers.get('etag'));
      const xml = await answer.text();
      assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<feed [^>]*product_reviews\.xsd">\n  <version>2\.4<\/version>/);
      const unescape = (text: string) => text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!);
      const blocks = [...xml.matchAll(/<review>([\s\S]*?)<\/review>/g)].map((m) => m[1]!);
      const field = (block: string, name: string) => unescape(new RegExp(`<${name}(?: [^>]*)?>([^<]*)</${name}>`).exec(block)?.[1] ?? '');
      const ids = blocks.map((b) => field(b, 'review_id'));
      const collected = (await list('site=acme&status=approved&limit=1000')).reviews;
      assert.deepEqual([...ids].sort(), collected.filter((r) => r.product === 'sku-42').map((r) => r.id).sort(), 'every approved collected review of a product with a page, nothing else');
      assert.ok(!ids.includes(pending) && !ids.includes('imp-1') && !ids.includes('g-1'), 'no pending or imported review');
      const block = blocks[ids.indexOf(hostile)]!;
      assert.equal(field(block, 'content'), `${HOSTILE} bell`, 'the text survives escaping; a control character XML cannot carry is dropped');
      assert.equal(field(block, 'title'), HOSTILE.slice(0, 100).trim());
      assert.equal(field(block, 'name'), '<b>Zoë & co</b>');
      assert.equal(field(block, 'review_language'), 'pt');
      assert.doesNotMatch(xml, /<img|<b>|<script|<\/script/);
      assert.equal(field(block, 'is_verified_purchase'), 'false');
      assert.equal(field(block, 'is_incentivized_review'), 'false');
      assert.equal(field(block, 'collection_method'), 'unsolicited');
      assert.equal(field(block, 'product_url'), 'https://acme.example/p/sku-42');
      const verified = collected.find((r) => r.verification === 'purchase' && r.incentivized && r.product === 'sku-42')!;
      const labelled = blocks[ids.indexOf(verified.id)]!;
      assert.equal(field(labelled, 'is_verified_purchase'), 'true');
      assert.equal(field(labelled, 'is_incentivized_review'), 'true');
      assert.equal(field(labelled, 'collection_method'), 'post_fulfillment');
      assert.equal((await get(`${server.url}/v1/feeds/nobody/google-product-reviews.xml`)).status, 404);
    });

    test('imports keep working beside collected reviews: --replace drops imported ones only', async () => {
      const id = await submit(review({ product: 'sku-9', body: 'Collected before an import of the same product.' }));
      await moderate(id, 'approve');
      await server.store.importFeeds('acme', [{ product: { id: 'sku-9' }, reviews: [{ id: 'i-1', rating: 3, date: '2026-01-01' }], fields: 'merge' }], { replace: true });
      await server.store.importFeeds('acme', [{ product: { id: 'sku-9' }, reviews: [{ id: 'i-2', rating: 4, date: '2026-01-02' }], fields: 'merge' }], { replace: true });
      const { feed: nine } = await feed('sku-9');
      assert.deepEqual(nine.reviews.map((r) => r.id).sort(), [id, 'i-2'].sort());
      assert.equal(nine.aggregate?.count, 2);
    });
  });

  describe(`the collection funnel (${kind})`, () => {
    test('/v1/metrics and zmot report count invitations, form views and starts, submitted, approved, rejected, and ratings by verification', async () => {
      let clock = T0;
      const server = await startCollector(kind, { now: () => clock, reviewsPerAddress: NO_LIMIT });
      const before = await metrics(server.url, 'site=acme&from=2026-03-10&to=2026-03-10');
      assert.equal(before.collection, undefined, 'absent while the site collects no reviews');
      const tokens: string[] = [];
      for (const order of ['A-1', 'A-2', 'A-3']) {
        const answer = await send(server.url, '/v1/invitations', { site: 'acme', product: 'sku-42', order, url: 'https://acme.example/p' }, AUTH);
        tokens.push(String(answer.body.token));
      }
      const form = { widget: 'review-form' };
      const sent = await post(server.url, batch([event('impression', form), event('impression', form), event('interaction', { ...form, action: 'start' }), event('impression')]));
      assert.equal(sent.status, 202);
      const ids: string[] = [];
      for (const body of [review({ token: tokens[0], rating: 5 }), review({ token: tokens[1], rating: 4 }), review({ rating: 2 }), review({ rating: 1 })]) {
        ids.push(String((await send(server.url, '/v1/reviews', body)).body.id));
      }
      await send(server.url, `/v1/reviews/${ids[0]}/approve`, '', AUTH);
      await send(server.url, `/v1/reviews/${ids[1]}/approve`, '', AUTH);
      await send(server.url, `/v1/reviews/${ids[2]}/approve`, '', AUTH);
      await send(server.url, `/v1/reviews/${ids[3]}/reject`, { reason: 'not-genuine' }, AUTH);
      // A review of the next day is not in the period.
      clock += DAY;
      await send(server.url, '/v1/reviews', review());
      const report = await metrics(server.url, 'site=acme&from=2026-03-10&to=2026-03-10');
      assert.deepEqual(report.collection, {
        invitations: 3,
        viewed: 2,
        started: 1,
        submitted: 4,
        approved: 3,
        rejected: 1,
        byVerification: [
          { verification: 'purchase', count: 2, rating: 4.5 },
          { verification: 'none', count: 1, rating: 2 },
        ],
      });
      assert.equal((await metrics(server.url, 'site=acme&from=2026-03-10&to=2026-03-11')).collection?.submitted, 5);
      const text = formatReport(report);
      assert.match(text, /Collecting reviews: 3 invitations, 2 forms seen, 1 started, 4 submitted, 3 approved, 1 rejected\./);
      assert.match(text, /Approved by verification: verified purchases 2 \(4\.50★\), not verified 1 \(2\.00★\)\./);
    });
  });

  describe(`origins (${kind})`, () => {
    test('a page of the site may post reviews cross-origin (CORS); another origin gets 403; the owner routes answer only named origins', async () => {
      const server = await startCollector(kind, { allowOrigin: ['acme=https://acme.example'], reviewsPerAddress: NO_LIMIT });
      const preflight = await fetch(`${server.url}/v1/reviews`, {
        method: 'OPTIONS',
        headers: { origin: 'https://acme.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://acme.example');
      const own = await send(server.url, '/v1/reviews', review(), { origin: 'https://acme.example' });
      assert.equal(own.status, 202);
      assert.equal(own.headers.get('access-control-allow-origin'), 'https://acme.example');
      const evil = await send(server.url, '/v1/reviews', review(), { origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
      const list = await get(`${server.url}/v1/reviews?site=acme`, { ...AUTH, origin: 'https://evil.example' });
      assert.equal(list.headers.get('access-control-allow-origin'), null, 'the owner’s list is not readable from another origin');
    });
  });

  describe(`review floods (${kind})`, () => {
    test('a flood from one address gets 429 with Retry-After; another address still gets 202', async () => {
      const server = await startCollector(kind, { trustProxy: ['loopback'] });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await send(server.url, '/v1/reviews', review(), from('203.0.113.7'))).status);
      assert.deepEqual(statuses.slice(0, 5), [202, 202, 202, 202, 202], 'a burst of five');
      assert.ok(statuses.slice(5).every((s) => s === 429));
      const refused = await send(server.url, '/v1/reviews', review(), from('203.0.113.7'));
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      const honest = await send(server.url, '/v1/reviews', review({ author: { name: 'An honest buyer' } }), from('198.51.100.2'));
      assert.equal(honest.status, 202, 'an honest review from elsewhere is taken');
      const stored = await server.store.moderatedReviews({ site: 'acme', limit: 100, offset: 0 });
      assert.equal(stored.total, 6);
      assert.ok(stored.reviews.some((r) => r.id === honest.body.id && r.author.name === 'An honest buyer'));
    });
  });
}

describe('two collectors sharing one PostgreSQL', () => {
  test('cannot both use one invitation, however the reviews race', async () => {
    const where = await storeLocation('postgres');
    const [a, b] = await Promise.all([openPostgres(where.databaseUrl!), openPostgres(where.databaseUrl!)]);
    const options = { token: TOKEN, rateAddress: 0, rateSite: 0, reviewsPerAddress: NO_LIMIT, reviewsPerSite: NO_LIMIT };
    const one = await createCollector({ ...options, store: a });
    const two = await createCollector({ ...options, store: b });
    try {
      const urls = [await one.app.listen({ port: 0, host: '127.0.0.1' }), await two.app.listen({ port: 0, host: '127.0.0.1' })];
      for (let round = 0; round < 5; round++) {
        const created = await send(urls[0]!, '/v1/invitations', { site: 'acme', product: 'sku-42', order: `A-${round}`, url: 'https://acme.example/p' }, AUTH);
        const token = String(created.body.token);
        const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => send(urls[i % 2]!, '/v1/reviews', review({ token }))));
        assert.ok(answers.every((answer) => answer.status === 202), 'every review is taken');
        const ids = new Set(answers.map((answer) => String(answer.body.id)));
        const stored = (await a.moderatedReviews({ site: 'acme', limit: 1000, offset: 0 })).reviews.filter((r) => ids.has(r.id));
        assert.equal(stored.length, 6);
        assert.equal(stored.filter((r) => r.verification === 'purchase').length, 1, `round ${round}: exactly one verified`);
      }
    } finally {
      await one.close();
      await two.close();
    }
  });
});
