/** A referral conversion is filed under the product that was shared, not under "(page-wide)". */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Report } from '../../src/report/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, DAY, event, get, post, startCollector, STORE_KINDS, T0, TOKEN, type Running } from './helpers.js';

const rec = { widget: 'recommend' };
const page = { widget: undefined, product: undefined };

for (const kind of STORE_KINDS) {
  describe(`conversions under the shared product (${kind})`, () => {
    let server: Running;
    const send = async (events: ZmotEvent[], sent = T0) => {
      const answer = await post(server.url, batch(events, { sent }));
      assert.equal(answer.status, 202, JSON.stringify(answer.body));
    };
    const report = async (query: string): Promise<Report> => {
      const answer = await get(`${server.url}/v1/metrics?site=acme&from=2026-03-10&to=2026-03-12&${query}`, { authorization: `Bearer ${TOKEN}` });
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      return answer.body as unknown as Report;
    };

    before(async () => {
      server = await startCollector(kind, { now: () => T0 + 2 * DAY });
      await send([event('share', { ...rec, channel: 'whatsapp', ref: 'ANA42' }), event('share', { ...rec, product: 'sku-7', channel: 'copy', ref: 'BEN7' })]);
      await send(
        [
          event('referral_landing', { ...page, ref: 'ANA42', ts: T0 + DAY }),
          event('conversion', { ...page, order_id: 'o1', ref: 'ANA42', value: 50, currency: 'EUR', ts: T0 + DAY }),
          event('conversion', { ...page, order_id: 'o2', ref: 'BEN7', value: 20, currency: 'EUR', ts: T0 + DAY }),
          event('conversion', { ...page, order_id: 'o3', ref: 'NOBODY', ts: T0 + DAY }),
          event('conversion', { ...page, order_id: 'o4', value: 100, currency: 'EUR', ts: T0 + DAY }),
        ],
        T0 + DAY,
      );
    });

    test('the breakdown by product holds each referral conversion under its shared product', async () => {
      const { breakdown, total } = await report('breakdown=product');
      const byKey = Object.fromEntries(breakdown!.product!.map((row) => [row.key, row.umot]));
      assert.equal(byKey['sku-42']!.referralConversions, 1);
      assert.deepEqual(byKey['sku-42']!.referralRevenue, { EUR: 50 });
      assert.equal(byKey['sku-7']!.referralConversions, 1);
      // A code nobody shared, and a conversion without a referral, stay page-wide.
      assert.equal(byKey['']!.referralConversions, 1);
      assert.equal(byKey['']!.conversions, 2);
      assert.equal(total.umot.conversions, 4);
      assert.equal(total.umot.referralConversions, 3);
    });

    test('a report on one product counts the conversions its shares brought', async () => {
      const one = await report('product=sku-42');
      assert.equal(one.total.umot.referralConversions, 1);
      assert.equal(one.total.umot.shares, 1);
      assert.equal(one.total.umot.k, 1);
    });

    test('a share and the conversion it brought in one batch', async () => {
      const day = T0 + 2 * DAY;
      await send(
        [
          event('share', { ...rec, product: 'sku-9', channel: 'copy', ref: 'CARA1', ts: day }),
          event('conversion', { ...page, order_id: 'o9', ref: 'CARA1', ts: day }),
        ],
        day,
      );
      const { breakdown } = await report('breakdown=product');
      assert.equal(breakdown!.product!.find((row) => row.key === 'sku-9')?.umot.referralConversions, 1);
    });

    test('the raw event keeps what the page sent', async () => {
      const totals = await server.store.totals('acme');
      assert.equal(totals.events.conversion, totals.rollups.conversion);
    });
  });
}
