/**
 * `npm run bench:reads`: how fast the owner's questions are answered for a site with many events. Fills a
 * store with BENCH_EVENTS events (default 10,000,000) over the last 365 days — renders, impressions,
 * interactions, NPS answers (a third with a comment), shares, referral landings, conversions and a 5 %
 * holdout's assignments (so every report carries the lift, contract §10) over 200 products — straight
 * through the store in 10,000-event transactions, then times the collector's answers over
 * HTTP on loopback: `GET /v1/metrics` (30 days with the product and widget breakdowns; 366 days, without and
 * with them, the latter being what the dashboard asks for a year) and
 * `GET /v1/comments` (30 days; detractors of 366 days), BENCH_READS times each (default 21), median and p90.
 * Then the baseline in the same run: the year's report (without and with the breakdowns) computed as before,
 * row by row (test/collector/report-model.ts), beside the report now, in process, taken in turn, checked equal.
 * SQLite, then PostgreSQL (BENCH_ONLY=sqlite|postgres for one). BENCH_SQLITE_FILE=path keeps the SQLite
 * database there and, when it already holds the site's events, reuses it instead of filling again (to profile
 * one question after another at 10 million events without waiting for the fill each time).
 *
 *   BENCH_EVENTS=1000000 BENCH_ONLY=sqlite npm run bench:reads
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { deepStrictEqual } from 'node:assert';
import { buildReport, type ReportOptions } from '../src/collector/metrics.js';
import { createCollector } from '../src/collector/server.js';
import { openPostgres } from '../src/collector/store/postgres.js';
import { toRows } from '../src/collector/store/rows.js';
import { openSqlite } from '../src/collector/store/sqlite.js';
import type { Store } from '../src/collector/store/types.js';
import type { Envelope, ZmotEvent } from '../src/telemetry/schema.js';
import { startPostgres } from '../test/collector/postgres.js';
import { modelReport } from '../test/collector/report-model.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const READS = Number(process.env.BENCH_READS ?? 21);
const TRANSACTION = 10_000;
const DAYS = 365;
const DAY_MS = 86_400_000;
const TOKEN = 'bench-token';
const SITE = 'bench';
const COMMENTS = ['Delivery took three weeks', 'Great support, fast answer', 'The size runs small', 'Broke after a month', 'Exactly as described'];

const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 12);

/** Event `i` of the site: its type by a fixed mix, its day spread over the year. */
function makeEvent(i: number, ts: number): ZmotEvent {
  const product = `sku-${i % 200}`;
  const base = { id: randomUUID(), ts, pv: `pv-${i % 9973}`, url: `https://shop.example/p/${product}`, widget: 'rating', product };
  const r = i % 100;
  if (r < 40) return { ...base, type: 'render' };
  if (r < 65) return { ...base, type: 'impression' };
  if (r < 77) return { ...base, type: 'interaction', action: 'filter' };
  if (r < 83) {
    const score = i % 11;
    return { ...base, type: 'nps', widget: 'recommend', score, ...(i % 3 === 0 ? { comment: COMMENTS[i % COMMENTS.length]! } : {}) };
  }
  if (r < 88) return { ...base, type: 'share', widget: 'recommend', channel: 'whatsapp', ref: `R${i % 5000}` };
  // A 5 % holdout runs all year (contract §10): one browser assigned in every 50 events, each conversion with its arm.
  const arm = Math.floor(i / 100) % 20 === 0 ? 'holdout' : 'shown';
  if (r < 96 && i % 4 === 0) return { ...base, type: 'assignment', widget: undefined, product: undefined, arm, share: 0.05 };
  if (r < 96) return { ...base, type: 'referral_landing', widget: undefined, ref: `R${i % 5000}` };
  return { ...base, type: 'conversion', widget: undefined, product: undefined, order_id: `o${i}`, ref: `R${i % 5000}`, value: 40, currency: 'EUR', arm };
}

async function fill(store: Store): Promise<number> {
  const started = performance.now();
  for (let done = 0; done < EVENTS; done += TRANSACTION) {
    const n = Math.min(TRANSACTION, EVENTS - done);
    // Each transaction's events on one day, the days in order across the year.
    const ts = today - (DAYS - 1 - Math.floor((done / EVENTS) * DAYS)) * DAY_MS;
    const events = Array.from({ length: n }, (_, k) => makeEvent(done + k, ts));
    const envelope: Envelope = { v: 1, site: SITE, sent: ts, events };
    await store.insert([toRows(envelope, ts)]);
    if ((done / TRANSACTION) % 100 === 99) console.log(`  … ${((done + n) / 1e6).toFixed(1)} M events (${Math.round((done + n) / ((performance.now() - started) / 1000))} events/s)`);
  }
  return (performance.now() - started) / 1000;
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;

async function time(url: string): Promise<{ median: number; p90: number; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < READS + 1; i++) {
    const start = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} ${body}`);
    bytes = body.length;
    if (i > 0) times.push(performance.now() - start); // the first is a warm-up
  }
  return { median: median(times), p90: p90(times), bytes };
}

async function bench(name: string, store: Store): Promise<string[]> {
  const stored = (await store.sites()).some((s) => s.id === SITE);
  if (stored) console.log(`${name}: reusing the database in BENCH_SQLITE_FILE, already filled`);
  else {
    console.log(`${name}: filling with ${EVENTS.toLocaleString('en-US')} events …`);
    const seconds = await fill(store);
    console.log(`  filled in ${seconds.toFixed(0)} s (${Math.round(EVENTS / seconds).toLocaleString('en-US')} events/s); load average ${loadavg().map((n) => n.toFixed(1)).join(', ')}`);
  }
  const collector = await createCollector({ store, token: TOKEN });
  const base = await collector.app.listen({ port: 0, host: '127.0.0.1' });
  const day = (offset: number) => new Date(today - offset * DAY_MS).toISOString().slice(0, 10);
  const questions: [string, string][] = [
    ['metrics, 30 days, by product and widget', `/v1/metrics?site=${SITE}&from=${day(29)}&to=${day(0)}&breakdown=product,widget`],
    ['metrics, 366 days', `/v1/metrics?site=${SITE}&from=${day(365)}&to=${day(0)}`],
    ['metrics, 366 days, by product and widget (the dashboard’s year)', `/v1/metrics?site=${SITE}&from=${day(365)}&to=${day(0)}&breakdown=product,widget`],
    ['comments, 30 days (100 newest)', `/v1/comments?site=${SITE}&from=${day(29)}&to=${day(0)}`],
    ['comments, detractors of 366 days', `/v1/comments?site=${SITE}&from=${day(365)}&to=${day(0)}&group=detractor`],
  ];
  const rows: string[] = [];
  try {
    for (const [label, path] of questions) {
      const t = await time(`${base}${path}`);
      const load = loadavg()[0]!.toFixed(1);
      console.log(`  ${label}: median ${t.median.toFixed(1)} ms, p90 ${t.p90.toFixed(1)} ms (${t.bytes.toLocaleString('en-US')} bytes; load ${load})`);
      rows.push(`| ${name} | ${label} | ${t.median.toFixed(1)} | ${t.p90.toFixed(1)} | ${load} |`);
    }
    // The baseline, in the same run: the report as it was computed before (row by row in the collector,
    // test/collector/report-model.ts) beside the report now, in this process, taken in turn; equal answers.
    const year = { site: SITE, from: day(365), to: day(0) };
    const cases: [string, ReportOptions][] = [['366 days', {}], ['366 days, by product and widget', { breakdown: ['product', 'widget'] }]];
    for (const [label, options] of cases) {
      const before: number[] = [];
      const now: number[] = [];
      for (let i = 0; i < READS + 1; i++) {
        let start = performance.now();
        const old = await modelReport(store, year, options);
        const oldTime = performance.now() - start;
        start = performance.now();
        const fresh = await buildReport(store, year, options);
        const freshTime = performance.now() - start;
        if (i === 0) {
          // The lift (contract §10) is new: the row-by-row report never had one.
          const { lift, ...rest } = fresh;
          deepStrictEqual(rest, old, `${label}: the report differs from the row-by-row one`);
          if (!lift?.interval) throw new Error(`${label}: the report has no lift with an interval`);
        }
        else {
          before.push(oldTime);
          now.push(freshTime);
        }
      }
      const load = loadavg()[0]!.toFixed(1);
      console.log(
        `  report of ${label} in the collector's process: before (row by row) median ${median(before).toFixed(1)} ms, now ${median(now).toFixed(1)} ms, ${(median(before) / median(now)).toFixed(1)}× faster; the same answer (load ${load})`,
      );
      rows.push(`| ${name} | report of ${label}, in process, before (row by row) | ${median(before).toFixed(1)} | ${p90(before).toFixed(1)} | ${load} |`);
      rows.push(`| ${name} | report of ${label}, in process, now (${(median(before) / median(now)).toFixed(1)}× faster) | ${median(now).toFixed(1)} | ${p90(now).toFixed(1)} | ${load} |`);
    }
  } finally {
    await collector.close();
  }
  return rows;
}

const dir = mkdtempSync(join(tmpdir(), 'zmot-bench-reads-'));
const rows: string[] = [];
console.log(`zmot read benchmark: ${EVENTS.toLocaleString('en-US')} events of one site over ${DAYS} days, ${READS} timed reads each (after one warm-up), over HTTP on loopback`);
try {
  const only = process.env.BENCH_ONLY;
  const file = process.env.BENCH_SQLITE_FILE || join(dir, 'reads.db');
  if (only !== 'postgres') rows.push(...(await bench('SQLite', openSqlite(file, { synchronous: 'NORMAL' }))));
  if (only !== 'sqlite') {
    const postgres = await startPostgres();
    try {
      rows.push(...(await bench('PostgreSQL', await openPostgres(await postgres.createDatabase()))));
    } finally {
      await postgres.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('\n| store | question | median ms | p90 ms | load (1 min) |');
console.log('|---|---|---:|---:|---:|');
for (const row of rows) console.log(row);
