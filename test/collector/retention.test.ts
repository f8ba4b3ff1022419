/**
 * Retention (`--retain-days`) and the migration that made it possible (migration 7): raw events of old days
 * are dropped — whole month partitions on PostgreSQL, small batches on SQLite — while rollups, orders and
 * every report stay; a database made by the previous schema moves forward without losing an event.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildReport } from '../../src/collector/metrics.js';
import { createCollector } from '../../src/collector/server.js';
import { firstKeptDay } from '../../src/collector/retention.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from '../../src/collector/store/migrations.js';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { dayOf, summariseRows, toRows, type EventRow } from '../../src/collector/store/rows.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import type { Store } from '../../src/collector/store/types.js';
import type { ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, DAY, event, storeLocation, STORE_KINDS, TOKEN, type StoreKind } from './helpers.js';
import { modelReport } from './report-model.js';

const NOW = Date.now();
const AGES = [100, 70, 45, 31, 29, 3, 0] as const;

/** Events `age` days old by the collector's clock (the page's clock agrees with it). */
function aged(age: number, events: ZmotEvent[]) {
  const ts = NOW - age * DAY;
  return toRows(batch(events.map((e) => ({ ...e, ts })), { sent: NOW }), NOW);
}

function workload(): EventRow[][] {
  return AGES.map((age, i) =>
    aged(age, [
      event('render'),
      event('render'),
      event('impression'),
      event('nps', { score: 9, widget: 'recommend', comment: `kind words ${i}` }),
      event('conversion', { order_id: `order-${age}`, value: 20, currency: 'EUR' }),
    ]),
  );
}

const everything = { site: 'acme', from: '1970-01-01', to: dayOf(NOW) };
const byDay = (rows: { day: string; type: string; n: number }[]) => rows.map((r) => `${r.day} ${r.type} ${r.n}`).sort();

/** A store of `kind` made by the previous schema (migrations 1–5) and filled as the previous version did. */
async function previousVersion(kind: StoreKind, batches: EventRow[][]): Promise<{ db?: string; databaseUrl?: string }> {
  const where = await storeLocation(kind);
  const old = MIGRATIONS.filter((m) => m.version <= 5);
  const rows = batches.flat();
  const { rollups, sharers } = summariseRows(rows);
  const inserts: [string, unknown[]][] = [
    ...rows.map((r): [string, unknown[]] => [
      'INSERT INTO zmot_events (id, site, type, day, ts, received, pv, url, widget, product, weight, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [r.id, r.site, r.type, r.day, r.ts, r.received, r.pv, r.url, r.widget, r.product, r.weight, r.data],
    ]),
    ...rows.filter((r) => r.order !== null).map((r): [string, unknown[]] => ['INSERT INTO zmot_orders (site, order_id, id) VALUES (?, ?, ?)', [r.site, r.order, r.id]]),
    ...rows.filter((r) => r.comment !== null).map((r): [string, unknown[]] => [
      'INSERT INTO zmot_comments (id, site, day, ts, product, score, comment, handled) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      [r.id, r.site, r.day, r.comment!.at, r.product, r.comment!.score, r.comment!.text],
    ]),
    ...rollups.map((d): [string, unknown[]] => ['INSERT INTO zmot_rollups (site, day, product, widget, type, key, n, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [d.site, d.day, d.product, d.widget, d.type, d.key, d.n, d.value]]),
    ...sharers.map((s): [string, unknown[]] => ['INSERT INTO zmot_sharers (site, day, product, ref, weight) VALUES (?, ?, ?, ?, ?)', [s.site, s.day, s.product, s.ref, s.weight]]),
    ["INSERT INTO zmot_confirmations (site, order_id, value, currency, received) VALUES ('acme', 'order-45', 25, 'EUR', ?)", [NOW]],
  ];
  if (kind === 'sqlite') {
    const db = new Database(where.db!);
    db.exec(MIGRATIONS_TABLE);
    for (const m of old) {
      for (const statement of [...m.statements, ...(m.sqlite ?? [])]) db.exec(statement);
      db.prepare('INSERT INTO zmot_migrations (version, name, applied) VALUES (?, ?, ?)').run(m.version, m.name, NOW);
    }
    for (const [sql, params] of inserts) db.prepare(sql).run(...params);
    db.close();
  } else {
    const client = new pg.Client({ connectionString: where.databaseUrl });
    await client.connect();
    await client.query(MIGRATIONS_TABLE);
    for (const m of old) {
      for (const statement of [...m.statements, ...(m.postgres ?? [])]) await client.query(statement);
      await client.query('INSERT INTO zmot_migrations (version, name, applied) VALUES ($1, $2, $3)', [m.version, m.name, NOW]);
    }
    for (const [sql, params] of inserts) {
      let n = 0;
      await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
    }
    await client.end();
  }
  return where;
}

const open = (kind: StoreKind, where: { db?: string; databaseUrl?: string }, now?: () => number): Promise<Store> | Store =>
  kind === 'sqlite' ? openSqlite(where.db!) : openPostgres(where.databaseUrl!, now ? { now } : {});

async function tables(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>("SELECT relname AS name FROM pg_class WHERE relkind IN ('r', 'p') AND relname LIKE 'zmot_events%' ORDER BY relname");
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

const stores: Store[] = [];
after(async () => {
  for (const store of stores.splice(0)) await store.close();
});

for (const kind of STORE_KINDS) {
  describe(`retention and the migration to it (${kind})`, () => {
    test('a database made by the previous schema moves forward: every event, rollup, comment and confirmed conversion kept; duplicates still caught', async () => {
      const batches = workload();
      const where = await previousVersion(kind, batches);
      const store = await open(kind, where);
      stores.push(store);
      const ids = batches.flat().map((r) => r.id);
      assert.equal((await store.storedIds(ids)).size, ids.length, 'every event is still stored');
      const totals = await store.totals('acme');
      assert.deepEqual(totals.events, { render: 14, impression: 7, nps: 7, conversion: 7 });
      assert.deepEqual(totals.rollups, totals.events);
      const confirmed = await store.confirmedConversions(everything);
      assert.deepEqual(confirmed.map((c) => [c.day, c.product, c.value]), [[dayOf(NOW - 45 * DAY), 'sku-42', 25]]);
      assert.equal((await store.comments({ ...everything, limit: 100, offset: 0 })).total, 7);
      // The reports read whole months from the monthly sums (SQLite, migration 9), made from the rows before it.
      for (const period of [everything, { site: 'acme', from: dayOf(NOW - 80 * DAY), to: dayOf(NOW) }]) {
        const options = { breakdown: ['product', 'widget'] } as const;
        const report = await buildReport(store, period, options);
        assert.deepEqual(report, await modelReport(store, period, options));
        assert.ok(report.total.zmot.renders >= 6);
      }
      // Sent again after the migration: every one a duplicate, nothing counted twice.
      const again = await store.insert(batches);
      assert.deepEqual(again.map((r) => r.accepted), batches.map(() => 0));
      const fresh = await store.insert([aged(0, [event('render')])]);
      assert.equal(fresh[0]!.accepted, 1);
      assert.deepEqual((await store.totals('acme')).rollups, { render: 15, impression: 7, nps: 7, conversion: 7 });
      if (kind === 'postgres') assert.ok((await tables(where.databaseUrl!)).includes('zmot_events_default'), 'the old table is the default partition');
    });

    test('retain drops raw events before the first kept day; rollups, comments, orders and reports stay', async () => {
      const where = await storeLocation(kind);
      // On PostgreSQL, a collector that ran four months ago made the partitions of its months then.
      if (kind === 'postgres') await (await open(kind, where, () => NOW - 120 * DAY)).close();
      const store = await open(kind, where);
      stores.push(store);
      const batches = workload();
      await store.insert(batches);
      await store.confirm('acme', [{ order: 'order-45', value: 25, currency: 'EUR' }], NOW);
      const rollupsBefore = byDay(await store.rollups(everything));
      const confirmedBefore = await store.confirmedConversions(everything);
      const before = firstKeptDay(30, NOW);
      const old = batches.filter((_, i) => AGES[i]! > 30).flat();
      const kept = batches.filter((_, i) => AGES[i]! <= 30).flat();
      const partitionsBefore = kind === 'postgres' ? await tables(where.databaseUrl!) : [];

      const removed = await store.retain(before);
      assert.equal(removed, old.length);
      assert.equal((await store.storedIds(old.map((r) => r.id))).size, 0, 'the old raw events are gone');
      assert.equal((await store.storedIds(kept.map((r) => r.id))).size, kept.length, 'the recent ones stay');
      assert.deepEqual(byDay(await store.rollups(everything)), rollupsBefore, 'the rollups stay');
      assert.deepEqual(await store.confirmedConversions(everything), confirmedBefore, 'a confirmed conversion stays reported');
      assert.equal((await store.comments({ ...everything, limit: 100, offset: 0 })).total, AGES.length);
      // The recent ones are still caught as duplicates; running it again removes nothing more.
      assert.deepEqual((await store.insert([kept])).map((r) => r.accepted), [0]);
      assert.equal(await store.retain(before), 0);
      if (kind === 'postgres') {
        const after = await tables(where.databaseUrl!);
        const dropped = partitionsBefore.filter((name) => !after.includes(name));
        const expected = partitionsBefore.filter((name) => {
          const match = /^zmot_events_(\d{4})_(\d{2})$/.exec(name);
          return match !== null && dayOf(Date.UTC(Number(match[1]), Number(match[2]), 1)) <= before;
        });
        assert.ok(expected.length > 0, `some month partitions were wholly before ${before}: ${partitionsBefore.join(', ')}`);
        assert.deepEqual(dropped, expected, 'whole months before the first kept day were dropped');
      }
    });

    test('an event sent again later, its day now in another month, is still a duplicate', async () => {
      const store = await open(kind, await storeLocation(kind));
      stores.push(store);
      const events = [event('render', { ts: NOW - 40 * DAY }), event('impression', { ts: NOW - 40 * DAY })];
      // The page kept the batch 40 days and sends it again as it was: the collector corrects for how long ago
      // it says it was sent, so the second time its events fall on today, in this month's partition.
      const first = toRows(batch(events, { sent: NOW - 40 * DAY }), NOW - 40 * DAY);
      const again = toRows(batch(events, { sent: NOW - 40 * DAY }), NOW);
      assert.notEqual(first[0]!.day.slice(0, 7), again[0]!.day.slice(0, 7));
      assert.deepEqual(await store.insert([first]), [{ accepted: 2, duplicates: 0 }]);
      assert.deepEqual(await store.insert([again]), [{ accepted: 0, duplicates: 2 }]);
      assert.deepEqual((await store.totals('acme')).events, { render: 1, impression: 1 });
    });

    test('zmot serve --retain-days: the collector applies retention in the background', { timeout: 60_000 }, async () => {
      const where = await storeLocation(kind);
      const store = await open(kind, where);
      const batches = workload();
      await store.insert(batches);
      const collector = await createCollector({ store, token: TOKEN, retainDays: 30 });
      try {
        const old = batches.filter((_, i) => AGES[i]! > 30).flat().map((r) => r.id);
        const deadline = Date.now() + 30_000;
        while ((await store.storedIds(old)).size > 0) {
          assert.ok(Date.now() < deadline, 'retention did not run within 30 s');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const kept = batches.filter((_, i) => AGES[i]! <= 30).flat().map((r) => r.id);
        assert.equal((await store.storedIds(kept)).size, kept.length);
      } finally {
        await collector.close();
      }
    });
  });
}
