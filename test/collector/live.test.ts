/** GET /v1/live: the events of the last 30 minutes, minute by minute, polled with an ETag. */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { LiveAnswer } from '../../src/report/types.js';
import { batch, event, get, post, startCollector, STORE_KINDS, TOKEN, type Running } from './helpers.js';

const AUTH = { authorization: `Bearer ${TOKEN}` };
const MINUTE = 60_000;

for (const kind of STORE_KINDS) {
  describe(`live view (${kind})`, () => {
    let server: Running;
    let clock = Date.UTC(2026, 2, 10, 12, 0, 30);
    before(async () => {
      server = await startCollector(kind, { now: () => clock });
    });

    test('needs the owner token and a site', async () => {
      assert.equal((await get(`${server.url}/v1/live?site=acme`)).status, 401);
      assert.equal((await get(`${server.url}/v1/live`, AUTH)).status, 400);
    });

    test('counts what is stored per minute and type, duplicates once; polling with the ETag gets 304 until something new arrives', async () => {
      const first = [event('render', { ts: clock }), event('impression', { ts: clock })];
      assert.equal((await post(server.url, batch(first, { sent: clock }))).status, 202);
      assert.equal((await post(server.url, batch(first, { sent: clock }))).status, 202, 'a retried batch');
      clock += 2 * MINUTE;
      assert.equal((await post(server.url, batch([event('render', { ts: clock }), event('nps', { widget: 'recommend', score: 9, ts: clock })], { sent: clock, sample: 0.5 }))).status, 202);

      const answer = await get(`${server.url}/v1/live?site=acme`, AUTH);
      assert.equal(answer.status, 200);
      const live = answer.body as unknown as LiveAnswer;
      assert.equal(live.minutes.length, 30);
      assert.equal(live.minutes.at(-1)!.minute, '2026-03-10T12:02:00.000Z');
      assert.deepEqual(live.minutes.at(-1)!.counts, { render: 2, nps: 2 });
      assert.deepEqual(live.minutes.at(-3)!.counts, { render: 1, impression: 1 });
      assert.deepEqual(live.total, { render: 3, impression: 1, nps: 2 });
      const etag = answer.headers.get('etag')!;
      assert.ok(etag);

      assert.equal((await get(`${server.url}/v1/live?site=acme`, { ...AUTH, 'if-none-match': etag })).status, 304);
      assert.equal((await post(server.url, batch([event('share', { widget: 'recommend', channel: 'copy', ref: 'ANA42', ts: clock })], { sent: clock }))).status, 202);
      const after = await get(`${server.url}/v1/live?site=acme`, { ...AUTH, 'if-none-match': etag });
      assert.equal(after.status, 200);
      assert.equal((after.body as unknown as LiveAnswer).total.share, 1);
    });

    test('forgets what is older than 30 minutes; other sites apart', async () => {
      clock += 31 * MINUTE;
      const live = (await get(`${server.url}/v1/live?site=acme`, AUTH)).body as unknown as LiveAnswer;
      assert.deepEqual(live.total, {});
      assert.deepEqual(((await get(`${server.url}/v1/live?site=other`, AUTH)).body as unknown as LiveAnswer).total, {});
    });
  });
}

describe('live view memory', () => {
  test('a site silent for 30 minutes is dropped, not kept for ever (a flood of made-up site ids)', async () => {
    const { LiveCounts } = await import('../../src/collector/live.js');
    const { toRows } = await import('../../src/collector/store/rows.js');
    let clock = Date.UTC(2026, 2, 10, 12);
    const live = new LiveCounts(() => clock);
    for (let i = 0; i < 1000; i++) live.add(toRows(batch([event('render')], { site: `made-up-${i}` }), clock));
    live.add(toRows(batch([event('render')]), clock));
    assert.equal(live.sites, 1001);
    clock += 29 * MINUTE;
    live.add(toRows(batch([event('render')]), clock));
    assert.equal(live.sites, 1001, 'still inside the window');
    clock += 2 * MINUTE;
    live.add(toRows(batch([event('render')]), clock));
    assert.equal(live.sites, 1, 'only the site that kept sending');
    assert.equal(live.answer('acme').total.render, 2);
  });
});
