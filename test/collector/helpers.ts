/** Shared by the collector tests: event factories, stores of both kinds, a running collector, HTTP helpers. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after } from 'node:test';
import type { Report } from '../../src/collector/metrics.js';
import { createCollector, type Collector, type CollectorOptions } from '../../src/collector/server.js';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import type { Store } from '../../src/collector/store/types.js';
import type { Envelope, ZmotEvent } from '../../src/telemetry/schema.js';
import { startPostgres, type PostgresServer } from './postgres.js';

export const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';
export const TOKEN = 'owner-secret';
export const DAY = 86_400_000;
/** Noon UTC on 2026-03-10, the day most tests put their events on. */
export const T0 = Date.UTC(2026, 2, 10, 12);

type Extra<T extends ZmotEvent['type']> = Omit<Extract<ZmotEvent, { type: T }>, 'id' | 'type' | 'ts' | 'pv' | 'url'> &
  Partial<Pick<ZmotEvent, 'id' | 'ts' | 'pv' | 'url'>>;

export function event<T extends ZmotEvent['type']>(type: T, extra: Extra<T> = {} as Extra<T>): ZmotEvent {
  return {
    id: randomUUID(),
    ts: T0,
    pv: 'pv-1',
    url: 'https://acme.example/p/sku-42',
    widget: 'rating',
    product: 'sku-42',
    ...extra,
    type,
  } as ZmotEvent;
}

export function batch(events: ZmotEvent[], extra: Partial<Envelope> = {}): Envelope {
  return { v: 1, site: 'acme', sent: T0, events, ...extra };
}

export function many(n: number, type: 'render' | 'impression' = 'render'): ZmotEvent[] {
  return Array.from({ length: n }, () => event(type));
}

export type StoreKind = 'sqlite' | 'postgres';
export const STORE_KINDS: readonly StoreKind[] = ['sqlite', 'postgres'];

let postgres: Promise<PostgresServer> | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
after(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  if (postgres) await (await postgres).stop();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zmot-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Where a fresh store of this kind lives: a SQLite file, or a new PostgreSQL database. */
export async function storeLocation(kind: StoreKind): Promise<{ db?: string; databaseUrl?: string }> {
  if (kind === 'sqlite') return { db: join(tempDir(), 'zmot.db') };
  postgres ??= startPostgres();
  return { databaseUrl: await (await postgres).createDatabase() };
}

export async function openFresh(kind: StoreKind, location?: { db?: string; databaseUrl?: string }): Promise<Store> {
  const where = location ?? (await storeLocation(kind));
  return kind === 'sqlite' ? openSqlite(where.db!) : openPostgres(where.databaseUrl!);
}

export interface Running {
  collector: Collector;
  store: Store;
  url: string;
}

/** A collector listening on 127.0.0.1 over a fresh store; closed after the file's tests. */
export async function startCollector(kind: StoreKind, options: Partial<CollectorOptions> = {}): Promise<Running> {
  const store = options.store ?? (await openFresh(kind));
  const collector = await createCollector({ token: TOKEN, rateAddress: 0, rateSite: 0, ...options, store });
  const url = await collector.app.listen({ port: 0, host: '127.0.0.1' });
  cleanups.push(() => collector.close());
  return { collector, store, url };
}

export interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': BROWSER_UA, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { headers: { 'user-agent': BROWSER_UA, ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** `GET /v1/metrics?<query>` of the collector at `url` with the owner's token; anything but 200 fails. */
export async function metrics(url: string, query: string): Promise<Report> {
  const answer = await get(`${url}/v1/metrics?${query}`, { authorization: `Bearer ${TOKEN}` });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as unknown as Report;
}

export interface CollectorProcess {
  child: ChildProcess;
  url: string;
}

const CLI = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));

/** `zmot serve --token t …args` from source in its own process (to kill it); resolves once it listens. */
export function serveProcess(args: string[]): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'serve', '--token', 'test-owner-token-0123', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the collector did not start: ${out}${err}`)), 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]! });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the collector exited with ${code ?? signal}: ${out}${err}`));
    });
  });
}

/** Sends `signal` to a collector process and waits for it to exit. */
export function stopProcess(server: CollectorProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill(signal);
  });
}
