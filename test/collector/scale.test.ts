/**
 * Past one process (docs/scaling.md): several `zmot serve` processes on one PostgreSQL database, `--workers N`
 * (node:cluster), and `--read-database-url`. Every process is a real `zmot serve` on a real PostgreSQL
 * cluster; batches go over HTTP.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { main, type Io } from '../../src/collector/cli.js';
import { openStore } from '../../src/collector/store/open.js';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import { dayOf, toRows } from '../../src/collector/store/rows.js';
import type { Store } from '../../src/collector/store/types.js';
import type { Envelope, ZmotEvent } from '../../src/telemetry/schema.js';
import { batch, BROWSER_UA, DAY, event, get, post, serveProcess, stopProcess, storeLocation, T0, tempDir, type CollectorProcess } from './helpers.js';

const OWNER = { authorization: 'Bearer test-owner-token-0123' };
const serve = (args: string[]) => serveProcess(['--port', '0', '--rate-address', '0', '--rate-site', '0', ...args]);

/**
 * `n` batches of every kind of event, with what a correct collector must report for them: each order id is
 * shared by four conversions in different batches (one is stored, the others are replays).
 */
function workload(n: number): { batches: Envelope[]; model: Record<string, number>; stored: number } {
  const batches: Envelope[] = [];
  for (let k = 0; k < n; k++) {
    const events: ZmotEvent[] = [
      ...Array.from({ length: 6 }, () => event('render')),
      ...Array.from({ length: 4 }, () => event('impression')),
      event('interaction', { action: 'filter' }),
      event('nps', { score: k % 11, widget: 'recommend', ...(k % 3 === 0 ? { comment: `comment ${k}` } : {}) }),
      event('share', { channel: 'copy', ref: `R${k % 5}`, widget: 'recommend' }),
      event('referral_landing', { ref: `R${k % 5}` }),
      event('conversion', { order_id: `O-${k % Math.ceil(n / 4)}`, value: 10, currency: 'EUR' }),
    ];
    batches.push(batch(events));
  }
  const orders = Math.ceil(n / 4);
  const model = { renders: 6 * n, impressions: 4 * n, interactions: n, responses: n, shares: n, sharers: Math.min(5, n), referralLandings: n, conversions: orders };
  return { batches, model, stored: 15 * n - (n - orders) };
}

function reportFigures(body: Record<string, unknown>): Record<string, number> {
  const total = body.total as { zmot: Record<string, number>; umot: Record<string, unknown> };
  const umot = total.umot as { nps: { responses: number }; shares: number; sharers: number; referralLandings: number; conversions: number };
  return {
    renders: total.zmot.renders!,
    impressions: total.zmot.impressions!,
    interactions: total.zmot.interactions!,
    responses: umot.nps.responses,
    shares: umot.shares,
    sharers: umot.sharers,
    referralLandings: umot.referralLandings,
    conversions: umot.conversions,
  };
}

/** The report of the days the tests' events fall on: today, by the collector's clock (the pages' clocks are corrected to it). */
const metricsUrl = (base: string) => `${base}/v1/metrics?site=acme&from=${dayOf(Date.now() - DAY)}&to=${dayOf(Date.now())}`;

/** POST on a connection of its own (no keep-alive), so node:cluster hands each request to the next worker. */
function postAlone(base: string, body: Envelope): Promise<{ status: number; body: Record<string, unknown> }> {
  const url = new URL(`${base}/v1/events`);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'text/plain', 'user-agent': BROWSER_UA, 'content-length': Buffer.byteLength(text) } },
      (res) => {
        let data = '';
        res.on('data', (chunk: Buffer) => (data += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(data) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

const childrenOf = (pid: number): number[] =>
  spawnSync('ps', ['--ppid', String(pid), '-o', 'pid=', '-o', 'comm='], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter((line) => /node/.test(line))
    .map((line) => Number(line.trim().split(/\s+/)[0]));

describe('three collector processes on one PostgreSQL database', () => {
  let databaseUrl: string;
  let servers: CollectorProcess[] = [];
  let store: Store;

  before(async () => {
    databaseUrl = (await storeLocation('postgres')).databaseUrl!;
    servers = await Promise.all([0, 1, 2].map(() => serve(['--database-url', databaseUrl])));
    store = await openPostgres(databaseUrl);
  });
  after(async () => {
    await Promise.all(servers.map((s) => stopProcess(s)));
    await store.close();
  });

  test('the same batches sent to all three at once, three times over: every event stored once, each answered accepted exactly once, reports equal to the model', { timeout: 120_000 }, async () => {
    const { batches, model, stored } = workload(40);
    let accepted = 0;
    let duplicates = 0;
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(batches.flatMap((b) => servers.map((s) => post(s.url, b))));
      for (const answer of answers) {
        assert.equal(answer.status, 202, JSON.stringify(answer.body));
        accepted += answer.body.accepted as number;
        duplicates += answer.body.duplicates as number;
      }
    }
    const sent = batches.reduce((sum, b) => sum + b.events.length, 0);
    assert.equal(accepted, stored, 'each stored event was answered "accepted" by exactly one process, once');
    assert.equal(accepted + duplicates, sent * 3 * 3);
    const ids = batches.flatMap((b) => b.events.map((e) => e.id));
    const found = await store.storedIds(ids);
    const conversions = batches.flatMap((b) => b.events.filter((e) => e.type === 'conversion').map((e) => e.id));
    assert.equal(found.size, stored);
    for (const id of ids) if (!conversions.includes(id)) assert.ok(found.has(id), `event ${id} is stored`);
    const totals = await store.totals('acme');
    assert.deepEqual(totals.rollups, totals.events, 'the rollups agree with the raw events');
    const reports = await Promise.all(servers.map((s) => get(metricsUrl(s.url), OWNER)));
    for (const report of reports) {
      assert.equal(report.status, 200);
      assert.deepEqual(reportFigures(report.body), model);
      assert.deepEqual(report.body.total, reports[0]!.body.total, 'every process reports the same');
    }
    assert.deepEqual((reports[0]!.body.total as { umot: { revenue: unknown } }).umot.revenue, { EUR: model.conversions * 10 });
  });
});

describe('one of three collector processes killed with SIGKILL mid-load', () => {
  test('no acknowledged event is lost; the batches it did not answer, sent again to the others, are stored once', { timeout: 180_000 }, async () => {
    const databaseUrl = (await storeLocation('postgres')).databaseUrl!;
    const servers = await Promise.all([0, 1, 2].map(() => serve(['--database-url', databaseUrl])));
    const live = [...servers];
    const store = await openPostgres(databaseUrl);
    try {
      const batches = Array.from({ length: 120 }, (_, k) => batch([...Array.from({ length: 40 }, () => event('render')), event('nps', { score: k % 11, widget: 'recommend' })]));
      const acknowledged = new Set<string>();
      let next = 0;
      let answered = 0;
      let killed = false;
      let refused = 0;
      const sender = async (lane: number) => {
        while (next < batches.length) {
          const b = batches[next++]!;
          // Like a browser: a batch that got no 202 is sent again, here to the next process still up.
          for (let attempt = 0; ; attempt++) {
            const target = live[(lane + attempt) % live.length]!;
            const answer = await post(target.url, b).catch(() => undefined);
            if (answer?.status === 202) {
              for (const e of b.events) acknowledged.add(e.id);
              answered += 1;
              break;
            }
            refused += 1;
            assert.ok(attempt < 20, 'a batch was refused 20 times');
          }
          if (answered >= 30 && !killed) {
            killed = true;
            const victim = live.shift()!;
            await stopProcess(victim, 'SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, lane) => sender(lane)));
      assert.ok(killed, 'one process was killed while batches were in flight');
      const ids = batches.flatMap((b) => b.events.map((e) => e.id));
      assert.equal(acknowledged.size, ids.length);
      const found = await store.storedIds(ids);
      for (const id of acknowledged) assert.ok(found.has(id), `acknowledged event ${id} is stored`);
      const totals = await store.totals('acme');
      assert.deepEqual(totals.events, { render: 40 * batches.length, nps: batches.length }, `every event once (${refused} requests failed and were sent again)`);
      assert.deepEqual(totals.rollups, totals.events);
    } finally {
      await Promise.all(servers.map((s) => stopProcess(s)));
      await store.close();
    }
  });
});

describe('zmot serve --workers 2', () => {
  test('two worker processes share the port and the database; a dead one is replaced; SIGTERM stops them all', { timeout: 120_000 }, async () => {
    const databaseUrl = (await storeLocation('postgres')).databaseUrl!;
    const server = await serve(['--database-url', databaseUrl, '--workers', '2']);
    const store = await openPostgres(databaseUrl);
    try {
      const workers = childrenOf(server.child.pid!);
      assert.equal(workers.length, 2, 'two workers');
      const { batches, model, stored } = workload(20);
      const answers = await Promise.all(batches.flatMap((b) => [postAlone(server.url, b), postAlone(server.url, b)]));
      for (const answer of answers) assert.equal(answer.status, 202);
      assert.equal(answers.reduce((sum, a) => sum + (a.body.accepted as number), 0), stored);
      const report = await get(metricsUrl(server.url), OWNER);
      assert.deepEqual(reportFigures(report.body), model);
      // A worker that dies is replaced (after a second).
      process.kill(workers[0]!, 'SIGKILL');
      const deadline = Date.now() + 20_000;
      let now = childrenOf(server.child.pid!);
      while (now.length < 2 || now.includes(workers[0]!)) {
        assert.ok(Date.now() < deadline, `no new worker within 20 s: ${now.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
        now = childrenOf(server.child.pid!);
      }
      workers.splice(0, workers.length, ...now);
      const more = await Promise.all([0, 1, 2, 3].map(() => postAlone(server.url, batch([event('render')]))));
      assert.deepEqual(more.map((a) => a.status), [202, 202, 202, 202]);
      await stopProcess(server, 'SIGTERM');
      for (const pid of workers) assert.throws(() => process.kill(pid, 0), 'the worker has exited');
    } finally {
      await stopProcess(server, 'SIGKILL');
      await store.close();
    }
  });

  test('the rate limits are shared out: two workers together allow what one collector allows', { timeout: 60_000 }, async () => {
    // 0.4 events a second per site, a 4-event burst: each worker allows 0.2 a second and a burst of 2.
    const server = await serveProcess(['--port', '0', '--db', `${tempDir()}/zmot.db`, '--workers', '2', '--rate-address', '0', '--rate-site', '0.4']);
    try {
      const started = performance.now();
      let accepted = 0;
      for (let i = 0; i < 12; i++) {
        const answer = await postAlone(server.url, batch([event('render')]));
        assert.ok(answer.status === 202 || answer.status === 429, `status ${answer.status}`);
        if (answer.status === 202) accepted += answer.body.accepted as number;
      }
      const seconds = (performance.now() - started) / 1000;
      // The two bursts (2 + 2), and what the buckets refilled meanwhile (0.4 a second in all).
      assert.ok(accepted >= 4 && accepted <= 4 + Math.floor(seconds * 0.4), `accepted ${accepted} events in ${seconds.toFixed(1)} s`);
    } finally {
      await stopProcess(server);
    }
  });
});

describe('zmot serve --workers 2 --retain-days 30', () => {
  test('one of the workers applies retention', { timeout: 60_000 }, async () => {
    const db = `${tempDir()}/zmot.db`;
    const store = openSqlite(db);
    const now = Date.now();
    const old = [event('render', { ts: now - 60 * DAY }), event('render', { ts: now - 45 * DAY })];
    const recent = [event('render', { ts: now - DAY })];
    await store.insert([toRows(batch([...old, ...recent], { sent: now }), now)]);
    const server = await serveProcess(['--port', '0', '--db', db, '--workers', '2', '--retain-days', '30']);
    try {
      const deadline = Date.now() + 30_000;
      while ((await store.storedIds(old.map((e) => e.id))).size > 0) {
        assert.ok(Date.now() < deadline, 'retention did not run within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal((await store.storedIds(recent.map((e) => e.id))).size, 1);
    } finally {
      await stopProcess(server);
      await store.close();
    }
  });
});

describe('--read-database-url', () => {
  test("the owner's reports read from the replica, events are written to the primary", { timeout: 60_000 }, async () => {
    const primaryUrl = (await storeLocation('postgres')).databaseUrl!;
    const replicaUrl = (await storeLocation('postgres')).databaseUrl!;
    // Here the "replica" is a database of its own, so what is read from where shows.
    const replica = await openPostgres(replicaUrl);
    const both = await openStore({ databaseUrl: primaryUrl, readDatabaseUrl: replicaUrl });
    try {
      await both.insert([toRows(batch([event('render'), event('render')]), T0)]);
      await replica.insert([toRows(batch([event('impression')]), T0)]);
      assert.deepEqual((await both.totals('acme')).events, { render: 2 }, 'written to the primary');
      const rows = await both.rollups({ site: 'acme', from: '2026-03-10', to: '2026-03-10' });
      assert.deepEqual(rows.map((r) => [r.type, r.n]), [['impression', 1]], 'read from the replica');
      assert.deepEqual((await both.sites()).map((s) => s.id), ['acme']);
    } finally {
      await both.close();
      await replica.close();
    }
  });

  test('without PostgreSQL it is a usage error, said in one line', async () => {
    let err = '';
    const io: Io = { out: () => undefined, err: (t) => void (err += t), env: {} };
    const code = await main(['serve', '--db', `${tempDir()}/zmot.db`, '--read-database-url', 'postgres://replica.example/zmot'], io);
    assert.equal(code, 2);
    assert.match(err, /--read-database-url: reads from a replica need PostgreSQL/);
  });
});

describe('PostgreSQL bulk ingest (COPY)', () => {
  test('text with tabs, newlines, backslashes, \\N and any Unicode is stored as sent', { timeout: 60_000 }, async () => {
    const databaseUrl = (await storeLocation('postgres')).databaseUrl!;
    const store = await openPostgres(databaseUrl);
    try {
      const tricky = ['a\tb', 'line\nbreak\r\n', 'back\\slash \\N \\\\N', '\\N', 'ünï 🙂 — 表', ''];
      const events = tricky.map((text, i) => event('interaction', { action: text || 'x', pv: `pv\t${i}\\`, url: `https://acme.example/p/${encodeURIComponent(text)}` }));
      events.push(event('nps', { score: 3, widget: 'recommend', comment: tricky.join('|') }));
      const [result] = await store.insert([toRows(batch(events), T0)]);
      assert.equal(result!.accepted, events.length);
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ id: string; pv: string; data: string }>('SELECT id, pv, data FROM zmot_events');
        const stored = new Map(rows.map((r) => [r.id, r]));
        for (const [i, e] of events.entries()) {
          const row = stored.get(e.id)!;
          assert.equal(row.pv, e.pv);
          const { id: _id, type: _type, ts: _ts, pv: _pv, url: _url, widget: _widget, product: _product, ...extra } = e;
          assert.deepEqual(JSON.parse(row.data), extra, `event ${i}`);
        }
      } finally {
        await client.end();
      }
    } finally {
      await store.close();
    }
  });
});
