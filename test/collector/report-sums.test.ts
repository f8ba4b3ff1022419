// The report reads sums the database makes (the site's daily rollups and sharers, the product rollups of the
// period); these tests hold it to the report as it was computed before, row by row (report-model.ts), on
// SQLite and PostgreSQL: for the whole period, single days, empty days, a product, another site, with and
// without breakdowns, after duplicates, with confirmed orders, and after the migration fills the site tables
// from rows stored before it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildReport, type ReportOptions } from '../../src/collector/metrics.js';
import { toRows } from '../../src/collector/store/rows.js';
import type { RangeQuery, Store } from '../../src/collector/store/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { DAY, event, openFresh, STORE_KINDS, storeLocation, T0 } from './helpers.js';
import { modelReport } from './report-model.js';

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!;

/** One event of a mix like a real site's, on one of three products (or none), two widgets and five codes. */
function someEvent(next: () => number, i: number, ts: number): ZmotEvent {
  const product = pick(next, ['sku-1', 'sku-2', 'sku-3', undefined]);
  const ref = pick(next, ['ANA', 'BEN', 'CAT', 'DAN', 'EVE']);
  const base = { ts, pv: `pv-${i % 7}`, product };
  const r = next();
  if (r < 0.3) return event('render', { ...base, widget: pick(next, ['rating', 'recommend']) });
  if (r < 0.5) return event('impression', { ...base, widget: pick(next, ['rating', 'recommend']) });
  if (r < 0.6) return event('interaction', { ...base, action: pick(next, ['filter', 'sort']) });
  if (r < 0.7) return event('nps', { ...base, widget: 'recommend', score: Math.floor(next() * 11) });
  if (r < 0.8) return event('share', { ...base, widget: 'recommend', channel: pick(next, ['copy', 'whatsapp']), ref });
  if (r < 0.87) return event('referral_landing', { ...base, widget: undefined, ref, ...(next() < 0.2 ? { self: true } : {}) });
  if (r < 0.97) {
    return event('conversion', {
      ...base,
      widget: undefined,
      product: next() < 0.5 ? undefined : product,
      order_id: `o${i}`,
      ...(next() < 0.6 ? { ref } : {}),
      ...(next() < 0.7 ? { value: Math.floor(next() * 200) / 2, currency: pick(next, ['EUR', 'USD']) } : {}),
    });
  }
  return event('error', { ...base, message: 'feed failed' });
}

/**
 * Fills a store with batches over five days of two sites. `samples`: the share of visitors each page sends;
 * powers of two make every weight and every sum exact in any order, so the report must equal the model exactly.
 */
async function fill(store: Store, seed: number, samples: readonly number[]): Promise<void> {
  const next = random(seed);
  let i = 0;
  const orders: string[] = [];
  for (let batchNo = 0; batchNo < 40; batchNo++) {
    const day = batchNo % 5;
    const ts = T0 + day * DAY;
    const events = Array.from({ length: 25 }, () => someEvent(next, i++, ts));
    const site = batchNo % 4 === 3 ? 'other' : 'acme';
    const sample = pick(next, samples);
    const rows = toRows({ v: 1, site, sent: ts, events, ...(sample === 1 ? {} : { sample }) }, ts);
    if (site === 'acme') for (const e of events) if (e.type === 'conversion') orders.push(e.order_id);
    await store.insert([rows]);
    if (batchNo % 10 === 0) await store.insert([rows]); // a retried batch: all duplicates, counted once
  }
  // The shop confirms some orders: then K and referral revenue count confirmed conversions only.
  const confirmed = orders.filter((_, k) => k % 3 === 0).map((order, k) => (k % 2 === 0 ? { order } : { order, value: k * 4, currency: 'EUR' }));
  await store.confirm('acme', confirmed, T0);
}

const D = (n: number) => new Date(T0 + n * DAY).toISOString().slice(0, 10);

const QUERIES: [string, RangeQuery, ReportOptions][] = [
  ['the whole period with both breakdowns', { site: 'acme', from: D(-2), to: D(6) }, { breakdown: ['product', 'widget'] }],
  ['the whole period without breakdowns', { site: 'acme', from: D(0), to: D(4) }, {}],
  ['one day, widget breakdown first', { site: 'acme', from: D(2), to: D(2) }, { breakdown: ['widget', 'product'] }],
  ['days with nothing', { site: 'acme', from: D(10), to: D(12) }, { breakdown: ['product', 'widget'] }],
  ['one product', { site: 'acme', from: D(0), to: D(4), product: 'sku-2' }, { breakdown: ['product', 'widget'] }],
  ['page-wide events (no product)', { site: 'acme', from: D(1), to: D(3), product: '' }, { breakdown: ['product'] }],
  ['a product nobody saw', { site: 'acme', from: D(0), to: D(4), product: 'sku-404' }, { breakdown: ['product', 'widget'] }],
  ['another site', { site: 'other', from: D(0), to: D(4) }, { breakdown: ['product', 'widget'] }],
  ['a site with no events', { site: 'nobody', from: D(0), to: D(4) }, { breakdown: ['product', 'widget'] }],
];

async function assertLikeModel(store: Store, compare: (actual: unknown, expected: unknown, label: string) => void): Promise<void> {
  for (const [label, query, options] of QUERIES) {
    compare(await buildReport(store, query, options), await modelReport(store, query, options), label);
  }
}

/** Equal, numbers within a relative 1e-12: sums of fractional weights may round differently in another order. */
function assertClose(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(1, Math.abs(expected)), `${path}: ${actual} ≠ ${expected}`);
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object', `${path}: not an object`);
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(expected).sort(), `${path}: keys`);
    for (const key of Object.keys(expected)) {
      assertClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    }
  } else {
    assert.equal(actual, expected, path);
  }
}

for (const kind of STORE_KINDS) {
  describe(`the report from summed rollups (${kind})`, () => {
    test('equals the row-by-row report exactly, when every weight is a power of two', async () => {
      const store = await openFresh(kind);
      try {
        await fill(store, 20, [1, 1, 0.5, 0.25]);
        const whole = await buildReport(store, QUERIES[0]![1], QUERIES[0]![2]);
        assert.ok(whole.total.zmot.renders > 50 && whole.total.umot.sharers > 0 && whole.total.umot.confirmed!.conversions > 0, 'the fixture has data');
        await assertLikeModel(store, (actual, expected, label) => assert.deepEqual(actual, expected, label));
      } finally {
        await store.close();
      }
    });

    test('equals it to the last rounding, with fractional weights', async () => {
      const store = await openFresh(kind);
      try {
        await fill(store, 7, [1, 0.3, 0.7]);
        await assertLikeModel(store, (actual, expected, label) => assertClose(actual, expected, label));
      } finally {
        await store.close();
      }
    });

    test('the migration fills the site tables from what was stored before it', async () => {
      const location = await storeLocation(kind);
      let store = await openFresh(kind, location);
      await fill(store, 3, [1, 0.5]);
      const before = await buildReport(store, QUERIES[0]![1], QUERIES[0]![2]);
      await store.close();
      // Back to the database as migration 5 left it: no site tables, and the step not applied.
      await asBeforeMigration6(kind, location);
      store = await openFresh(kind, location);
      try {
        assert.deepEqual(await buildReport(store, QUERIES[0]![1], QUERIES[0]![2]), before);
        await assertLikeModel(store, (actual, expected, label) => assert.deepEqual(actual, expected, label));
        assert.deepEqual(
          (await store.sites()).map((s) => s.id),
          ['acme', 'other'],
        );
      } finally {
        await store.close();
      }
    });
  });
}

/**
 * Events every third day from 20 January to 10 May 2026, in batches whose days cross month ends: the report of
 * any period must not depend on whether its months were read by month or by day.
 */
async function fillMonths(store: Store, seed: number): Promise<void> {
  const next = random(seed);
  const first = Date.UTC(2026, 0, 20, 12);
  for (let k = 0, i = 0; first + k * 3 * DAY <= Date.UTC(2026, 4, 10, 12); k++) {
    const ts = first + k * 3 * DAY;
    const events = Array.from({ length: 30 }, () => someEvent(next, i++, ts));
    await store.insert([toRows({ v: 1, site: 'acme', sent: ts, events, ...(k % 3 === 1 ? { sample: 0.5 } : {}) }, ts)]);
  }
}

const MONTH_QUERIES: [string, RangeQuery][] = [
  ['whole months only (February to April)', { site: 'acme', from: '2026-02-01', to: '2026-04-30' }],
  ['days at both ends around whole months', { site: 'acme', from: '2026-01-25', to: '2026-04-07' }],
  ['one whole month', { site: 'acme', from: '2026-03-01', to: '2026-03-31' }],
  ['a month but its last day', { site: 'acme', from: '2026-03-01', to: '2026-03-30' }],
  ['across one month end, no whole month', { site: 'acme', from: '2026-02-20', to: '2026-03-10' }],
  ['the year, most months empty', { site: 'acme', from: '2025-06-01', to: '2026-05-31' }],
  ['one product over whole months and days', { site: 'acme', from: '2026-01-21', to: '2026-05-02', product: 'sku-1' }],
  ['page-wide rows, a whole month', { site: 'acme', from: '2026-04-01', to: '2026-04-30', product: '' }],
];

for (const kind of STORE_KINDS) {
  describe(`the report of periods of whole months and days (${kind})`, () => {
    test('equals the row-by-row report, whole months read by month (SQLite) or by day', async () => {
      const store = await openFresh(kind);
      try {
        await fillMonths(store, 11);
        for (const [label, query] of MONTH_QUERIES) {
          const options: ReportOptions = { breakdown: ['product', 'widget'] };
          const report = await buildReport(store, query, options);
          assert.deepEqual(report, await modelReport(store, query, options), label);
          if (!query.from.startsWith('2025')) assert.ok(report.total.zmot.renders > 0 && report.total.umot.sharers > 0, `${label}: the period has data`);
        }
      } finally {
        await store.close();
      }
    });
  });
}

const UNDO_6 = ['DROP TABLE zmot_site_rollups', 'DROP TABLE zmot_site_sharers', 'DELETE FROM zmot_migrations WHERE version = 6'];

async function asBeforeMigration6(kind: string, location: { db?: string; databaseUrl?: string }): Promise<void> {
  if (kind === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(location.db!);
    for (const sql of UNDO_6) db.exec(sql);
    db.close();
  } else {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: location.databaseUrl! });
    await client.connect();
    for (const sql of UNDO_6) await client.query(sql);
    await client.end();
  }
}
