/**
 * Fuzzing a running collector (issue 21), on SQLite and PostgreSQL, over real HTTP on 127.0.0.1: fast-check
 * generates sequences of requests — batches near and past every bound the findings were about (sampling
 * rates, values, URLs with a password, re-sent ids, replayed and re-typed order ids), bodies that are not
 * batches, bot user agents, odd content types, forged X-Forwarded-For and Authorization headers, repeated
 * and malformed query strings, order confirmations — sent one after another, and checks against a model:
 * - no answer is a 5xx, for any input;
 * - a batch the model holds valid gets 202 with the model's accepted/duplicate counts, any other gets a 4xx;
 * - no acknowledged event is lost: the stored ids are exactly the model's;
 * - no non-finite number is stored (raw SQL over every numeric column);
 * - the report (`GET /v1/metrics`) equals the model's counts, revenue and confirmed conversions.
 * Bounded: a few runs of at most 40 requests per database, and a time limit.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { createCollector } from '../../src/collector/server.js';
import { openPostgres } from '../../src/collector/store/postgres.js';
import { openSqlite } from '../../src/collector/store/sqlite.js';
import { BROWSER_UA, storeLocation, STORE_KINDS, T0, TOKEN, type StoreKind } from './helpers.js';

const DAY = '2026-03-10';
const POOL = 24;

// ---------- what a request is ----------

interface EventSpec {
  type: 'render' | 'impression' | 'interaction' | 'nps' | 'share' | 'referral_landing' | 'conversion' | 'error';
  /** Index into the run's id pool; `upper` sends it in capitals (ids compare without case). */
  id: number;
  upper: boolean;
  score: number;
  ref: string | undefined;
  self: boolean;
  /** Index into the order pool, and how the id is written (padded, decomposed accent). */
  order: number;
  orderForm: 'plain' | 'padded' | 'nfd';
  value: number | undefined;
  currency: string | undefined;
  url: string;
}

interface BatchSpec {
  kind: 'batch';
  site: 'acme' | 'other' | 'bad site!';
  sample: number | string | undefined;
  events: EventSpec[];
  /** How the body goes out: as JSON, cut short, inside an array, or with junk before it. */
  body: 'json' | 'truncated' | 'array' | 'junk';
  contentType: string | undefined;
  bot: boolean;
  forwardedFor: string | undefined;
}

interface RawSpec {
  kind: 'raw';
  body: string;
  contentType: string | undefined;
}

interface GetSpec {
  kind: 'get';
  path: string;
  query: string;
  auth: 'right' | 'wrong' | 'none' | 'junk';
  forwardedFor: string | undefined;
}

interface OrdersSpec {
  kind: 'orders';
  site: 'acme' | 'other' | 'bad site!';
  orders: { order: number; form: 'plain' | 'padded' | 'nfd'; value: number | string | undefined; currency: string | undefined }[];
  auth: 'right' | 'wrong' | 'none';
}

type Command = BatchSpec | RawSpec | GetSpec | OrdersSpec;

const VALID_SAMPLES = [undefined, 1, 0.5, 0.25, 0.001] as const;
const INVALID_SAMPLES = [5e-324, 1e-6, 0.0009, 0, -1, 2, '0.5', 1e308] as const;
const VALUES = [undefined, 0, 19.99, 1e9, 1e12] as const;
const VALID_URLS = ['https://acme.example/p/sku-42', 'http://acme.example/@ana/p', 'https://acme.example'];
const INVALID_URLS = ['https://ana:s3cret@acme.example/p', 'https://ana@acme.example/', 'https://acme.example/p?email=a@b.c', 'javascript:alert(1)'];
const REFS = ['ANA42', 'BEN77', 'a--b', 'MALLORY', undefined];
const BAD_REFS = ['<img src=x>', 'ab cd', ''];

const eventSpec: fc.Arbitrary<EventSpec> = fc.record({
  type: fc.constantFrom('render', 'impression', 'interaction', 'nps', 'share', 'referral_landing', 'conversion', 'error'),
  id: fc.nat(POOL - 1),
  upper: fc.boolean(),
  score: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 10 }) }, { weight: 1, arbitrary: fc.constantFrom(11, -1) }),
  ref: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...REFS) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_REFS) }),
  self: fc.boolean(),
  order: fc.nat(7),
  orderForm: fc.constantFrom('plain', 'padded', 'nfd'),
  value: fc.constantFrom(...VALUES),
  currency: fc.constantFrom(undefined, 'EUR', 'USD', 'eur'),
  url: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VALID_URLS) }, { weight: 1, arbitrary: fc.constantFrom(...INVALID_URLS) }),
});

const forwardedFor = fc.option(fc.oneof(fc.constantFrom('203.0.113.9', '203.0.113.9, 198.51.100.7', 'not-an-ip', ', ,', '::1'), fc.string({ maxLength: 30 })), { nil: undefined });
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('text/plain;charset=UTF-8') },
  { weight: 1, arbitrary: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/png', ';;') },
);

const batchSpec: fc.Arbitrary<BatchSpec> = fc.record({
  kind: fc.constant('batch' as const),
  site: fc.constantFrom('acme', 'acme', 'acme', 'other', 'bad site!'),
  sample: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...VALID_SAMPLES) }, { weight: 2, arbitrary: fc.constantFrom(...INVALID_SAMPLES) }),
  events: fc.array(eventSpec, { minLength: 0, maxLength: 8 }),
  body: fc.oneof({ weight: 12, arbitrary: fc.constant('json' as const) }, { weight: 1, arbitrary: fc.constantFrom('truncated', 'array', 'junk') }),
  contentType,
  bot: fc.boolean().map((b) => b && Math.random() < 0.2),
  forwardedFor,
});

const QUERY_KEYS = ['site', 'from', 'to', 'product', 'breakdown', 'page', 'limit', 'offset', 'group', 'status', 'x'];
const QUERY_VALUES = ['acme', 'other', DAY, '2026-02-30', '2026-03-10T00:00', '', '1', '0', '-1', '1e3', 'product,widget', 'nope', '%', '%E0%A4%A', '\u0000', '😀', '__proto__', 'constructor'];
const query = fc.oneof(
  // Well-formed (keys may repeat) …
  fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ maxLength: 12 }))), { maxLength: 5 }).map((pairs) => new URLSearchParams(pairs).toString()),
  // … or raw, unencoded and broken.
  fc.constantFrom('site=acme&site=acme', 'site=%E0%A4%A', 'site[]=a', 'site[a]=b', '__proto__[x]=1', 'site=acme&from=%', '&&&', '=', 'site', 'a=1;b=2', 'site=acme%00'),
);

const getSpec: fc.Arbitrary<GetSpec> = fc.record({
  kind: fc.constant('get' as const),
  path: fc.constantFrom(
    '/v1/metrics', '/v1/comments', '/v1/reviews', '/v1/reputation', '/v1/live', '/v1/feeds/acme/sku-42', '/v1/feeds/acme/%E0%A4%A',
    '/v1/feeds/acme%00/sku-42', '/v1/feeds/acme/google-product-reviews.xml', '/v1/render/acme/sku-42', '/v1/render/acme/sku%0042',
    '/v1/sites', '/', '/favicon.ico', '/v1/orders', '/chunks/..%2Fpackage.json', '/locales/x.js', '/v1/events',
  ),
  query,
  auth: fc.constantFrom('right', 'wrong', 'none', 'junk'),
  forwardedFor,
});

const rawSpec: fc.Arbitrary<RawSpec> = fc.record({
  kind: fc.constant('raw' as const),
  body: fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 3 }),
    fc.constantFrom('{"v":1,"site":"acme","sent":0,"events":{}}', '{"__proto__":{"events":[]},"v":1}', 'null', '[]', '{"v":1e999}', '{"v":1,"site":"acme","sent":1e999,"events":[]}'),
  ),
  contentType,
});

const ordersSpec: fc.Arbitrary<OrdersSpec> = fc.record({
  kind: fc.constant('orders' as const),
  site: fc.constantFrom('acme', 'acme', 'other', 'bad site!'),
  orders: fc.array(
    fc.record({
      order: fc.nat(7),
      form: fc.constantFrom('plain', 'padded', 'nfd'),
      value: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, 0, 5, 99.5) }, { weight: 1, arbitrary: fc.constantFrom(-1, '5', 1e13) }),
      currency: fc.constantFrom(undefined, 'EUR', 'USD', 'eur'),
    }),
    { minLength: 0, maxLength: 4 },
  ),
  auth: fc.constantFrom('right', 'right', 'right', 'wrong', 'none'),
});

const commands: fc.Arbitrary<Command[]> = fc.array(
  fc.oneof({ weight: 6, arbitrary: batchSpec }, { weight: 1, arbitrary: rawSpec }, { weight: 2, arbitrary: getSpec }, { weight: 1, arbitrary: ordersSpec }),
  { minLength: 1, maxLength: 40 },
) as fc.Arbitrary<Command[]>;

// ---------- the model ----------

const orderName = (k: number) => `Café-${k}`;
function orderText(k: number, form: 'plain' | 'padded' | 'nfd'): string {
  const name = orderName(k);
  return form === 'padded' ? `  ${name} ` : form === 'nfd' ? name.normalize('NFD') : name;
}

interface Stored {
  site: string;
  type: EventSpec['type'];
  weight: number;
  ref: string | undefined;
  self: boolean;
  order: string | undefined;
  value: number;
  currency: string;
}

class Model {
  /** Stored events by lower-case id. */
  readonly events = new Map<string, Stored>();
  /** Order key (site + order) → the id that holds it. */
  readonly orders = new Map<string, string>();
  /** Confirmed orders: key → the shop's value and currency. */
  readonly confirmations = new Map<string, { value: number | undefined; currency: string | undefined }>();

  constructor(readonly ids: readonly string[]) {}

  /** Whether the collector must accept this batch (schema, bounds), by the model's own rules. */
  valid(spec: BatchSpec): boolean {
    if (spec.site === 'bad site!') return false;
    if (spec.sample !== undefined && !(typeof spec.sample === 'number' && spec.sample >= 0.001 && spec.sample <= 1)) return false;
    const weight = 1 / ((spec.sample as number | undefined) ?? 1);
    return spec.events.every((e) => {
      if (!VALID_URLS.includes(e.url)) return false;
      if (e.type === 'nps' && !(e.score >= 0 && e.score <= 10)) return false;
      if (e.type === 'share' && (e.ref === undefined || BAD_REFS.includes(e.ref))) return false;
      if (e.type === 'referral_landing' && (e.ref === undefined || BAD_REFS.includes(e.ref))) return false;
      if (e.type === 'conversion') {
        if (e.ref !== undefined && BAD_REFS.includes(e.ref)) return false;
        if (e.currency === 'eur') return false;
        if ((e.value ?? 0) * weight > 1e12) return false;
      }
      return true;
    });
  }

  /** Applies an accepted batch; returns what the collector must answer. */
  apply(spec: BatchSpec): { accepted: number; duplicates: number } {
    const weight = 1 / ((spec.sample as number | undefined) ?? 1);
    let accepted = 0;
    for (const e of spec.events) {
      const id = this.ids[e.id]!;
      const order = e.type === 'conversion' ? orderName(e.order) : undefined;
      const orderKey = order && `${spec.site}\u0000${order}`;
      if (this.events.has(id) || (orderKey && this.orders.has(orderKey))) continue;
      this.events.set(id, {
        site: spec.site,
        type: e.type,
        weight,
        ref: e.ref,
        self: e.self,
        order,
        value: (e.value ?? 0) * weight,
        currency: e.currency ?? 'XXX',
      });
      if (orderKey) this.orders.set(orderKey, id);
      accepted += 1;
    }
    return { accepted, duplicates: spec.events.length - accepted };
  }

  validOrders(spec: OrdersSpec): boolean {
    return (
      spec.site !== 'bad site!' &&
      spec.orders.length > 0 &&
      spec.orders.every((o) => (o.value === undefined || (typeof o.value === 'number' && o.value >= 0 && o.value <= 1e12)) && o.currency !== 'eur')
    );
  }

  confirm(spec: OrdersSpec): { confirmed: number; duplicates: number } {
    let confirmed = 0;
    for (const o of spec.orders) {
      const key = `${spec.site}\u0000${orderName(o.order)}`;
      if (this.confirmations.has(key)) continue;
      this.confirmations.set(key, { value: o.value as number | undefined, currency: o.currency });
      confirmed += 1;
    }
    return { confirmed, duplicates: spec.orders.length - confirmed };
  }

  /** The report fields the model predicts for a site. */
  report(site: string) {
    const round = (n: number) => Math.round(n * 1e6) / 1e6;
    const count = (test: (e: Stored) => boolean) => round([...this.events.values()].filter((e) => e.site === site && test(e)).reduce((n, e) => n + e.weight, 0));
    const add = (record: Record<string, number>, key: string, n: number) => {
      if (n > 0) record[key] = (record[key] ?? 0) + n;
    };
    const revenue: Record<string, number> = {};
    const confirmedRevenue: Record<string, number> = {};
    let confirmed = 0;
    for (const e of this.events.values()) {
      if (e.site !== site || e.type !== 'conversion') continue;
      add(revenue, e.currency, e.value);
      const shop = this.confirmations.get(`${site}\u0000${e.order}`);
      if (shop) {
        confirmed += e.weight;
        add(confirmedRevenue, shop.currency ?? e.currency, shop.value === undefined ? e.value : shop.value * e.weight);
      }
    }
    const tidy = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]));
    return {
      renders: count((e) => e.type === 'render'),
      impressions: count((e) => e.type === 'impression'),
      interactions: count((e) => e.type === 'interaction'),
      errors: count((e) => e.type === 'error'),
      responses: count((e) => e.type === 'nps'),
      shares: count((e) => e.type === 'share'),
      referralLandings: count((e) => e.type === 'referral_landing' && !e.self),
      selfLandings: count((e) => e.type === 'referral_landing' && e.self),
      conversions: count((e) => e.type === 'conversion'),
      referralConversions: count((e) => e.type === 'conversion' && e.ref !== undefined),
      revenue: tidy(revenue),
      confirmedConversions: round(confirmed),
      confirmedRevenue: tidy(confirmedRevenue),
    };
  }
}

// ---------- sending ----------

function eventJson(e: EventSpec, ids: readonly string[]): Record<string, unknown> {
  const id = e.upper ? ids[e.id]!.toUpperCase() : ids[e.id]!;
  const base: Record<string, unknown> = { id, type: e.type, ts: T0, pv: 'pv-fuzz', url: e.url, widget: 'rating', product: 'sku-42' };
  switch (e.type) {
    case 'interaction':
      return { ...base, action: 'sort' };
    case 'nps':
      return { ...base, score: e.score };
    case 'share':
      return { ...base, channel: 'copy', ref: e.ref };
    case 'referral_landing':
      return { ...base, ref: e.ref, ...(e.self ? { self: true } : {}) };
    case 'conversion':
      return { ...base, order_id: orderText(e.order, e.orderForm), ref: e.ref, value: e.value, currency: e.currency };
    case 'error':
      return { ...base, message: 'feed failed' };
    default:
      return base;
  }
}

function bodyOf(spec: BatchSpec, ids: readonly string[]): string {
  const sample = spec.sample === 1e308 ? '1e308' : JSON.stringify(spec.sample);
  const envelope = `{"v":1,"site":${JSON.stringify(spec.site)},"sent":${T0},${spec.sample === undefined ? '' : `"sample":${sample},`}"events":${JSON.stringify(spec.events.map((e) => eventJson(e, ids)))}}`;
  switch (spec.body) {
    case 'truncated':
      return envelope.slice(0, Math.max(1, envelope.length - 3));
    case 'array':
      return `[${envelope}]`;
    case 'junk':
      return `)]}'\n${envelope}`;
    default:
      return envelope;
  }
}

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(url: string, method: string, path: string, headers: Record<string, string | undefined>, body?: string): Promise<Answer> {
  const clean = Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
  const response = await fetch(`${url}${path}`, { method, headers: clean, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text && response.headers.get('content-type')?.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    parsed = { unparsable: text };
  }
  return { status: response.status, body: parsed };
}

function authHeader(auth: GetSpec['auth']): string | undefined {
  return auth === 'right' ? `Bearer ${TOKEN}` : auth === 'wrong' ? 'Bearer not-the-owner-token' : auth === 'junk' ? 'Basic Og==' : undefined;
}

// ---------- checks on the stored data ----------

async function numbersStored(kind: StoreKind, where: { db?: string; databaseUrl?: string }): Promise<number[]> {
  const sql = `SELECT weight AS x FROM zmot_events UNION ALL SELECT n FROM zmot_rollups UNION ALL SELECT value FROM zmot_rollups
    UNION ALL SELECT weight FROM zmot_sharers UNION ALL SELECT value FROM zmot_confirmations WHERE value IS NOT NULL`;
  if (kind === 'sqlite') {
    const db = new Database(where.db!, { readonly: true });
    try {
      return (db.prepare(sql).all() as { x: number | null }[]).map((r) => (r.x === null ? Number.NaN : r.x));
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  try {
    // float8 comes back as text for NaN/Infinity too; Number() reads both.
    return (await client.query<{ x: string | number }>(sql)).rows.map((r) => Number(r.x));
  } finally {
    await client.end();
  }
}

for (const kind of STORE_KINDS) {
  describe(`fuzzing a running collector (${kind})`, () => {
    test('no 5xx, the model\'s answers, no acknowledged event lost, nothing non-finite stored, reports equal to the model', async () => {
      let run = 0;
      // ZMOT_FUZZ_RUNS=500 for a longer search; time still bounds it: no run starts after 90 s. (fast-check's own
      // time limit either interrupts a run midway, leaving its requests running into a stopped database, or
      // fails the property for the runs it skipped.)
      const deadline = Date.now() + 90_000;
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          if (Date.now() > deadline) return;
          run += 1;
          const where = await storeLocation(kind);
          const store = kind === 'sqlite' ? openSqlite(where.db!, { synchronous: 'NORMAL' }) : await openPostgres(where.databaseUrl!);
          // Rate limits off (they answer 429 by time, which no model predicts); sign-in throttling on, its clock stopped.
          const collector = await createCollector({ store, token: TOKEN, rateAddress: 0, rateSite: 0, now: () => T0, trustProxy: true, clock: () => 0 });
          const url = await collector.app.listen({ port: 0, host: '127.0.0.1' });
          try {
            const ids = Array.from({ length: POOL }, (_, i) => `00000000-0000-4000-8000-${(run * 1000 + i).toString(16).padStart(12, '0')}`);
            const model = new Model(ids);
            for (const [index, cmd] of cmds.entries()) {
              const at = `request ${index} (${cmd.kind})`;
              let answer: Answer;
              if (cmd.kind === 'batch') {
                answer = await send(url, 'POST', '/v1/events', {
                  'content-type': cmd.contentType,
                  'user-agent': cmd.bot ? 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' : BROWSER_UA,
                  'x-forwarded-for': cmd.forwardedFor,
                }, bodyOf(cmd, ids));
                assert.ok(answer.status < 500, `${at}: ${answer.status} ${JSON.stringify(answer.body)}`);
                if (cmd.contentType === ';;') {
                  assert.equal(answer.status, 415, `${at}: a content type that does not parse`);
                } else if (cmd.body === 'truncated' || cmd.body === 'junk' || (cmd.body === 'array' && !cmd.bot)) {
                  assert.equal(answer.status, 400, at);
                } else if (cmd.bot) {
                  // Bots are answered once the body parses, before the schema: whatever it holds, nothing is stored.
                  assert.deepEqual(answer, { status: 202, body: { accepted: 0, duplicates: 0 } }, `${at}: bots are answered, not stored`);
                } else if (model.valid(cmd)) {
                  assert.deepEqual(answer, { status: 202, body: model.apply(cmd) }, `${at}: ${bodyOf(cmd, ids).slice(0, 400)}`);
                } else {
                  assert.equal(answer.status, 400, `${at}: ${JSON.stringify(answer.body)} for ${bodyOf(cmd, ids).slice(0, 400)}`);
                  assert.equal(typeof answer.body.error, 'string');
                }
              } else if (cmd.kind === 'raw') {
                answer = await send(url, 'POST', '/v1/events', { 'content-type': cmd.contentType, 'user-agent': BROWSER_UA }, cmd.body);
                assert.ok(answer.status < 500, `${at}: ${answer.status} for ${JSON.stringify(cmd.body)}`);
                // A raw body the model cannot vouch for may still be a valid, empty batch: nothing to store.
                if (answer.status === 202) assert.deepEqual(answer.body, { accepted: 0, duplicates: 0 }, `${at}: ${JSON.stringify(cmd.body)}`);
              } else if (cmd.kind === 'get') {
                answer = await send(url, 'GET', `${cmd.path}${cmd.query ? `?${cmd.query}` : ''}`, {
                  authorization: authHeader(cmd.auth),
                  'x-forwarded-for': cmd.forwardedFor,
                });
                assert.ok(answer.status < 500, `${at}: GET ${cmd.path}?${cmd.query} → ${answer.status} ${JSON.stringify(answer.body)}`);
              } else {
                const body = JSON.stringify({ site: cmd.site, orders: cmd.orders.map((o) => ({ order_id: orderText(o.order, o.form), value: o.value, currency: o.currency })) });
                // The shop's backend has its own address; wrong tokens come from another (they get throttled).
                const from = cmd.auth === 'right' ? '192.0.2.1' : '192.0.2.2';
                answer = await send(url, 'POST', '/v1/orders', { 'content-type': 'application/json', authorization: authHeader(cmd.auth), 'x-forwarded-for': from }, body);
                assert.ok(answer.status < 500, `${at}: ${answer.status}`);
                if (cmd.auth !== 'right') assert.ok(answer.status === 401 || (cmd.auth === 'wrong' && answer.status === 429), `${at}: ${answer.status}`);
                else if (model.validOrders(cmd)) assert.deepEqual(answer, { status: 200, body: model.confirm(cmd) }, `${at}: ${body}`);
                else assert.equal(answer.status, 400, `${at}: ${JSON.stringify(answer.body)} for ${body}`);
              }
            }
            // No acknowledged event lost, nothing else stored.
            const stored = await store.storedIds(ids);
            assert.deepEqual([...stored].sort(), [...model.events.keys()].sort(), 'the stored ids are the model\'s');
            // Nothing non-finite anywhere.
            const numbers = await numbersStored(kind, where);
            assert.ok(numbers.every(Number.isFinite), `non-finite numbers stored: ${numbers.filter((n) => !Number.isFinite(n)).join(', ')}`);
            // The reports equal the model, read as an owner would (from an address no fuzzed request used).
            for (const site of ['acme', 'other']) {
              const report = await send(url, 'GET', `/v1/metrics?site=${site}&from=${DAY}&to=${DAY}`, { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '192.0.2.200' });
              assert.equal(report.status, 200);
              const { zmot, umot } = (report.body as { total: { zmot: Record<string, unknown>; umot: Record<string, unknown> } }).total;
              const nps = umot.nps as { responses: number };
              const confirmed = umot.confirmed as { conversions: number; revenue: Record<string, number> };
              const expected = model.report(site);
              assert.deepEqual(
                {
                  renders: zmot.renders, impressions: zmot.impressions, interactions: zmot.interactions, errors: zmot.errors,
                  responses: nps.responses, shares: umot.shares, referralLandings: umot.referralLandings, selfLandings: umot.selfLandings,
                  conversions: umot.conversions, referralConversions: umot.referralConversions, revenue: umot.revenue,
                  confirmedConversions: confirmed.conversions, confirmedRevenue: confirmed.revenue,
                },
                expected,
                `report for ${site}`,
              );
              const totals = await store.totals(site);
              for (const type of Object.keys(totals.events)) {
                assert.ok(Math.abs(totals.events[type]! - (totals.rollups[type] ?? 0)) < 1e-6, `${site}: raw events and rollups agree on ${type}`);
              }
            }
          } finally {
            await collector.close();
          }
        }),
        { numRuns: Number(process.env.ZMOT_FUZZ_RUNS) || (kind === 'sqlite' ? 50 : 15) },
      );
    });
  });
}
