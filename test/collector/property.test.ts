/**
 * Property-based (fast-check), on SQLite and PostgreSQL: arbitrary sequences of POST /v1/events — valid
 * batches full of SQL metacharacters, with re-sent events, replayed orders and sampling; batches with one bad
 * event; bodies that are not batches at all. Against a model of what must be stored:
 * - every answer is 202 with exactly the model's accepted/duplicate counts, or a 400 with an error message;
 * - a refused batch stores nothing; an accepted one stores each new id once, and each order id once per site;
 * - every text field reads back from the database byte for byte (raw SQL, not through the collector);
 * - raw events and rollups agree per type, and the report's conversions count each order once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import pg from 'pg';
import { buildReport } from '../../src/collector/metrics.js';
import { STORABLE, type ZmotEvent } from '../../src/telemetry/schema.js';
import { openFresh, post, startCollector, storeLocation, STORE_KINDS, type StoreKind } from './helpers.js';

/** Strings that mean something to SQL (quotes, comments, placeholders, escapes, wildcards) or to a parser. */
const SQL = [
  "'",
  "''",
  '"',
  "'; DROP TABLE zmot_events; --",
  "1' OR '1'='1",
  '\\',
  "\\'",
  '%',
  '_',
  '/*',
  '*/ --',
  '$1',
  '?',
  ':name',
  '@p',
  '`',
  '$$',
  "E'\\x00'",
  'NULL',
  '<script>window.__pwned=1</script>',
  '😀 ﷽ עברית',
];

const text = (max: number) =>
  fc
    .oneof(
      fc.constantFrom(...SQL),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }),
      fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...SQL), fc.string({ maxLength: 6 })).map((p) => p.join('')),
    )
    .map((s) => s.slice(0, max))
    // U+0000 and unpaired surrogates are refused (see `spoil`); the browser replaces them before sending.
    .filter((s) => s.length > 0 && STORABLE.test(s));
/** URL-safe tokens, SQL comments included (`--`). */
const ref = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/), fc.constantFrom('a--b', '-_-', '--'));
/** An http(s) URL without query string or fragment, its path full of metacharacters. */
const url = fc.tuple(fc.constantFrom('https', 'http'), text(40)).map(([scheme, path]) => `${scheme}://acme.example/${path.replace(/[\s?#]/g, '')}`);

type Fields = Omit<ZmotEvent, 'id' | 'ts'>;

const common = { pv: text(64), url, widget: fc.option(text(32), { nil: undefined }), product: fc.option(text(128), { nil: undefined }) };
const fields: fc.Arbitrary<Fields> = fc.oneof(
  fc.record({ ...common, type: fc.constantFrom('render', 'impression') }),
  fc.record({ ...common, type: fc.constant('interaction'), action: text(64) }),
  fc.record({ ...common, type: fc.constant('nps'), score: fc.integer({ min: 0, max: 10 }), comment: fc.option(text(2000), { nil: undefined }) }),
  fc.record({ ...common, type: fc.constant('share'), channel: text(32), ref }),
  fc.record({ ...common, type: fc.constant('referral_landing'), ref, self: fc.option(fc.boolean(), { nil: undefined }) }),
  fc.record({
    ...common,
    type: fc.constant('conversion'),
    order_id: text(128),
    ref: fc.option(ref, { nil: undefined }),
    value: fc.option(fc.double({ min: 0, max: 1e6, noNaN: true }), { nil: undefined }),
    currency: fc.option(fc.constantFrom('EUR', 'USD', 'JPY'), { nil: undefined }),
  }),
  fc.record({ ...common, type: fc.constant('error'), message: text(500) }),
) as fc.Arbitrary<Fields>;

/** One event of a batch: a new one, one sent before (same id), or an order sent before under a new id. */
type Item = { fresh: Fields } | { resend: number } | { replay: number };
const item: fc.Arbitrary<Item> = fc.oneof(
  { weight: 6, arbitrary: fields.map((f) => ({ fresh: f })) },
  { weight: 2, arbitrary: fc.nat().map((n) => ({ resend: n })) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ replay: n })) },
);

/** Ways to spoil one event so the schema refuses the batch. */
const spoil = fc.constantFrom<[string, (e: Record<string, unknown>) => void]>(
  ['unknown type', (e) => (e.type = "render'; --")],
  ['score 11', (e) => Object.assign(e, { type: 'nps', score: 11 })],
  ['ts as text', (e) => (e.ts = `${String(e.ts)}' OR 1=1`)],
  ['id not a UUID', (e) => (e.id = "1'); DELETE FROM zmot_events; --")],
  ['ref with markup', (e) => Object.assign(e, { type: 'share', channel: 'copy', ref: "<a href='x'>" })],
  ['url with a query', (e) => (e.url = 'https://acme.example/p?email=a@b.example')],
  ['product too long', (e) => (e.product = "'".repeat(129))],
  ['U+0000 in pv', (e) => (e.pv = "a\u0000'; --")],
  ['unpaired surrogate in a comment', (e) => Object.assign(e, { type: 'nps', score: 3, comment: 'x\uD800' })],
  ['U+0000 in an order id', (e) => Object.assign(e, { type: 'conversion', order_id: '\u0000' })],
);

type Command =
  | { kind: 'batch'; items: Item[]; sample: number | undefined }
  | { kind: 'spoilt'; items: Item[]; at: number; spoil: [string, (e: Record<string, unknown>) => void] }
  | { kind: 'garbage'; body: string };
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('batch' as const), items: fc.array(item, { minLength: 1, maxLength: 12 }), sample: fc.constantFrom(undefined, 0.5, 0.25) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('spoilt' as const), items: fc.array(item, { minLength: 1, maxLength: 6 }), at: fc.nat(), spoil }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('garbage' as const),
      body: fc.oneof(fc.string({ minLength: 1 }), fc.json(), fc.constantFrom("{'v':1}", '[]', 'null', '{"v":1,"site":"x","sent":1,"events":"; DROP TABLE zmot_events"}')),
    }),
  },
);

interface RawRow {
  id: string;
  type: string;
  pv: string;
  url: string;
  widget: string;
  product: string;
  data: string | null;
}

/** Reads stored events straight from the database, not through the collector's code. */
async function rawReader(kind: StoreKind, where: { db?: string; databaseUrl?: string }) {
  if (kind === 'sqlite') {
    const db = new Database(where.db!, { readonly: true });
    const select = db.prepare('SELECT id, type, pv, url, widget, product, data FROM zmot_events WHERE site = ?');
    return { rows: async (site: string) => select.all(site) as RawRow[], close: async () => db.close() };
  }
  const client = new pg.Client({ connectionString: where.databaseUrl });
  await client.connect();
  return {
    rows: async (site: string) => (await client.query<RawRow>('SELECT id, type, pv, url, widget, product, data FROM zmot_events WHERE site = $1', [site])).rows,
    close: () => client.end(),
  };
}

const BASE = new Set(['id', 'type', 'ts', 'pv', 'url', 'widget', 'product']);
function extra(event: ZmotEvent): Record<string, unknown> | null {
  const out = Object.fromEntries(Object.entries(event).filter(([k, v]) => !BASE.has(k) && v !== undefined));
  return Object.keys(out).length ? out : null;
}

for (const kind of STORE_KINDS) {
  describe(`property: arbitrary event batches (${kind})`, () => {
    test('202 with exact counts or a clear 400; the store matches the model, verbatim', { timeout: 300_000 }, async () => {
      const where = await storeLocation(kind);
      const { url: base, store } = await startCollector(kind, { store: await openFresh(kind, where) });
      const raw = await rawReader(kind, where);
      let run = 0;
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 8 }), async (commands) => {
            const site = `p${++run}-${kind}`;
            const sent: ZmotEvent[] = [];
            /** The model: what must be stored, by id, with its weight; and the orders taken. */
            const stored = new Map<string, { event: ZmotEvent; weight: number }>();
            const orders = new Set<string>();
            const now = Date.now();
            const build = (items: Item[]) =>
              items.map((it): ZmotEvent => {
                if ('resend' in it && sent.length) return sent[it.resend % sent.length]!;
                const conversions = sent.filter((e) => e.type === 'conversion');
                if ('replay' in it && conversions.length) return { ...conversions[it.replay % conversions.length]!, id: randomUUID() };
                const f = 'fresh' in it ? it.fresh : ({ type: 'render', pv: 'pv', url: 'https://acme.example/' } as Fields);
                return { ...f, id: randomUUID(), ts: now } as ZmotEvent;
              });

            for (const cmd of commands) {
              if (cmd.kind === 'garbage') {
                const answer = await post(base, cmd.body);
                assert.ok([400, 413].includes(answer.status), `garbage ${JSON.stringify(cmd.body).slice(0, 80)}: ${answer.status}`);
                assert.equal(typeof answer.body.error, 'string');
                continue;
              }
              const events = build(cmd.items);
              if (cmd.kind === 'spoilt') {
                const copy = events.map((e) => ({ ...e }) as Record<string, unknown>);
                const victim = copy[cmd.at % copy.length]!;
                victim.id = randomUUID();
                cmd.spoil[1](victim);
                const answer = await post(base, { v: 1, site, sent: now, events: copy });
                assert.equal(answer.status, 400, `${cmd.spoil[0]}: ${JSON.stringify(answer.body)}`);
                assert.match(String(answer.body.error), /^(events\[\d+\]|batch)/);
                const fresh = copy.map((e) => String(e.id).toLowerCase()).filter((id) => !stored.has(id));
                assert.equal((await store.storedIds(fresh)).size, 0, 'a refused batch stores nothing');
                continue;
              }
              const weight = 1 / (cmd.sample ?? 1);
              let accepted = 0;
              for (const event of events) {
                const id = event.id.toLowerCase();
                const order = event.type === 'conversion' ? event.order_id : undefined;
                if (stored.has(id) || (order !== undefined && orders.has(order))) continue;
                stored.set(id, { event, weight });
                if (order !== undefined) orders.add(order);
                accepted += 1;
              }
              const answer = await post(base, { v: 1, site, sent: now, ...(cmd.sample ? { sample: cmd.sample } : {}), events });
              assert.equal(answer.status, 202, JSON.stringify(answer.body));
              assert.deepEqual(answer.body, { accepted, duplicates: events.length - accepted });
              sent.push(...events);
            }

            // Verbatim: every text field as sent, read with plain SQL.
            const rows = await raw.rows(site);
            assert.deepEqual(rows.map((r) => r.id).sort(), [...stored.keys()].sort());
            for (const row of rows) {
              const { event } = stored.get(row.id)!;
              assert.deepEqual(
                { type: row.type, pv: row.pv, url: row.url, widget: row.widget, product: row.product, data: row.data === null ? null : JSON.parse(row.data) },
                { type: event.type, pv: event.pv, url: event.url, widget: event.widget ?? '', product: event.product ?? '', data: extra(event) },
              );
            }
            // Raw events and rollups agree, and both match the model, per type.
            const totals = await store.totals(site);
            const expected: Record<string, number> = {};
            for (const { event, weight } of stored.values()) expected[event.type] = (expected[event.type] ?? 0) + weight;
            assert.deepEqual(totals.events, expected);
            assert.deepEqual(totals.rollups, expected);
            const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
            const report = await buildReport(store, { site, from: day(now - 86_400_000), to: day(now + 86_400_000) });
            assert.equal(report.total.umot.conversions, expected.conversion ?? 0, 'each order counted once');
          }),
          { numRuns: 12 },
        );
      } finally {
        await raw.close();
      }
    });
  });
}
