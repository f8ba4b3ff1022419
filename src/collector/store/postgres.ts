/**
 * The PostgreSQL store, through `pg`. Each `insert` is one transaction whose COMMIT returns after the WAL is
 * flushed (PostgreSQL's default `synchronous_commit = on`). A whole group of batches goes in with one
 * statement per table: the ids through `unnest` (which are new decides duplicates), the new events by `COPY`
 * (pg-copy-streams), rollups, sharers, orders and comments as arrays through `unnest`, each sorted so
 * concurrent transactions lock rows in one order.
 */
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Review } from '../../feed/schema.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import { commentItem, scoreRange, type CommentRecord } from './comments.js';
import { recordSnapshots, type ReputationRow } from '../reputation.js';
import { attribute, dayOf, sharedKey, summariseRows, summariseSites, type EventRow } from './rows.js';
import {
  COLLECTED_COLUMNS,
  collectedReview,
  mergeProductData,
  moderatedReview,
  moderationChange,
  rejectedByReason,
  reviewRecord,
  type CollectedRow,
  type HistoryRow,
} from './reviews.js';
import { collectionCounts, periodMs } from './collection.js';
import type { ConfirmedConversion, ProductData, RangeQuery, ReviewStats, RollupRow, SharerCounts, SharerDayRow, Store } from './types.js';

/** Any number for pg_advisory_xact_lock, so two collectors starting at once migrate one after the other. */
const MIGRATION_LOCK = 7_316_822;

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM zmot_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of [...migration.statements, ...(migration.postgres ?? [])]) await client.query(statement);
      await client.query('INSERT INTO zmot_migrations (version, name, applied) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        Date.now(),
      ]);
    }
  });
}

const EVENT_COLUMNS = ['id', 'site', 'type', 'day', 'ts', 'received', 'pv', 'url', 'widget', 'product', 'weight', 'data'] as const;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The rows' stored columns in COPY's text format: tabs between fields, `\N` for null, backslash escapes. */
function copyText(rows: readonly EventRow[]): string {
  let text = '';
  for (const row of rows) {
    text += EVENT_COLUMNS.map((column) => {
      const value = row[column];
      return value === null ? '\\N' : String(value).replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!);
    }).join('\t');
    text += '\n';
  }
  return text;
}

/** Locks of their own: one collector at a time creates month partitions, and one applies retention. */
const PARTITION_LOCK = 7_316_823;
const RETENTION_LOCK = 7_316_824;
/** Raw events deleted from the default partition in one statement by `retain`. */
const RETAIN_BATCH = 5000;
/** Table blocks whose rows' ids are forgotten in one statement before a month is dropped. */
const RETAIN_BLOCKS = 1000;

const monthStart = (ms: number, add = 0): number => {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + add, 1);
};
const partitionName = (start: number): string => `zmot_events_${dayOf(start).slice(0, 7).replace('-', '_')}`;
const PARTITION_NAME = /^zmot_events_(\d{4})_(\d{2})$/;

/**
 * Creates the partitions of this month and the next two, so each month's events have theirs before the
 * month starts. A month whose events already sit in the default partition (stored before partitioning, or
 * while the collector was down over a month's start) gets none: its events stay there until retention.
 */
async function preparePartitions(pool: pg.Pool, now: number): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK]);
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'zmot_events'::regclass`,
    );
    const existing = new Set(rows.map((r) => r.name));
    for (let k = 0; k <= 2; k++) {
      const [from, to] = [dayOf(monthStart(now, k)), dayOf(monthStart(now, k + 1))];
      const name = partitionName(monthStart(now, k));
      if (existing.has(name)) continue;
      const held = await client.query('SELECT 1 FROM zmot_events_default WHERE day >= $1 AND day < $2 LIMIT 1', [from, to]);
      if (held.rows.length > 0) continue;
      await client.query(`CREATE TABLE ${name} PARTITION OF zmot_events FOR VALUES FROM ('${from}') TO ('${to}')`);
    }
  });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: EventRow, b: EventRow): number => compare(a.id, b.id);

function range(query: RangeQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [query.site, query.from, query.to];
  let where = 'site = $1 AND day >= $2 AND day <= $3';
  if (query.product !== undefined) {
    params.push(query.product);
    where += ' AND product = $4';
  }
  return { where, params };
}

export interface PostgresOptions {
  /** Connections in the pool (default 8). */
  max?: number;
  /** The clock that names the months partitions are created for (tests set it). */
  now?: () => number;
  /** Run the migrations on open (default true); false for a read-only replica, which gets them from its primary. */
  migrate?: boolean;
}

/**
 * The four upserts of newly stored rows' rollups and sharers, per product and per site, their parameters
 * numbered from `$first`. Each upsert's rows are sorted by key, and every transaction runs them in this order,
 * so concurrent writers take their row locks in one order.
 */
function sumUpserts(first: number): [rollups: string, sharers: string, siteRollups: string, siteSharers: string] {
  const $ = (i: number, type: string) => `$${first + i}::${type}[]`;
  return [
    `INSERT INTO zmot_rollups (site, day, product, widget, type, key, n, value)
      SELECT * FROM unnest(${$(0, 'text')}, ${$(1, 'text')}, ${$(2, 'text')}, ${$(3, 'text')}, ${$(4, 'text')}, ${$(5, 'text')}, ${$(6, 'float8')}, ${$(7, 'float8')})
      ON CONFLICT (site, day, product, widget, type, key)
      DO UPDATE SET n = zmot_rollups.n + excluded.n, value = zmot_rollups.value + excluded.value`,
    `INSERT INTO zmot_sharers (site, day, product, ref, weight)
      SELECT * FROM unnest(${$(8, 'text')}, ${$(9, 'text')}, ${$(10, 'text')}, ${$(11, 'text')}, ${$(12, 'float8')})
      ON CONFLICT (site, day, product, ref) DO UPDATE SET weight = GREATEST(zmot_sharers.weight, excluded.weight)`,
    `INSERT INTO zmot_site_rollups (site, day, widget, type, key, n, value)
      SELECT * FROM unnest(${$(13, 'text')}, ${$(14, 'text')}, ${$(15, 'text')}, ${$(16, 'text')}, ${$(17, 'text')}, ${$(18, 'float8')}, ${$(19, 'float8')})
      ON CONFLICT (site, day, widget, type, key)
      DO UPDATE SET n = zmot_site_rollups.n + excluded.n, value = zmot_site_rollups.value + excluded.value`,
    `INSERT INTO zmot_site_sharers (site, day, ref, weight)
      SELECT * FROM unnest(${$(20, 'text')}, ${$(21, 'text')}, ${$(22, 'text')}, ${$(23, 'float8')})
      ON CONFLICT (site, day, ref) DO UPDATE SET weight = GREATEST(zmot_site_sharers.weight, excluded.weight)`,
  ];
}

/** The 24 values of `sumUpserts`' parameters. */
function sumValues(summary: ReturnType<typeof summariseRows>): unknown[] {
  const { rollups, sharers } = summary;
  const sites = summariseSites(summary);
  return [
    rollups.map((d) => d.site),
    rollups.map((d) => d.day),
    rollups.map((d) => d.product),
    rollups.map((d) => d.widget),
    rollups.map((d) => d.type),
    rollups.map((d) => d.key),
    rollups.map((d) => d.n),
    rollups.map((d) => d.value),
    sharers.map((s) => s.site),
    sharers.map((s) => s.day),
    sharers.map((s) => s.product),
    sharers.map((s) => s.ref),
    sharers.map((s) => s.weight),
    sites.rollups.map((d) => d.site),
    sites.rollups.map((d) => d.day),
    sites.rollups.map((d) => d.widget),
    sites.rollups.map((d) => d.type),
    sites.rollups.map((d) => d.key),
    sites.rollups.map((d) => d.n),
    sites.rollups.map((d) => d.value),
    sites.sharers.map((s) => s.site),
    sites.sharers.map((s) => s.day),
    sites.sharers.map((s) => s.ref),
    sites.sharers.map((s) => s.weight),
  ];
}

/**
 * The sums in one statement of four upserts (data-modifying WITH), prepared once per connection: one round
 * trip where there were four, each parsed and planned every time.
 */
const SAVE_SUMS = (() => {
  const [rollups, sharers, siteRollups, siteSharers] = sumUpserts(1);
  return { name: 'zmot-save-sums', text: `WITH rollups AS (${rollups}), sharers AS (${sharers}), site_rollups AS (${siteRollups}) ${siteSharers}` };
})();

async function saveSums(client: pg.PoolClient, summary: ReturnType<typeof summariseRows>): Promise<void> {
  if (summary.rollups.length === 0 && summary.sharers.length === 0) return;
  await client.query({ ...SAVE_SUMS, values: sumValues(summary) });
}

/**
 * A whole group of new events in one statement, so in one round trip and its own transaction: the ids claimed,
 * the rows inserted, the sums added. For the common group — no conversions, comments or referral landings,
 * no id twice — whose ids are all new. The ids go in by a plain `INSERT`, not `ON CONFLICT DO NOTHING`
 * (whose speculative insertion took 4.8 of the statement's 8.6 ms for 800 ids): an id stored before breaks
 * the primary key, the statement fails, nothing of it stays, and the group goes the transaction's way, which
 * sorts out the duplicates. The main query reads the ids' insert, so it runs first, and the other inserts
 * after it: the same order of locks as the transaction's (ids, then the sums' tables). Why one statement:
 * under load on 2 cores a round trip is slow (PostgreSQL, the collector and its clients share the cores), and
 * the transaction's five round trips took longer than its work.
 */
const INSERT_WHOLE = (() => {
  const [rollups, sharers, siteRollups, siteSharers] = sumUpserts(13);
  return {
    name: 'zmot-insert-whole',
    text: `WITH claimed AS (
        INSERT INTO zmot_event_ids (id) SELECT unnest($1::text[]) RETURNING 1
      ), events AS (
        INSERT INTO zmot_events (id, site, type, day, ts, received, pv, url, widget, product, weight, data)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::text[], $8::text[],
          $9::text[], $10::text[], $11::float8[], $12::text[])
      ), rollups AS (${rollups}), sharers AS (${sharers}), site_rollups AS (${siteRollups}), site_sharers AS (${siteSharers})
      SELECT count(*) FROM claimed`,
  };
})();

/** True when `INSERT_WHOLE` can store these rows (sorted by id): nothing but events and their sums. */
function wholeable(rows: readonly EventRow[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.order !== null || row.comment !== null || (row.via !== null && row.product === '')) return false;
    if (i > 0 && rows[i - 1]!.id === row.id) return false;
  }
  return true;
}

/** Stores `rows` (sorted by id) with `INSERT_WHOLE`; false, with nothing stored, when an id was stored before. */
async function insertWhole(pool: pg.Pool, rows: readonly EventRow[]): Promise<boolean> {
  const column = <K extends keyof EventRow>(key: K) => rows.map((r) => r[key]);
  try {
    await pool.query({
      ...INSERT_WHOLE,
      values: [
        column('id'), column('site'), column('type'), column('day'), column('ts'), column('received'),
        column('pv'), column('url'), column('widget'), column('product'), column('weight'), column('data'),
        ...sumValues(summariseRows(rows)),
      ],
    });
    return true;
  } catch (error) {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'zmot_event_ids_pkey') return false;
    throw error;
  }
}

/** A collected review with its history, or undefined for an unknown id. */
async function readCollected(pool: pg.Pool, id: string) {
  const [row, history] = await Promise.all([
    pool.query<CollectedRow>(`SELECT ${COLLECTED_COLUMNS} FROM zmot_reviews WHERE id = $1 AND created IS NOT NULL`, [id]),
    pool.query<HistoryRow>('SELECT review_id, step, at, action, reason, body FROM zmot_review_history WHERE review_id = $1', [id]),
  ]);
  return row.rows[0] && moderatedReview(row.rows[0], history.rows);
}

export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 8 });
  pool.on('error', () => undefined); // an idle client lost its connection; the next query reconnects
  const now = options.now ?? Date.now;
  if (options.migrate !== false) {
    await migrate(pool);
    await preparePartitions(pool, now());
  }

  const store: Store = {
    kind: 'postgres',
    async confirm(site, orders, received) {
      if (orders.length === 0) return { confirmed: 0, duplicates: 0 };
      // Sorted, like every insert here, so concurrent confirmations cannot deadlock; the first of an order wins.
      const list = [...orders].sort((a, b) => compare(a.order, b.order));
      const { rowCount } = await pool.query(
        `INSERT INTO zmot_confirmations (site, order_id, value, currency, received)
         SELECT $1::text, * FROM unnest($2::text[], $3::float8[], $4::text[], $5::bigint[])
         ON CONFLICT (site, order_id) DO NOTHING`,
        [site, list.map((o) => o.order), list.map((o) => o.value ?? null), list.map((o) => o.currency ?? null), list.map(() => received)],
      );
      const confirmed = rowCount ?? 0;
      return { confirmed, duplicates: orders.length - confirmed };
    },
    async confirmedConversions(query) {
      const { params } = range(query);
      const { rows } = await pool.query<ConfirmedConversion>(
        `SELECT o.day AS day, o.product AS product, o.widget AS widget, o.weight AS weight, o.data AS data,
             c.value AS value, c.currency AS currency
           FROM zmot_confirmations c
           JOIN zmot_orders o ON o.site = c.site AND o.order_id = c.order_id
         WHERE c.site = $1 AND o.day >= $2 AND o.day <= $3${query.product === undefined ? '' : ' AND o.product = $4'}`,
        params,
      );
      return rows.map((r) => ({ ...r, weight: Number(r.weight), value: r.value === null ? null : Number(r.value) }));
    },
    async confirms(site) {
      const { rows } = await pool.query('SELECT 1 FROM zmot_confirmations WHERE site = $1 LIMIT 1', [site]);
      return rows.length > 0;
    },
    async insert(batches) {
      // Rows go in sorted by id, and orders by key, so concurrent transactions take their row locks in one
      // order and cannot deadlock (they did, when two batches carried the same ids in different orders).
      const all = batches.flat().sort(byId);
      if (all.length === 0) return batches.map(() => ({ accepted: 0, duplicates: 0 }));
      if (wholeable(all) && (await insertWhole(pool, all))) return batches.map((batch) => ({ accepted: batch.length, duplicates: 0 }));
      return inTransaction(pool, async (client) => {
        // Which ids are new: zmot_event_ids holds every stored id (the partitioned events table cannot keep
        // an id unique across its months). The first row with a new id is stored; every later one with the
        // same id is a duplicate.
        const { rows } = await client.query<{ id: string }>({
          name: 'zmot-claim-ids',
          text: 'INSERT INTO zmot_event_ids (id) SELECT unnest($1::text[]) ON CONFLICT (id) DO NOTHING RETURNING id',
          values: [all.map((r) => r.id)],
        });
        const unclaimed = new Set(rows.map((r) => r.id));
        const stored = batches.map((batch) => batch.filter((row) => unclaimed.delete(row.id)));
        // A conversion for an order already stored (or earlier in this transaction) is a replay: its id is
        // taken back out and it is answered as a duplicate. Concurrent transactions wait for each other on
        // the order's key. The order keeps what a confirmed conversion reports, so retention can drop the event.
        const conversions = stored
          .flat()
          .filter((row) => row.order !== null)
          .sort((a, b) => compare(a.site, b.site) || compare(a.order!, b.order!)); // stable: the first of an order wins
        const replays = new Set<string>();
        if (conversions.length > 0) {
          const { rows: owners } = await client.query<{ id: string }>(
            `INSERT INTO zmot_orders (site, order_id, id, day, product, widget, weight, data)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::text[])
             ON CONFLICT (site, order_id) DO NOTHING RETURNING id`,
            [
              conversions.map((r) => r.site),
              conversions.map((r) => r.order),
              conversions.map((r) => r.id),
              conversions.map((r) => r.day),
              conversions.map((r) => r.product),
              conversions.map((r) => r.widget),
              conversions.map((r) => r.weight),
              conversions.map((r) => r.data),
            ],
          );
          const owning = new Set(owners.map((r) => r.id));
          for (const row of conversions) if (!owning.has(row.id)) replays.add(row.id);
          if (replays.size > 0) await client.query('DELETE FROM zmot_event_ids WHERE id = ANY($1::text[])', [[...replays]]);
        }
        const fresh: EventRow[] = [];
        const results = batches.map((batch, i) => {
          const kept = stored[i]!.filter((row) => !replays.has(row.id));
          fresh.push(...kept);
          return { accepted: kept.length, duplicates: batch.length - kept.length };
        });
        if (fresh.length > 0) {
          // COPY: the new events need no duplicate check (zmot_event_ids made it), and COPY is PostgreSQL's
          // fastest way in, about twice an INSERT of the same rows here. Each row goes to its month's partition.
          await pipeline(Readable.from([copyText(fresh)]), client.query(copyFrom(`COPY zmot_events (${EVENT_COLUMNS.join(', ')}) FROM STDIN`)));
        }
        const comments = fresh.filter((row) => row.comment !== null);
        if (comments.length > 0) {
          await client.query(
            `INSERT INTO zmot_comments (id, site, day, ts, product, score, comment, handled)
             SELECT *, NULL::bigint FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::int[], $7::text[])
             ON CONFLICT (id) DO NOTHING`,
            [
              comments.map((r) => r.id),
              comments.map((r) => r.site),
              comments.map((r) => r.day),
              comments.map((r) => r.comment!.at),
              comments.map((r) => r.product),
              comments.map((r) => r.comment!.score),
              comments.map((r) => r.comment!.text),
            ],
          );
        }
        const referred = fresh.filter((r) => r.via !== null && r.product === '');
        const shared = new Map<string, string>();
        if (referred.length > 0) {
          const { rows: found } = await client.query<{ site: string; ref: string; product: string }>(
            `SELECT DISTINCT ON (s.site, s.ref) s.site, s.ref, s.product
             FROM zmot_sharers s JOIN unnest($1::text[], $2::text[]) AS q(site, ref) ON s.site = q.site AND s.ref = q.ref
             ORDER BY s.site, s.ref, s.day DESC, s.product COLLATE "C"`,
            [referred.map((r) => r.site), referred.map((r) => r.via)],
          );
          for (const f of found) shared.set(sharedKey(f.site, f.ref), f.product);
        }
        await saveSums(client, summariseRows(attribute(fresh, shared)));
        return results;
      });
    },
    async rollups(query) {
      const { where, params } = range(query);
      const { rows } = await pool.query<RollupRow>(
        `SELECT day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM zmot_rollups
         WHERE ${where} GROUP BY day, product, widget, type, key ORDER BY day`,
        params,
      );
      return rows.map((r) => ({ ...r, n: Number(r.n), value: Number(r.value) }));
    },
    async dayRollups(query) {
      const { where, params } = range(query);
      const sql =
        query.product === undefined
          ? `SELECT day, '' AS product, widget, type, key, n, value FROM zmot_site_rollups WHERE ${where} ORDER BY day`
          : `SELECT day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM zmot_rollups
             WHERE ${where} GROUP BY day, product, widget, type, key ORDER BY day`;
      const { rows } = await pool.query<RollupRow>(sql, params);
      return rows.map((r) => ({ ...r, n: Number(r.n), value: Number(r.value) }));
    },
    async productRollups(query) {
      const { where, params } = range(query);
      const { rows } = await pool.query<RollupRow>(
        `SELECT '' AS day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM zmot_rollups
         WHERE ${where} GROUP BY product, widget, type, key`,
        params,
      );
      return rows.map((r) => ({ ...r, n: Number(r.n), value: Number(r.value) }));
    },
    async sharerCounts(query, byProduct) {
      const { where, params } = range(query);
      // One row per day and code in either source: the site's table, or the product's rows of `zmot_sharers`.
      const source = `${query.product === undefined ? 'zmot_site_sharers' : 'zmot_sharers'} WHERE ${where}`;
      const [byDay, total, products] = await Promise.all([
        pool.query<{ day: string; weight: number }>(`SELECT day, SUM(weight) AS weight FROM ${source} GROUP BY day ORDER BY day`, params),
        pool.query<{ total: number }>(`SELECT COALESCE(SUM(weight), 0) AS total FROM (SELECT MAX(weight) AS weight FROM ${source} GROUP BY ref) AS refs`, params),
        byProduct
          ? pool.query<{ product: string; weight: number }>(
              `SELECT product, SUM(weight) AS weight FROM (SELECT product, ref, MAX(weight) AS weight FROM zmot_sharers
               WHERE ${where} GROUP BY product, ref) AS refs GROUP BY product`,
              params,
            )
          : undefined,
      ]);
      return {
        byDay: byDay.rows.map((r) => ({ day: r.day, weight: Number(r.weight) })),
        total: Number(total.rows[0]?.total ?? 0),
        byProduct: (products?.rows ?? []).map((r) => ({ product: r.product, weight: Number(r.weight) })),
      } satisfies SharerCounts;
    },
    async sharers(query) {
      const { where, params } = range(query);
      const { rows } = await pool.query<SharerDayRow>(
        `SELECT day, product, ref, MAX(weight) AS weight FROM zmot_sharers WHERE ${where} GROUP BY day, product, ref ORDER BY day`,
        params,
      );
      return rows.map((r) => ({ ...r, weight: Number(r.weight) }));
    },
    async sites() {
      const { rows } = await pool.query<{ id: string; first: string; last: string }>(
        'SELECT site AS id, MIN(day) AS first, MAX(day) AS last FROM zmot_site_rollups GROUP BY site ORDER BY site',
      );
      return rows;
    },
    async importFeeds(site, feeds, options = {}) {
      const result = await inTransaction(pool, async (client) => {
        let reviews = 0;
        const products = new Set<string>();
        for (const feed of feeds) {
          const id = feed.product.id;
          const before = await client.query<{ data: string }>(
            'SELECT data FROM zmot_products WHERE site = $1 AND product = $2 FOR UPDATE',
            [site, id],
          );
          const previous = before.rows[0] && (JSON.parse(before.rows[0].data) as ProductData);
          await client.query(
            `INSERT INTO zmot_products (site, product, data, updated) VALUES ($1, $2, $3, $4)
             ON CONFLICT (site, product) DO UPDATE SET data = excluded.data, updated = excluded.updated`,
            [site, id, JSON.stringify(mergeProductData(previous, feed)), Date.now()],
          );
          if (options.replace && !products.has(id)) {
            // Imported reviews only: collected ones (with `created`) stay, whatever the import says.
            await client.query('DELETE FROM zmot_reviews WHERE site = $1 AND product = $2 AND created IS NULL', [site, id]);
          }
          products.add(id);
          const records = new Map(feed.reviews.map((review) => [String(review.id), reviewRecord(review)]));
          const list = [...records.values()];
          if (list.length > 0) {
            await client.query(
              `INSERT INTO zmot_reviews (site, product, id, rating, date, own, verified, data)
               SELECT $1::text, $2::text, * FROM unnest($3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::text[])
               ON CONFLICT (site, product, id) DO UPDATE SET rating = excluded.rating, date = excluded.date,
                 own = excluded.own, verified = excluded.verified, data = excluded.data
               WHERE zmot_reviews.created IS NULL`,
              [
                site,
                id,
                list.map((r) => r.id),
                list.map((r) => r.rating),
                list.map((r) => r.date),
                list.map((r) => (r.own ? 1 : 0)),
                list.map((r) => (r.verified ? 1 : 0)),
                list.map((r) => r.data),
              ],
            );
          }
          reviews += feed.reviews.length;
        }
        return { products: products.size, reviews };
      });
      await recordSnapshots(store, site, feeds.map((f) => f.product.id), dayOf(options.now ?? Date.now()));
      return result;
    },
    async saveReputation(rows) {
      if (rows.length === 0) return;
      await pool.query(
        `INSERT INTO zmot_reputation (site, product, source, day, name, rating, count, stored, replied, reply_days)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::int[], $8::int[], $9::int[], $10::float8[])
         ON CONFLICT (site, product, source, day) DO UPDATE SET name = excluded.name, rating = excluded.rating,
           count = excluded.count, stored = excluded.stored, replied = excluded.replied, reply_days = excluded.reply_days`,
        [
          rows.map((r) => r.site),
          rows.map((r) => r.product),
          rows.map((r) => r.source),
          rows.map((r) => r.day),
          rows.map((r) => r.name),
          rows.map((r) => r.rating),
          rows.map((r) => r.count),
          rows.map((r) => r.stored),
          rows.map((r) => r.replied),
          rows.map((r) => r.replyDays),
        ],
      );
    },
    async reputation(site, to, product) {
      const params: unknown[] = [site, to];
      if (product !== undefined) params.push(product);
      const { rows } = await pool.query<ReputationRow>(
        `SELECT site, product, source, day, name, rating, count, stored, replied, reply_days AS "replyDays" FROM zmot_reputation
         WHERE site = $1 AND day <= $2${product === undefined ? '' : ' AND product = $3'}
         ORDER BY product COLLATE "C", source COLLATE "C", day`,
        params,
      );
      return rows.map((r) => ({ ...r, rating: Number(r.rating), replyDays: r.replyDays === null ? null : Number(r.replyDays) }));
    },
    async product(site, product) {
      const { rows } = await pool.query<{ data: string }>('SELECT data FROM zmot_products WHERE site = $1 AND product = $2', [site, product]);
      return rows[0] && (JSON.parse(rows[0].data) as ProductData);
    },
    async hasProducts(site) {
      const { rows } = await pool.query('SELECT 1 FROM zmot_products WHERE site = $1 LIMIT 1', [site]);
      return rows.length > 0;
    },
    async reviewStats(site, product) {
      const { rows } = await pool.query<{ rating: number; own: number; verified: number; n: string }>(
        `SELECT rating, own, verified, COUNT(*) AS n FROM zmot_reviews WHERE site = $1 AND product = $2 AND status = 'approved'
         GROUP BY rating, own, verified`,
        [site, product],
      );
      const stats: ReviewStats = { total: 0, verified: 0, own: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
      for (const row of rows) {
        const n = Number(row.n);
        stats.total += n;
        if (row.verified) stats.verified += n;
        if (row.own && row.rating >= 1 && row.rating <= 5) stats.own[row.rating as 1] += n;
      }
      return stats;
    },
    async reviews(site, product, offset, limit) {
      const { rows } = await pool.query<{ data: string }>(
        `SELECT data FROM zmot_reviews WHERE site = $1 AND product = $2 AND status = 'approved'
         ORDER BY date COLLATE "C" DESC, id COLLATE "C" LIMIT $3 OFFSET $4`,
        [site, product, limit, offset],
      );
      return rows.map((r) => JSON.parse(r.data) as Review);
    },
    async siteSecret(site, create) {
      if (create) {
        await pool.query('INSERT INTO zmot_site_secrets (site, secret, created) VALUES ($1, $2, $3) ON CONFLICT (site) DO NOTHING', [
          site,
          randomBytes(32).toString('base64url'),
          Date.now(),
        ]);
      }
      const { rows } = await pool.query<{ secret: string }>('SELECT secret FROM zmot_site_secrets WHERE site = $1', [site]);
      return rows[0]?.secret;
    },
    async createInvitation(i) {
      await pool.query(
        `INSERT INTO zmot_invitations (id, site, product, order_hash, incentive, created, expires, used_at, review_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL)`,
        [i.id, i.site, i.product, i.orderHash, i.incentive ?? null, i.created, i.expires],
      );
    },
    async addReview(review, invitation) {
      await inTransaction(pool, async (client) => {
        // The claim: only an unused, unexpired invitation of this site and product changes. A second
        // transaction claiming it at once waits for the first's row lock, then finds used_at set: 0 rows.
        let purchase = false;
        if (invitation !== undefined) {
          const { rowCount } = await client.query(
            `UPDATE zmot_invitations SET used_at = $1, review_id = $2
             WHERE id = $3 AND site = $4 AND product = $5 AND used_at IS NULL AND expires > $1`,
            [review.created, review.id, invitation, review.site, review.product],
          );
          purchase = rowCount === 1;
        }
        const data = collectedReview(review, purchase);
        await client.query(
          `INSERT INTO zmot_reviews (site, product, id, rating, date, own, verified, data, status, created, reason)
           VALUES ($1, $2, $3, $4, $5, 1, $6, $7, 'pending', $8, NULL)`,
          [review.site, review.product, review.id, review.rating, data.date, purchase ? 1 : 0, JSON.stringify(data), review.created],
        );
        await client.query(
          `INSERT INTO zmot_review_history (review_id, step, at, action, reason, body) VALUES ($1, 1, $2, 'submitted', NULL, NULL)`,
          [review.id, review.created],
        );
      });
      return (await readCollected(pool, review.id))!;
    },
    async moderatedReviews(query) {
      const params: unknown[] = [query.site];
      let where = 'site = $1 AND created IS NOT NULL';
      if (query.status !== undefined) {
        params.push(query.status);
        where += ` AND status = $${params.length}`;
      }
      if (query.product !== undefined) {
        params.push(query.product);
        where += ` AND product = $${params.length}`;
      }
      const [list, count] = await Promise.all([
        pool.query<CollectedRow>(
          `SELECT ${COLLECTED_COLUMNS} FROM zmot_reviews WHERE ${where}
           ORDER BY created DESC, id COLLATE "C" DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, query.limit, query.offset],
        ),
        pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM zmot_reviews WHERE ${where}`, params),
      ]);
      const ids = list.rows.map((r) => r.id);
      const history = ids.length === 0
        ? []
        : (await pool.query<HistoryRow>('SELECT review_id, step, at, action, reason, body FROM zmot_review_history WHERE review_id = ANY($1::text[])', [ids])).rows;
      return {
        reviews: list.rows.map((row) => moderatedReview(row, history.filter((h) => h.review_id === row.id))),
        total: Number(count.rows[0]?.n ?? 0),
      };
    },
    async moderate(id, moderation, at) {
      const found = await inTransaction(pool, async (client) => {
        // The row is locked until the commit, so two owners' actions at once are applied one after the other.
        const { rows } = await client.query<CollectedRow>(`SELECT ${COLLECTED_COLUMNS} FROM zmot_reviews WHERE id = $1 AND created IS NOT NULL FOR UPDATE`, [id]);
        const row = rows[0];
        if (!row) return false;
        const change = moderationChange(row, moderation, at);
        if (change) {
          await client.query('UPDATE zmot_reviews SET status = $1, reason = $2, data = $3 WHERE id = $4 AND site = $5 AND product = $6', [
            change.status,
            change.reason,
            change.data,
            row.id,
            row.site,
            row.product,
          ]);
          await client.query(
            `INSERT INTO zmot_review_history (review_id, step, at, action, reason, body)
             VALUES ($1, (SELECT COALESCE(MAX(step), 0) + 1 FROM zmot_review_history WHERE review_id = $1), $2, $3, $4, $5)`,
            [row.id, at, change.step.action, change.step.reason, change.step.body],
          );
        }
        return true;
      });
      return found ? readCollected(pool, id) : undefined;
    },
    async sitePolicy(site) {
      const [collects, rejected] = await Promise.all([
        pool.query<{ yes: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM zmot_invitations WHERE site = $1) OR EXISTS (SELECT 1 FROM zmot_reviews WHERE site = $1 AND created IS NOT NULL) AS yes`,
          [site],
        ),
        pool.query<{ reason: string | null; n: string }>(`SELECT reason, COUNT(*) AS n FROM zmot_reviews WHERE site = $1 AND status = 'rejected' GROUP BY reason`, [site]),
      ]);
      return { collects: collects.rows[0]?.yes === true, rejected: rejectedByReason(rejected.rows) };
    },
    async collection(query) {
      const [start, end] = periodMs(query.from, query.to);
      const params: unknown[] = [query.site, start, end];
      let where = 'site = $1 AND created >= $2 AND created < $3';
      if (query.product !== undefined) {
        params.push(query.product);
        where += ' AND product = $4';
      }
      const [invitations, rows] = await Promise.all([
        pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM zmot_invitations WHERE ${where}`, params),
        pool.query<{ status: string; verified: number; n: string; sum: string | null }>(
          `SELECT status, verified, COUNT(*) AS n, SUM(rating) AS sum FROM zmot_reviews WHERE ${where} GROUP BY status, verified`,
          params,
        ),
      ]);
      return collectionCounts(invitations.rows[0]?.n ?? 0, rows.rows);
    },
    async comments(query) {
      const [low, high] = scoreRange(query.group);
      const params: unknown[] = [query.site, query.from, query.to, low, high];
      let where = 'site = $1 AND day >= $2 AND day <= $3 AND score >= $4 AND score <= $5';
      if (query.product !== undefined) {
        params.push(query.product);
        where += ` AND product = $${params.length}`;
      }
      const [list, count] = await Promise.all([
        pool.query<CommentRecord>(
          `SELECT id, ts, product, score, comment, handled FROM zmot_comments WHERE ${where}
           ORDER BY day DESC, ts DESC, id COLLATE "C" DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
          [...params, query.limit, query.offset],
        ),
        pool.query<{ n: string }>(`SELECT COUNT(*) AS n FROM zmot_comments WHERE ${where}`, params),
      ]);
      return { comments: list.rows.map(commentItem), total: Number(count.rows[0]?.n ?? 0) };
    },
    async markHandled(id, handled, at) {
      const { rows } = await pool.query<CommentRecord>(
        'UPDATE zmot_comments SET handled = $2 WHERE id = $1 RETURNING id, ts, product, score, comment, handled',
        [id, handled ? at : null],
      );
      return rows[0] && commentItem(rows[0]);
    },
    async retain(before, signal) {
      const client = await pool.connect();
      try {
        const { rows: lock } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [RETENTION_LOCK]);
        if (!lock[0]?.ok) return 0; // another collector is at it
        try {
          await preparePartitions(pool, now());
          let removed = 0;
          // Whole months before `before`: detached first (a late event of that month then goes to the default
          // partition, below), their ids forgotten a slice of the table at a time, then dropped. A month
          // detached by a run that stopped half-way is finished here too.
          const { rows: months } = await client.query<{ name: string; attached: boolean }>(
            `SELECT c.relname AS name, EXISTS (SELECT 1 FROM pg_inherits i WHERE i.inhrelid = c.oid) AS attached
               FROM pg_class c WHERE c.relkind = 'r' AND c.relname ~ '^zmot_events_[0-9]{4}_[0-9]{2}$' ORDER BY c.relname`,
          );
          for (const { name, attached } of months) {
            if (signal?.aborted) return removed;
            const match = PARTITION_NAME.exec(name);
            if (!match || dayOf(Date.UTC(Number(match[1]), Number(match[2]), 1)) > before) continue;
            if (attached) await client.query(`ALTER TABLE zmot_events DETACH PARTITION ${name}`);
            const { rows: size } = await client.query<{ blocks: number }>(
              `SELECT (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int AS blocks`,
              [name],
            );
            for (let block = 0; block <= size[0]!.blocks; block += RETAIN_BLOCKS) {
              const { rowCount } = await client.query(
                `DELETE FROM zmot_event_ids WHERE id IN
                   (SELECT id FROM ${name} WHERE ctid >= '(${block},0)'::tid AND ctid < '(${block + RETAIN_BLOCKS},0)'::tid)`,
              );
              removed += rowCount ?? 0;
            }
            await client.query(`DROP TABLE ${name}`);
          }
          // Older days in the default partition, a few thousand rows a statement.
          for (;;) {
            const { rows } = await client.query<{ n: number }>(
              `WITH gone AS (
                 DELETE FROM zmot_events_default WHERE ctid = ANY (ARRAY(SELECT ctid FROM zmot_events_default WHERE day < $1 LIMIT $2))
                 RETURNING id
               ), forgotten AS (DELETE FROM zmot_event_ids WHERE id IN (SELECT id FROM gone))
               SELECT count(*)::int AS n FROM gone`,
              [before, RETAIN_BATCH],
            );
            removed += rows[0]!.n;
            if (rows[0]!.n < RETAIN_BATCH || signal?.aborted) break;
          }
          return removed;
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [RETENTION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    async storedIds(ids) {
      const { rows } = await pool.query<{ id: string }>('SELECT id FROM zmot_event_ids WHERE id = ANY($1::text[])', [ids]);
      return new Set(rows.map((r) => r.id));
    },
    async totals(site) {
      const events = await pool.query<{ type: string; n: number }>('SELECT type, SUM(weight) AS n FROM zmot_events WHERE site = $1 GROUP BY type', [site]);
      const rollups = await pool.query<{ type: string; n: number }>('SELECT type, SUM(n) AS n FROM zmot_rollups WHERE site = $1 GROUP BY type', [site]);
      return {
        events: Object.fromEntries(events.rows.map((r) => [r.type, Number(r.n)])),
        rollups: Object.fromEntries(rollups.rows.map((r) => [r.type, Number(r.n)])),
      };
    },
    async close() {
      await pool.end();
    },
  };
  return store;
}
