/**
 * `npm run bench:collector`: events per second into the collector over HTTP on loopback, in 100-event
 * batches, into SQLite and into PostgreSQL, with p50/p99 request latency, beside two rates measured in the
 * same run: the store's own insert (no HTTP, no validation), and the database's raw bulk insert of the same
 * rows into a plain table of the same columns with the same primary key (no rollups, no duplicate check) —
 * SQLite: one prepared INSERT a row, 10,000 rows a transaction; PostgreSQL: `COPY` (pg-copy-streams),
 * 10,000 rows a transaction. The ratio HTTP / raw says how much of the database's speed reaches a client.
 * The collector runs as `zmot serve` in its own process (the compiled build, as installed); this process is
 * the load. Bounded: a fixed number of requests per run, and each run stops after at most 20 s.
 *
 * Each run measures `zmot serve --workers 1` and `--workers 2` (BENCH_WORKERS) side by side, and on Linux the CPU
 * time each event cost the collector (with its workers), PostgreSQL (with its backends) and this load generator.
 *
 *   BENCH_RUNS=3 BENCH_REQUESTS=3000 BENCH_CONCURRENCY=16 BENCH_WORKERS=1,2 npm run bench:collector
 *   BENCH_ONLY=sqlite BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=.tmp/prof" npm run bench:collector   (profile the server)
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openStore } from '../src/collector/store/open.js';
import { toRows } from '../src/collector/store/rows.js';
import type { Envelope, ZmotEvent } from '../src/telemetry/schema.js';
import { startPostgres } from '../test/collector/postgres.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
/** `zmot serve --workers` values measured side by side in each run. */
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const BATCH = 100;
const RUN_LIMIT_MS = 20_000;
const BIN = fileURLToPath(new URL('../bin/zmot.js', import.meta.url));
const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

/** A UUIDv7 as browsers send them: 48 bits of milliseconds, then random bits. */
let lastMs = 0;
let sequence = 0;
function uuidv7(): string {
  const ms = Date.now();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  const hex = ms.toString(16).padStart(12, '0');
  const rand = randomUUID().replace(/-/g, '');
  const seq = (0x7000 | (sequence & 0xfff)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8)}-${seq}-${rand.slice(16, 20)}-${rand.slice(20)}`;
}

const TYPES = ['render', 'render', 'impression', 'impression', 'interaction', 'nps', 'share'] as const;

function makeBatch(): Envelope {
  const now = Date.now();
  const events: ZmotEvent[] = [];
  for (let i = 0; i < BATCH; i++) {
    const type = TYPES[i % TYPES.length]!;
    const base = { id: uuidv7(), ts: now, pv: `pv-${i % 7}`, url: 'https://acme.example/p/sku-42', widget: 'rating', product: `sku-${i % 20}` };
    events.push(
      type === 'interaction' ? { ...base, type, action: 'filter' }
        : type === 'nps' ? { ...base, type, score: i % 11, widget: 'recommend' }
          : type === 'share' ? { ...base, type, channel: 'copy', ref: `R${i}`, widget: 'recommend' }
            : { ...base, type },
    );
  }
  return { v: 1, site: 'bench', sent: now, events };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function rawRate(where: { db?: string; databaseUrl?: string }, batches: number, perTransaction: number): Promise<number> {
  const store = await openStore(where);
  try {
    const groups = Array.from({ length: batches }, () => {
      const rows = Array.from({ length: perTransaction / BATCH }, () => toRows(makeBatch(), Date.now()));
      return rows;
    });
    const start = performance.now();
    for (const group of groups) await store.insert(group);
    return (batches * perTransaction) / ((performance.now() - start) / 1000);
  } finally {
    await store.close();
  }
}

const COLUMNS = ['id', 'site', 'type', 'day', 'ts', 'received', 'pv', 'url', 'widget', 'product', 'weight', 'data'] as const;
const PLAIN_TABLE = `CREATE TABLE plain_events (id TEXT PRIMARY KEY, site TEXT NOT NULL, type TEXT NOT NULL, day TEXT NOT NULL,
  ts BIGINT NOT NULL, received BIGINT NOT NULL, pv TEXT NOT NULL, url TEXT NOT NULL, widget TEXT NOT NULL, product TEXT NOT NULL,
  weight DOUBLE PRECISION NOT NULL, data TEXT)`;

/** COPY's text format: tabs between columns, \\N for null, backslash escapes. */
const copyField = (value: unknown): string =>
  value === null ? '\\N' : String(value).replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);

/**
 * The database's own bulk insert of the same rows the collector stores, into a plain table with the same
 * columns and primary key: the ceiling the collector is measured against. `transactions` of 10,000 rows.
 */
async function bulkRate(where: { db?: string; databaseUrl?: string }, transactions: number): Promise<number> {
  const groups = Array.from({ length: transactions }, () => Array.from({ length: 10_000 / BATCH }, () => toRows(makeBatch(), Date.now())).flat());
  if (where.db) {
    const db = new Database(where.db);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('cache_size = -65536');
      db.exec(PLAIN_TABLE);
      const insert = db.prepare(`INSERT INTO plain_events VALUES (${COLUMNS.map(() => '?').join(', ')})`);
      const insertAll = db.transaction((rows: typeof groups[number]) => {
        for (const r of rows) insert.run(r.id, r.site, r.type, r.day, r.ts, r.received, r.pv, r.url, r.widget, r.product, r.weight, r.data);
      });
      const start = performance.now();
      for (const rows of groups) insertAll(rows);
      return (transactions * 10_000) / ((performance.now() - start) / 1000);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  try {
    await client.query(PLAIN_TABLE);
    const start = performance.now();
    for (const rows of groups) {
      await client.query('BEGIN');
      const text = rows.map((r) => COLUMNS.map((c) => copyField(r[c])).join('\t')).join('\n') + '\n';
      await pipeline(Readable.from([text]), client.query(copyFrom(`COPY plain_events (${COLUMNS.join(', ')}) FROM STDIN`)));
      await client.query('COMMIT');
    }
    return (transactions * 10_000) / ((performance.now() - start) / 1000);
  } finally {
    await client.end();
  }
}

function serve(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--port', '0', '--token', 'bench-owner-token-0123', '--rate-address', '0', '--rate-site', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`zmot serve exited with ${code}: ${out}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path: '/v1/events', method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'content-length': Buffer.byteLength(body), 'user-agent': UA } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

interface HttpRun {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time an event, in µs, of the collector's processes, PostgreSQL's and this load generator (Linux). */
  cpu?: { collector: number; database: number; load: number };
}

/**
 * CPU seconds used so far by the collector (the process `root` and its workers) and by PostgreSQL's processes
 * (its backends live as long as the collector's pool), from /proc; undefined where there is no /proc.
 */
const CLOCK_TICKS = existsSync('/proc/self/stat') ? Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100 : 0;
function cpuSeconds(root: number): { collector: number; database: number } | undefined {
  if (!CLOCK_TICKS) return undefined;
  const procs = new Map<number, { parent: number; ticks: number; postgres: boolean }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // After the command's closing parenthesis: state, ppid, …, utime (14th field), stime (15th).
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      procs.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), postgres: command.startsWith('postgres') });
    } catch {
      // the process ended while we looked
    }
  }
  const inTree = (pid: number): boolean => pid === root || (pid > 1 && procs.has(pid) && inTree(procs.get(pid)!.parent));
  let collector = 0;
  let database = 0;
  for (const [pid, p] of procs) {
    if (inTree(pid)) collector += p.ticks;
    else if (p.postgres) database += p.ticks;
  }
  return { collector: collector / CLOCK_TICKS, database: database / CLOCK_TICKS };
}

async function httpRun(base: string, requests: number, collectorPid?: number): Promise<HttpRun> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const bodies = Array.from({ length: requests }, () => JSON.stringify(makeBatch()));
  const latencies: number[] = [];
  let next = 0;
  const deadline = performance.now() + RUN_LIMIT_MS;
  const cpuBefore = collectorPid === undefined ? undefined : cpuSeconds(collectorPid);
  const loadBefore = process.cpuUsage();
  const start = performance.now();
  const worker = async () => {
    while (next < bodies.length && performance.now() < deadline) {
      const body = bodies[next++]!;
      const t = performance.now();
      const status = await post(agent, url, body);
      if (status !== 202) throw new Error(`the collector answered ${status}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = collectorPid === undefined ? undefined : cpuSeconds(collectorPid);
  const load = process.cpuUsage(loadBefore);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const events = latencies.length * BATCH;
  const cpu = cpuBefore && cpuAfter && {
    collector: ((cpuAfter.collector - cpuBefore.collector) * 1e6) / events,
    database: ((cpuAfter.database - cpuBefore.database) * 1e6) / events,
    load: (load.user + load.system) / events,
  };
  return { eventsPerSecond: events / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), ...(cpu ? { cpu } : {}) };
}

async function bench(name: string, where: () => Promise<{ db?: string; databaseUrl?: string }>): Promise<string[]> {
  const raw100: number[] = [];
  const raw10k: number[] = [];
  const bulk: number[] = [];
  const runs = new Map<number, HttpRun[]>(WORKERS.map((w) => [w, []]));
  for (let i = 0; i < RUNS; i++) {
    bulk.push(await bulkRate(await where(), 5));
    raw100.push(await rawRate(await where(), 300, BATCH));
    raw10k.push(await rawRate(await where(), 5, 10_000));
    const said: string[] = [];
    for (const workers of WORKERS) {
      const location = await where();
      const server = await serve([...(location.db ? ['--db', location.db] : ['--database-url', location.databaseUrl!]), '--workers', String(workers)]);
      try {
        await httpRun(server.url, 200); // warm-up
        runs.get(workers)!.push(await httpRun(server.url, REQUESTS, server.child.pid));
      } finally {
        await stop(server.child);
      }
      const last = runs.get(workers)!.at(-1)!;
      const cpu = last.cpu ? `, CPU an event ${cpuText(last.cpu)}` : '';
      said.push(`${workers} worker${workers === 1 ? '' : 's'} ${Math.round(last.eventsPerSecond)} events/s (p50 ${last.p50.toFixed(1)} ms, p99 ${last.p99.toFixed(1)} ms, HTTP / raw ${(last.eventsPerSecond / bulk[i]!).toFixed(2)}${cpu})`);
    }
    console.log(`  ${name} run ${i + 1}: HTTP ${said.join('; ')}; store ${Math.round(raw100[i]!)} events/s in 100-event transactions, ${Math.round(raw10k[i]!)} in 10,000-event ones; raw bulk insert ${Math.round(bulk[i]!)} rows/s`);
  }
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  for (const workers of WORKERS) {
    const list = runs.get(workers)!;
    const cpu = list.flatMap((r) => (r.cpu ? [r.cpu] : []));
    if (cpu.length === 0) continue;
    const part = (key: 'collector' | 'database' | 'load') => median(cpu.map((c) => c[key]));
    const total = median(cpu.map((c) => c.collector + c.database + c.load));
    cpuRows.push(`| ${name} | ${workers} | ${part('collector').toFixed(1)} | ${part('database').toFixed(1)} | ${part('load').toFixed(1)} | ${total.toFixed(1)} | ${fmt((availableParallelism() * 1e6) / total)} |`);
  }
  return WORKERS.map((workers) => {
    const list = runs.get(workers)!;
    const ratios = list.map((r, i) => r.eventsPerSecond / bulk[i]!);
    return `| ${name} | ${workers} | ${fmt(median(list.map((r) => r.eventsPerSecond)))} | ${median(list.map((r) => r.p50)).toFixed(1)} | ${median(list.map((r) => r.p99)).toFixed(1)} | ${fmt(median(raw100))} | ${fmt(median(raw10k))} | ${fmt(median(bulk))} | ${median(ratios).toFixed(2)} |`;
  });
}

/** `collector / database / load` in µs an event. */
const cpuText = (cpu: NonNullable<HttpRun['cpu']>) => `${cpu.collector.toFixed(1)} / ${cpu.database.toFixed(1)} / ${cpu.load.toFixed(1)} µs`;
const cpuRows: string[] = [];

const dir = mkdtempSync(join(tmpdir(), 'zmot-bench-'));
let counter = 0;
console.log(`zmot collector benchmark: ${RUNS} runs of ${REQUESTS} requests × ${BATCH} events, ${CONCURRENCY} connections, on ${availableParallelism()} cores (${cpus()[0]?.model.trim()}), Node ${process.version}`);
const rows: string[] = [];
try {
  const only = process.env.BENCH_ONLY;
  if (only !== 'postgres') rows.push(...await bench('SQLite (WAL, synchronous=FULL)', async () => ({ db: join(dir, `bench-${counter++}.db`) })));
  if (only !== 'sqlite') {
    const postgres = await startPostgres({ durable: true });
    try {
      rows.push(...await bench('PostgreSQL (fsync, synchronous_commit=on)', async () => ({ databaseUrl: await postgres.createDatabase() })));
    } finally {
      await postgres.stop();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log('\nMedians:\n');
console.log('| store | workers | HTTP events/s | p50 ms | p99 ms | store insert, events/s, 100 a transaction | store insert, 10,000 a transaction | raw bulk insert, rows/s | HTTP / raw (median of runs) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
if (cpuRows.length > 0) {
  // What each event costs the machine: with every core busy, the cores divided by the total is the most the
  // machine could take, however the waiting were cut.
  console.log('\nCPU time an event over HTTP (medians of runs; from /proc, the collector with its workers, PostgreSQL with its backends, this process as the load):\n');
  console.log('| store | workers | collector, µs | database, µs | load generator, µs | total, µs | the cores\' worth at that total, events/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of cpuRows) console.log(row);
}
