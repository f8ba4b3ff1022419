/**
 * Referral abuse at the collector, on both databases: forged and malformed codes, conversion replays (the
 * same order from another browser, or with someone else's code), self-referral, and a flood of codes from
 * one client address. (The browser's side is in test/referral/abuse.test.ts.)
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import { buildReport } from '../../src/collector/metrics.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, event, post, startCollector, STORE_KINDS, T0 } from './helpers.js';

const DAY = '2026-03-10';
const conversion = (order_id: string, extra: Record<string, unknown> = {}) =>
  event('conversion', { order_id, widget: undefined, product: undefined, ...extra } as never);
const landing = (ref: string, extra: Record<string, unknown> = {}) => event('referral_landing', { ref, widget: undefined, product: undefined, ...extra } as never);
const share = (ref: string) => event('share', { widget: 'recommend', channel: 'copy', ref });

for (const kind of STORE_KINDS) {
  describe(`referral abuse (${kind})`, () => {
    test('malformed codes are refused with a 400 naming the field; the batch stores nothing', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      for (const ref of ['<img src=x onerror=alert(1)>', "abc' OR '1'='1", 'ab cd', 'a/b', '', 'x'.repeat(65), 'ä1234']) {
        for (const bad of [share(ref), landing(ref), conversion(`o-${randomUUID()}`, { ref })]) {
          const good = event('render');
          const answer = await post(url, batch([good, bad]));
          assert.equal(answer.status, 400, `${bad.type} ref ${JSON.stringify(ref)}`);
          assert.match(String(answer.body.error), /^events\[1\]\.ref: /);
          assert.equal((await store.storedIds([good.id, bad.id])).size, 0);
        }
      }
    });

    test('a forged but well-formed code is counted like any other: it cannot be told from a sharer whose own telemetry was off', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      assert.equal((await post(url, batch([landing('neverissued1'), conversion('o-forged', { ref: 'neverissued1' })]))).status, 202);
      const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(umot.referralLandings, 1);
      assert.equal(umot.referralConversions, 1);
      assert.equal(umot.shares, 0, 'no share carries that code, which the report makes visible');
    });

    test('conversion replays: one conversion per order id and site, the first one stands', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      const first = conversion('order-1001', { ref: 'ANA42', value: 50, currency: 'EUR' });
      assert.deepEqual((await post(url, batch([first]))).body, { accepted: 1, duplicates: 0 });
      // The thank-you page opened again in another browser; a replay with another code, to steal the referral;
      // the same event retried; the order twice in one batch; the same order id on another site.
      const replays: ZmotEvent[] = [
        conversion('order-1001', { value: 50, currency: 'EUR' }),
        conversion('order-1001', { ref: 'MALLORY', value: 5000, currency: 'EUR' }),
        first,
      ];
      assert.deepEqual((await post(url, batch(replays))).body, { accepted: 0, duplicates: 3 });
      const twice = [conversion('order-1002', { ref: 'BEN7' }), conversion('order-1002', { ref: 'MALLORY' })];
      assert.deepEqual((await post(url, batch(twice))).body, { accepted: 1, duplicates: 1 });
      assert.deepEqual((await post(url, batch([conversion('order-1001')], { site: 'other' }))).body, { accepted: 1, duplicates: 0 });

      const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(umot.conversions, 2);
      assert.equal(umot.referralConversions, 2);
      assert.deepEqual(umot.referralRevenue, { EUR: 50 });
      assert.deepEqual(await store.storedIds([first.id, ...replays.map((e) => e.id), ...twice.map((e) => e.id)]), new Set([first.id, twice[0]!.id]));
      const totals = await store.totals('acme');
      assert.deepEqual(totals.rollups, totals.events, 'rollups agree with the raw events');
    });

    test('concurrent replays of one order from many clients: exactly one is stored', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(url, batch([conversion('order-race', { ref: `R${i}`, value: 10 })]))),
      );
      assert.ok(answers.every((a) => a.status === 202));
      assert.equal(answers.reduce((n, a) => n + Number(a.body.accepted), 0), 1);
      const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(umot.conversions, 1);
    });

    test('self-referral: a landing on one\'s own code is reported apart, never as a referral', async () => {
      const { url, store } = await startCollector(kind, { now: () => T0 });
      await post(url, batch([share('ANA42'), landing('ANA42', { self: true }), landing('ANA42')]));
      const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(umot.selfLandings, 1);
      assert.equal(umot.referralLandings, 1);
    });

    test('a flood of codes from one address gets 429 with Retry-After; its other events and other addresses go on', async () => {
      // 20 batches a second per address, so 2 referral events a second (a 20-event burst).
      const { url, store } = await startCollector(kind, { now: () => T0, rateAddress: 20, trustProxy: true });
      const from = (address: string) => ({ 'x-forwarded-for': address });
      const flood = Array.from({ length: 20 }, (_, i) => landing(`flood${i}x`));
      assert.equal((await post(url, batch(flood), from('203.0.113.7'))).status, 202, 'a burst passes');
      const next = await post(url, batch([landing('flood99x'), event('render')]), from('203.0.113.7'));
      assert.equal(next.status, 429);
      assert.ok(Number(next.headers.get('retry-after')) >= 1);
      assert.match(String(next.body.error), /too many requests/);
      assert.equal((await post(url, batch([event('impression')]), from('203.0.113.7'))).status, 202, 'widget events still go in');
      assert.equal((await post(url, batch([landing('friend42')]), from('198.51.100.9'))).status, 202, 'another visitor is not affected');
      const { umot } = (await buildReport(store, { site: 'acme', from: DAY, to: DAY })).total;
      assert.equal(umot.referralLandings, 21);
    });
  });
}
