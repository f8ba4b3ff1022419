// The holdout's lift in GET /v1/metrics (contract §10), from events sent to a real collector on SQLite and
// PostgreSQL: assignments count each arm's browsers, conversions carry their arm, and the answer equals the
// analysis of those counts (src/collector/lift.ts).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { analyseLift } from '../../src/collector/lift.js';
import { formatReport } from '../../src/collector/report.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, event, metrics, post, startCollector, STORE_KINDS, T0, type Running } from './helpers.js';

const DAY1 = '2026-03-10';

for (const kind of STORE_KINDS) {
  describe(`measured lift in /v1/metrics (${kind})`, () => {
    let server: Running;
    /** Sends `events` in batches of 50 (under the collector's limit per batch). */
    const send = async (events: ZmotEvent[], extra: Parameters<typeof batch>[1] = {}) => {
      for (let i = 0; i < events.length; i += 50) {
        const answer = await post(server.url, batch(events.slice(i, i + 50), { sent: T0, ...extra }));
        assert.equal(answer.status, 202, JSON.stringify(answer.body));
      }
    };
    const report = (query: string) => metrics(server.url, query);

    before(async () => {
      server = await startCollector(kind, { now: () => T0 });
      // 380 browsers shown and 20 held out (a 5 % holdout); 19 and 0 orders from them, one of the shown
      // arm's orders sent twice (it counts once), one order in another currency, and a conversion from before
      // the holdout (no arm: not counted).
      const assign = (arm: 'shown' | 'holdout', n: number) =>
        Array.from({ length: n }, (_, i) => event('assignment', { arm, share: 0.05, pv: `${arm}-${i}` }));
      await send([...assign('shown', 380), ...assign('holdout', 20)]);
      const orders = Array.from({ length: 19 }, (_, i) =>
        event('conversion', { arm: 'shown', order_id: `o-${i}`, value: 40, currency: 'EUR', product: i < 10 ? 'sku-1' : 'sku-2' }),
      );
      await send([...orders, { ...orders[0]!, id: '0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f0001' }]);
      await send([
        event('conversion', { arm: 'shown', order_id: 'o-usd', value: 10, currency: 'USD' }),
        event('conversion', { order_id: 'o-before', value: 99, currency: 'EUR' }),
        event('render', { arm: 'shown' }),
      ]);
    });

    test('per arm: browsers, conversions and revenue, and the analysis of them', async () => {
      const { lift } = await report(`site=acme&from=${DAY1}&to=${DAY1}`);
      assert.ok(lift, 'a lift while browsers are assigned');
      assert.deepEqual(
        { ...lift.shown },
        { browsers: 380, conversions: 20, revenue: 19 * 40, rate: 20 / 380, revenuePerBrowser: (19 * 40) / 380 },
      );
      assert.deepEqual({ ...lift.holdout }, { browsers: 20, conversions: 0, revenue: 0, rate: 0, revenuePerBrowser: 0 });
      assert.equal(lift.currency, 'EUR');
      assert.equal(lift.share, 0.05);
      assert.equal(lift.mixed, false);
      const expected = analyseLift({ browsers: 380, conversions: 20, revenue: 760 }, { browsers: 20, conversions: 0, revenue: 0 }, 0.05);
      assert.equal(lift.relative, expected.relative);
      assert.deepEqual(lift.interval, expected.interval);
      assert.equal(lift.srm, false, '380 : 20 is what a 5 % share predicts');
      assert.equal(lift.mde, expected.mde);
      assert.equal(lift.confidence, 0.95);
      // zmot report says it in words, with the caveat that a holdout of 20 browsers proves nothing yet.
      const text = formatReport(await report(`site=acme&from=${DAY1}&to=${DAY1}`));
      const pct = (r: number) => `${r >= 0 ? '+' : '−'}${Math.abs(r * 100).toFixed(1)}%`;
      assert.ok(
        text.includes(`changed conversions by ${pct(expected.relative!)} (95% interval ${pct(expected.interval![0])} to ${pct(expected.interval![1])}) across 400 browsers`),
        text,
      );
      assert.match(text, /The interval spans zero/);
      assert.doesNotMatch(text, /sample-ratio mismatch/);
    });

    test('per product: the product’s conversions over the site’s browsers', async () => {
      const { lift } = await report(`site=acme&from=${DAY1}&to=${DAY1}&product=sku-1`);
      assert.equal(lift?.shown.browsers, 380);
      assert.equal(lift?.shown.conversions, 10);
      assert.equal(lift?.holdout.browsers, 20);
    });

    test('a skewed assignment is flagged; a site without a holdout has no lift', async () => {
      await send(Array.from({ length: 200 }, (_, i) => event('assignment', { arm: 'shown', share: 0.05, pv: `more-${i}` })), { site: 'skewed' });
      await send(Array.from({ length: 40 }, (_, i) => event('assignment', { arm: 'holdout', share: 0.05, pv: `held-${i}` })), { site: 'skewed' });
      const skewed = await report(`site=skewed&from=${DAY1}&to=${DAY1}`);
      assert.equal(skewed.lift?.srm, true, '200 : 40 is not a 5 % holdout');
      assert.match(formatReport(skewed), /sample-ratio mismatch/);
      await send([event('render')], { site: 'plain' });
      const plain = await report(`site=plain&from=${DAY1}&to=${DAY1}`);
      assert.equal(plain.lift, undefined);
    });
  });
}
