import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { batch, event, many, post, startCollector, STORE_KINDS, type Running } from './helpers.js';

for (const kind of STORE_KINDS) {
  describe(`POST /v1/events (${kind})`, () => {
    let server: Running;
    const stored = async (ids: string[]) => (await server.store.storedIds(ids)).size;

    before(async () => {
      server = await startCollector(kind, {
        allowOrigin: ['acme=https://acme.example', 'https://shared.example'],
        sites: ['beta'],
      });
    });

    test('stores a batch and answers 202 with the count', async () => {
      const events = many(3);
      const answer = await post(server.url, batch(events));
      assert.equal(answer.status, 202);
      assert.deepEqual(answer.body, { accepted: 3, duplicates: 0 });
      assert.equal(await stored(events.map((e) => e.id)), 3);
    });

    test('takes the body as text/plain, JSON, or with no content type', async () => {
      for (const type of ['text/plain;charset=UTF-8', 'application/json', 'application/octet-stream']) {
        const answer = await post(server.url, batch(many(1)), { 'content-type': type });
        assert.equal(answer.status, 202, type);
        assert.equal(answer.body.accepted, 1);
      }
      const bare = await fetch(`${server.url}/v1/events`, { method: 'POST', body: new Blob([JSON.stringify(batch(many(1)))]), headers: { 'user-agent': 'Mozilla/5.0 Chrome/120' } });
      assert.equal(bare.status, 202);
    });

    test('counts duplicate ids, across batches and within one, and stores each once', async () => {
      const events = many(4);
      assert.deepEqual((await post(server.url, batch(events))).body, { accepted: 4, duplicates: 0 });
      const again = [...events.slice(0, 2), ...many(1)];
      assert.deepEqual((await post(server.url, batch(again))).body, { accepted: 1, duplicates: 2 });
      const twice = event('render');
      assert.deepEqual((await post(server.url, batch([twice, { ...twice }]))).body, { accepted: 1, duplicates: 1 });
      const upper = { ...events[3]!, id: events[3]!.id.toUpperCase() };
      assert.deepEqual((await post(server.url, batch([upper]))).body, { accepted: 0, duplicates: 1 }, 'ids compare without case');
    });

    test('refuses an invalid batch with 400 naming the field, storing nothing of it', async () => {
      const good = many(5);
      const answer = await post(server.url, batch([...good, event('nps', { score: 12 })]));
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'events[5].score: must be at most 10');
      assert.equal(await stored(good.map((e) => e.id)), 0);
    });

    test('refuses more than 200 events or 64 KiB with 413, storing nothing', async () => {
      const events = many(201);
      const answer = await post(server.url, batch(events));
      assert.equal(answer.status, 413);
      assert.match(String(answer.body.error), /at most 200 events/);
      assert.equal(await stored(events.map((e) => e.id)), 0);
      const padded = { ...batch(many(1)), padding: 'x'.repeat(65 * 1024) };
      const big = await post(server.url, padded);
      assert.equal(big.status, 413);
      assert.match(String(big.body.error), /larger than 64 KiB/);
      assert.equal((await post(server.url, batch(many(200)))).status, 202, '200 events are fine');
    });

    test('answers known bots 202 and stores nothing', async () => {
      for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'curl/8.5.0', 'HeadlessChrome/120.0']) {
        const events = many(2);
        const answer = await post(server.url, batch(events), { 'user-agent': ua });
        assert.equal(answer.status, 202, ua);
        assert.equal(await stored(events.map((e) => e.id)), 0, ua);
      }
    });

    test('answers an empty batch 202', async () => {
      assert.deepEqual((await post(server.url, batch([]))).body, { accepted: 0, duplicates: 0 });
    });

    test('knows its sites: others get 400', async () => {
      assert.equal((await post(server.url, batch(many(1), { site: 'beta' }))).status, 202, 'named by --site');
      const answer = await post(server.url, batch(many(1), { site: 'gamma' }));
      assert.equal(answer.status, 400);
      assert.equal(answer.body.error, 'site: unknown site "gamma"');
    });

    test('CORS per site: the site’s own origins and shared ones may post; others get 403', async () => {
      const own = await post(server.url, batch(many(1)), { origin: 'https://acme.example' });
      assert.equal(own.status, 202);
      assert.equal(own.headers.get('access-control-allow-origin'), 'https://acme.example');
      assert.equal((await post(server.url, batch(many(1)), { origin: 'https://shared.example' })).status, 202);
      const events = many(1);
      const other = await post(server.url, batch(events, { site: 'beta' }), { origin: 'https://acme.example' });
      assert.equal(other.status, 403, 'acme’s origin may not post for beta');
      assert.equal(await stored(events.map((e) => e.id)), 0);
      const evil = await post(server.url, batch(many(1)), { origin: 'https://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);
    });

    test('answers the CORS preflight', async () => {
      const preflight = await fetch(`${server.url}/v1/events`, {
        method: 'OPTIONS',
        headers: { origin: 'https://acme.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://acme.example');
      assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Content-Type/i);
      const refused = await fetch(`${server.url}/v1/events`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
    });
  });
}

describe('rate limits', () => {
  test('per client address: 429 with Retry-After once the burst is spent', async () => {
    const { url } = await startCollector('sqlite', { rateAddress: 1 });
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await post(url, batch(many(1))));
    assert.deepEqual(answers.slice(0, 10).map((a) => a.status), Array(10).fill(202), 'a burst of 10 s at 1 a second');
    const limited = answers[10]!;
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '1');
    assert.match(String(limited.body.error), /too many requests/);
  });

  test('per site: counted in events, 429 with Retry-After', async () => {
    const { url } = await startCollector('sqlite', { rateSite: 10 });
    assert.equal((await post(url, batch(many(100)))).status, 202);
    const limited = await post(url, batch(many(50)));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '5');
    assert.equal((await post(url, batch(many(1), { site: 'other' }))).status, 202, 'other sites have their own bucket');
  });
});
