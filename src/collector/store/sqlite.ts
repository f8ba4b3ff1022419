/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode with `synchronous = FULL`, so a
 * commit has reached the disk before `insert` resolves. better-sqlite3 is synchronous; the writer in front of
 * it (writer.ts) groups concurrent batches into one transaction, so one fsync covers many requests.
 *
 * Nothing here waits for a lock on the event loop: a write finding the database locked by another process
 * (SQLITE_BUSY) is tried again after a timer, for up to `busyTimeout`, then fails with a `StoreBusyError`
 * the server answers as 503 naming the cause; reads go through a connection of their own, which WAL lets
 * read while anyone writes. (A busy timeout inside SQLite would block the whole server while it waits.)
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Review } from '../../feed/schema.js';
import { MIGRATIONS, MIGRATIONS_TABLE } from './migrations.js';
import { recordSnapshots, type ReputationRow } from '../reputation.js';
import { commentItem, scoreRange, type CommentRecord } from './comments.js';
import { attribute, dayOf, sharedKey, summariseRows, splitByMonth, summariseSites, type EventRow } from './rows.js';
import { collectionCounts, periodMs } from './collection.js';
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
import type {
  Confirmation,
  ConfirmedConversion,
  ImportedFeed,
  InsertResult,
  Moderation,
  ProductData,
  RangeQuery,
  ReviewStats,
  RollupRow,
  SharerCounts,
  Store,
  SubmittedReview,
} from './types.js';

export interface SqliteOptions {
  /** `FULL` (default) syncs every commit; `NORMAL` survives a crash of the process but maybe not of the machine. */
  synchronous?: 'FULL' | 'NORMAL';
  /** Milliseconds a write keeps trying while another process holds the database; default 5 000. */
  busyTimeout?: number;
}

/** The database stayed locked by another connection for longer than the busy timeout. */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  readonly code = 'ZMOT_STORE_BUSY';
}

const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((error as { code?: unknown } | null)?.code));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` (a synchronous transaction) until it is not refused as busy, waiting on timers, not on the loop. */
async function whenFree<T>(work: () => T, timeout: number): Promise<T> {
  const deadline = Date.now() + timeout;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) {
        throw new StoreBusyError(`the database is locked by another process (still busy after ${timeout / 1000} s)`, { cause: error });
      }
    }
    await sleep(pause);
  }
}

function migrate(db: Database.Database): void {
  db.exec(MIGRATIONS_TABLE);
  const applied = new Set(
    (db.prepare('SELECT version FROM zmot_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      for (const statement of [...migration.statements, ...(migration.sqlite ?? [])]) db.exec(statement);
      db.prepare('INSERT INTO zmot_migrations (version, name, applied) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }).immediate();
  }
}

/** Raw events deleted in one transaction by `retain`. */
const RETAIN_BATCH = 2000;

const productFilter = (query: RangeQuery) => (query.product === undefined ? '' : ' AND product = @product');

/**
 * SQL that reads `columns` of a daily table (`day`) and its monthly one (`month`) over the query's period, as
 * one UNION ALL: the period's whole months from the monthly table, the days before and after them from the
 * daily one. Summed or maximised over the period, the rows give what the daily table alone would, from a
 * few thousand rows instead of every day's.
 */
function acrossMonths(query: RangeQuery, daily: string, monthly: string, columns: string, filter = ''): { sql: string; params: Record<string, unknown> } {
  const split = splitByMonth(query.from, query.to);
  const params: Record<string, unknown> = { site: query.site, ...(query.product === undefined ? {} : { product: query.product }) };
  const parts = split.days.map((days, i) => {
    params[`from${i}`] = days.from;
    params[`to${i}`] = days.to;
    return `SELECT ${columns} FROM ${daily} WHERE site = @site AND day >= @from${i} AND day <= @to${i}${filter}`;
  });
  if (split.months) {
    params.fromMonth = split.months.from;
    params.toMonth = split.months.to;
    parts.push(`SELECT ${columns} FROM ${monthly} WHERE site = @site AND month >= @fromMonth AND month <= @toMonth${filter}`);
  }
  return { sql: parts.join(' UNION ALL '), params };
}

export function openSqlite(file: string, options: SqliteOptions = {}): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const busyTimeout = options.busyTimeout ?? 5000;
  const db = new Database(file);
  // Opening and migrating may wait for another process (once, at start); afterwards nothing waits inside SQLite.
  db.pragma(`busy_timeout = ${busyTimeout}`);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  // 64 MiB of page cache instead of 2: the id index stays in memory, which triples the insert rate.
  db.pragma('cache_size = -65536');
  migrate(db);
  db.pragma('busy_timeout = 0');
  // Reads on their own connection (an in-memory database has only the one).
  const reader = file === ':memory:' ? db : new Database(file, { readonly: true });
  if (reader !== db) reader.pragma('busy_timeout = 1000');
  if (reader !== db) reader.pragma('cache_size = -65536');

  const insertEvent = db.prepare(
    `INSERT INTO zmot_events (id, site, type, day, ts, received, pv, url, widget, product, weight, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
  );
  const upsertRollup = db.prepare(
    `INSERT INTO zmot_rollups (site, day, product, widget, type, key, n, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site, day, product, widget, type, key)
     DO UPDATE SET n = zmot_rollups.n + excluded.n, value = zmot_rollups.value + excluded.value`,
  );
  const upsertSharer = db.prepare(
    `INSERT INTO zmot_sharers (site, day, product, ref, weight) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (site, day, product, ref) DO UPDATE SET weight = MAX(zmot_sharers.weight, excluded.weight)`,
  );

  // The same sums by calendar month: a long period reads its whole months from these (see `acrossMonths`).
  const upsertMonthRollup = db.prepare(
    `INSERT INTO zmot_month_rollups (site, month, product, widget, type, key, n, value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site, month, product, widget, type, key)
     DO UPDATE SET n = zmot_month_rollups.n + excluded.n, value = zmot_month_rollups.value + excluded.value`,
  );
  const upsertMonthSharer = db.prepare(
    `INSERT INTO zmot_month_sharers (site, month, product, ref, weight) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (site, month, product, ref) DO UPDATE SET weight = MAX(zmot_month_sharers.weight, excluded.weight)`,
  );

  const upsertSiteRollup = db.prepare(
    `INSERT INTO zmot_site_rollups (site, day, widget, type, key, n, value) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site, day, widget, type, key)
     DO UPDATE SET n = zmot_site_rollups.n + excluded.n, value = zmot_site_rollups.value + excluded.value`,
  );
  const upsertSiteSharer = db.prepare(
    `INSERT INTO zmot_site_sharers (site, day, ref, weight) VALUES (?, ?, ?, ?)
     ON CONFLICT (site, day, ref) DO UPDATE SET weight = MAX(zmot_site_sharers.weight, excluded.weight)`,
  );

  const insertComment = db.prepare(
    `INSERT INTO zmot_comments (id, site, day, ts, product, score, comment, handled) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)
     ON CONFLICT (id) DO NOTHING`,
  );

  const selectOrder = db.prepare('SELECT 1 FROM zmot_orders WHERE site = ? AND order_id = ?');
  // The order keeps what a confirmed conversion reports, so the report stays when retention drops the event.
  const insertOrder = db.prepare('INSERT INTO zmot_orders (site, order_id, id, day, product, widget, weight, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  const deleteOld = db.prepare('DELETE FROM zmot_events WHERE rowid IN (SELECT rowid FROM zmot_events WHERE day < ? LIMIT ?)');

  const sharedProduct = db
    .prepare('SELECT product FROM zmot_sharers WHERE site = ? AND ref = ? ORDER BY day DESC, product LIMIT 1')
    .pluck();

  const insertAll = db.transaction((batches: readonly (readonly EventRow[])[]): InsertResult[] => {
    const fresh: EventRow[] = [];
    const results = batches.map((rows) => {
      let accepted = 0;
      for (const r of rows) {
        // A conversion for an order already stored is a replay: a duplicate, like a known id.
        if (r.order !== null && selectOrder.get(r.site, r.order)) continue;
        const info = insertEvent.run(r.id, r.site, r.type, r.day, r.ts, r.received, r.pv, r.url, r.widget, r.product, r.weight, r.data);
        if (info.changes === 1) {
          if (r.order !== null) insertOrder.run(r.site, r.order, r.id, r.day, r.product, r.widget, r.weight, r.data);
          if (r.comment !== null) insertComment.run(r.id, r.site, r.day, r.comment.at, r.product, r.comment.score, r.comment.text);
          accepted += 1;
          fresh.push(r);
        }
      }
      return { accepted, duplicates: rows.length - accepted };
    });
    const shared = new Map<string, string>();
    for (const r of fresh) {
      if (r.via === null || r.product !== '') continue;
      const product = sharedProduct.get(r.site, r.via) as string | undefined;
      if (product !== undefined) shared.set(sharedKey(r.site, r.via), product);
    }
    const summary = summariseRows(attribute(fresh, shared));
    for (const d of summary.rollups) upsertRollup.run(d.site, d.day, d.product, d.widget, d.type, d.key, d.n, d.value);
    for (const s of summary.sharers) upsertSharer.run(s.site, s.day, s.product, s.ref, s.weight);
    for (const d of summary.rollups) upsertMonthRollup.run(d.site, d.day.slice(0, 7), d.product, d.widget, d.type, d.key, d.n, d.value);
    for (const s of summary.sharers) upsertMonthSharer.run(s.site, s.day.slice(0, 7), s.product, s.ref, s.weight);
    const sites = summariseSites(summary);
    for (const d of sites.rollups) upsertSiteRollup.run(d.site, d.day, d.widget, d.type, d.key, d.n, d.value);
    for (const s of sites.sharers) upsertSiteSharer.run(s.site, s.day, s.ref, s.weight);
    return results;
  });

  const upsertProduct = db.prepare(
    `INSERT INTO zmot_products (site, product, data, updated) VALUES (?, ?, ?, ?)
     ON CONFLICT (site, product) DO UPDATE SET data = excluded.data, updated = excluded.updated`,
  );
  const selectProduct = db.prepare('SELECT data FROM zmot_products WHERE site = ? AND product = ?');
  const readProduct = reader.prepare('SELECT data FROM zmot_products WHERE site = ? AND product = ?');
  // An import replaces imported reviews only: collected ones (with `created`) stay, whatever the import says.
  const deleteReviews = db.prepare('DELETE FROM zmot_reviews WHERE site = ? AND product = ? AND created IS NULL');
  const upsertReview = db.prepare(
    `INSERT INTO zmot_reviews (site, product, id, rating, date, own, verified, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (site, product, id) DO UPDATE SET rating = excluded.rating, date = excluded.date,
       own = excluded.own, verified = excluded.verified, data = excluded.data
     WHERE zmot_reviews.created IS NULL`,
  );

  const importAll = db.transaction((site: string, feeds: readonly ImportedFeed[], replace: boolean) => {
    let reviews = 0;
    const products = new Set<string>();
    for (const feed of feeds) {
      const id = feed.product.id;
      const before = selectProduct.get(site, id) as { data: string } | undefined;
      const data = mergeProductData(before && (JSON.parse(before.data) as ProductData), feed);
      upsertProduct.run(site, id, JSON.stringify(data), Date.now());
      if (replace && !products.has(id)) deleteReviews.run(site, id);
      products.add(id);
      for (const review of feed.reviews) {
        const r = reviewRecord(review);
        upsertReview.run(site, id, r.id, r.rating, r.date, r.own ? 1 : 0, r.verified ? 1 : 0, r.data);
        reviews += 1;
      }
    }
    return { products: products.size, reviews };
  });

  const insertConfirmation = db.prepare(
    'INSERT INTO zmot_confirmations (site, order_id, value, currency, received) VALUES (?, ?, ?, ?, ?) ON CONFLICT (site, order_id) DO NOTHING',
  );
  const confirmAll = db.transaction((site: string, orders: readonly Confirmation[], received: number) => {
    let confirmed = 0;
    for (const o of orders) confirmed += insertConfirmation.run(site, o.order, o.value ?? null, o.currency ?? null, received).changes;
    return { confirmed, duplicates: orders.length - confirmed };
  });

  const upsertReputation = db.prepare(
    `INSERT INTO zmot_reputation (site, product, source, day, name, rating, count, stored, replied, reply_days)
     VALUES (@site, @product, @source, @day, @name, @rating, @count, @stored, @replied, @replyDays)
     ON CONFLICT (site, product, source, day) DO UPDATE SET name = excluded.name, rating = excluded.rating,
       count = excluded.count, stored = excluded.stored, replied = excluded.replied, reply_days = excluded.reply_days`,
  );
  const saveAll = db.transaction((rows: readonly ReputationRow[]) => {
    for (const row of rows) upsertReputation.run(row);
  });

  const insertSecret = db.prepare('INSERT INTO zmot_site_secrets (site, secret, created) VALUES (?, ?, ?) ON CONFLICT (site) DO NOTHING');
  const selectSecret = db.prepare('SELECT secret FROM zmot_site_secrets WHERE site = ?').pluck();
  const insertInvitation = db.prepare(
    `INSERT INTO zmot_invitations (id, site, product, order_hash, incentive, created, expires, used_at, review_id)
     VALUES (@id, @site, @product, @orderHash, @incentive, @created, @expires, NULL, NULL)`,
  );
  // The claim: only an unused, unexpired invitation of this site and product changes, once.
  const claimInvitation = db.prepare(
    `UPDATE zmot_invitations SET used_at = ?, review_id = ?
     WHERE id = ? AND site = ? AND product = ? AND used_at IS NULL AND expires > ?`,
  );
  const insertCollected = db.prepare(
    `INSERT INTO zmot_reviews (site, product, id, rating, date, own, verified, data, status, created, reason)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, 'pending', ?, NULL)`,
  );
  const insertStep = db.prepare(
    `INSERT INTO zmot_review_history (review_id, step, at, action, reason, body)
     VALUES (?, (SELECT COALESCE(MAX(step), 0) + 1 FROM zmot_review_history WHERE review_id = ?), ?, ?, ?, ?)`,
  );
  const selectCollected = db.prepare(`SELECT ${COLLECTED_COLUMNS} FROM zmot_reviews WHERE id = ? AND created IS NOT NULL`);
  const selectHistory = db.prepare('SELECT review_id, step, at, action, reason, body FROM zmot_review_history WHERE review_id = ?');
  const updateCollected = db.prepare('UPDATE zmot_reviews SET status = ?, reason = ?, data = ? WHERE id = ? AND site = ? AND product = ?');

  const addCollected = db.transaction((review: SubmittedReview, invitation: string | undefined) => {
    const purchase = invitation !== undefined && claimInvitation.run(review.created, review.id, invitation, review.site, review.product, review.created).changes === 1;
    const data = collectedReview(review, purchase);
    insertCollected.run(review.site, review.product, review.id, review.rating, data.date, purchase ? 1 : 0, JSON.stringify(data), review.created);
    insertStep.run(review.id, review.id, review.created, 'submitted', null, null);
  });
  const moderateOne = db.transaction((id: string, moderation: Moderation, at: number): boolean => {
    const row = selectCollected.get(id) as CollectedRow | undefined;
    if (!row) return false;
    const change = moderationChange(row, moderation, at);
    if (change) {
      updateCollected.run(change.status, change.reason, change.data, row.id, row.site, row.product);
      insertStep.run(row.id, row.id, at, change.step.action, change.step.reason, change.step.body);
    }
    return true;
  });
  const readCollected = (id: string) => {
    const row = selectCollected.get(id) as CollectedRow | undefined;
    return row && moderatedReview(row, selectHistory.all(id) as HistoryRow[]);
  };

  const store: Store = {
    kind: 'sqlite',
    async siteSecret(site, create) {
      if (create) await whenFree(() => insertSecret.run(site, randomBytes(32).toString('base64url'), Date.now()), busyTimeout);
      return selectSecret.get(site) as string | undefined;
    },
    async createInvitation(invitation) {
      await whenFree(() => insertInvitation.run({ ...invitation, incentive: invitation.incentive ?? null }), busyTimeout);
    },
    async addReview(review, invitation) {
      await whenFree(() => addCollected.immediate(review, invitation), busyTimeout);
      return readCollected(review.id)!;
    },
    async moderatedReviews(query) {
      let where = 'site = @site AND created IS NOT NULL';
      if (query.status !== undefined) where += ' AND status = @status';
      if (query.product !== undefined) where += ' AND product = @product';
      const rows = reader
        .prepare(`SELECT ${COLLECTED_COLUMNS} FROM zmot_reviews WHERE ${where} ORDER BY created DESC, id DESC LIMIT @limit OFFSET @offset`)
        .all(query) as CollectedRow[];
      const total = reader.prepare(`SELECT COUNT(*) FROM zmot_reviews WHERE ${where}`).pluck().get(query) as number;
      const history = rows.length === 0
        ? []
        : (reader
            .prepare(`SELECT review_id, step, at, action, reason, body FROM zmot_review_history WHERE review_id IN (${rows.map(() => '?').join(', ')})`)
            .all(...rows.map((r) => r.id)) as HistoryRow[]);
      return { reviews: rows.map((row) => moderatedReview(row, history.filter((h) => h.review_id === row.id))), total };
    },
    async moderate(id, moderation, at) {
      const found = await whenFree(() => moderateOne.immediate(id, moderation, at), busyTimeout);
      return found ? readCollected(id) : undefined;
    },
    async sitePolicy(site) {
      const collects =
        reader.prepare('SELECT 1 FROM zmot_invitations WHERE site = ? LIMIT 1').get(site) !== undefined ||
        reader.prepare('SELECT 1 FROM zmot_reviews WHERE site = ? AND created IS NOT NULL LIMIT 1').get(site) !== undefined;
      const rows = reader
        .prepare(`SELECT reason, COUNT(*) AS n FROM zmot_reviews WHERE site = ? AND status = 'rejected' GROUP BY reason`)
        .all(site) as { reason: string | null; n: number }[];
      return { collects, rejected: rejectedByReason(rows) };
    },
    async collection(query) {
      const [start, end] = periodMs(query.from, query.to);
      const params = { site: query.site, start, end, product: query.product };
      const product = query.product === undefined ? '' : ' AND product = @product';
      const period = `site = @site AND created >= @start AND created < @end${product}`;
      const invitations = reader.prepare(`SELECT COUNT(*) FROM zmot_invitations WHERE ${period}`).pluck().get(params) as number;
      const rows = reader
        .prepare(`SELECT status, verified, COUNT(*) AS n, SUM(rating) AS sum FROM zmot_reviews WHERE ${period} GROUP BY status, verified`)
        .all(params) as { status: string; verified: number; n: number; sum: number }[];
      return collectionCounts(invitations, rows);
    },
    async confirm(site, orders, received) {
      return whenFree(() => confirmAll.immediate(site, orders, received), busyTimeout);
    },
    async confirmedConversions(query) {
      return reader
        .prepare(
          `SELECT o.day AS day, o.product AS product, o.widget AS widget, o.weight AS weight, o.data AS data,
             c.value AS value, c.currency AS currency
           FROM zmot_orders o
           CROSS JOIN zmot_confirmations c ON c.site = o.site AND c.order_id = o.order_id
           WHERE o.site = @site AND o.day >= @from AND o.day <= @to${query.product === undefined ? '' : ' AND o.product = @product'}`,
        )
        .all(query) as ConfirmedConversion[];
    },
    async confirms(site) {
      return reader.prepare('SELECT 1 FROM zmot_confirmations WHERE site = ? LIMIT 1').get(site) !== undefined;
    },
    async insert(batches) {
      return whenFree(() => insertAll.immediate(batches), busyTimeout);
    },
    async rollups(query) {
      return reader
        .prepare(
          `SELECT day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM zmot_rollups
           WHERE site = @site AND day >= @from AND day <= @to${productFilter(query)}
           GROUP BY day, product, widget, type, key ORDER BY day`,
        )
        .all(query) as Awaited<ReturnType<Store['rollups']>>;
    },
    async dayRollups(query) {
      const sql =
        query.product === undefined
          ? `SELECT day, '' AS product, widget, type, key, n, value FROM zmot_site_rollups
             WHERE site = @site AND day >= @from AND day <= @to ORDER BY day`
          : `SELECT day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM zmot_rollups
             WHERE site = @site AND day >= @from AND day <= @to AND product = @product
             GROUP BY day, product, widget, type, key ORDER BY day`;
      return reader.prepare(sql).all(query) as RollupRow[];
    },
    async productRollups(query) {
      const period = acrossMonths(query, 'zmot_rollups', 'zmot_month_rollups', 'product, widget, type, key, n, value', productFilter(query));
      return reader
        .prepare(
          `SELECT '' AS day, product, widget, type, key, SUM(n) AS n, SUM(value) AS value FROM (${period.sql})
           GROUP BY product, widget, type, key`,
        )
        .all(period.params) as RollupRow[];
    },
    async sharerCounts(query, byProduct) {
      // Per day: one row per day and code in either source, the site's table or the product's rows of
      // `zmot_sharers`. Over the period, and per product: a code's largest weight, whole months read by month.
      const daySource =
        query.product === undefined
          ? 'zmot_site_sharers WHERE site = @site AND day >= @from AND day <= @to'
          : 'zmot_sharers WHERE site = @site AND day >= @from AND day <= @to AND product = @product';
      const byDay = reader.prepare(`SELECT day, SUM(weight) AS weight FROM ${daySource} GROUP BY day ORDER BY day`).all(query) as SharerCounts['byDay'];
      const codes =
        query.product === undefined
          ? acrossMonths(query, 'zmot_site_sharers', 'zmot_month_sharers', 'ref, weight')
          : acrossMonths(query, 'zmot_sharers', 'zmot_month_sharers', 'ref, weight', productFilter(query));
      const total = reader
        .prepare(`SELECT COALESCE(SUM(weight), 0) FROM (SELECT MAX(weight) AS weight FROM (${codes.sql}) GROUP BY ref)`)
        .pluck()
        .get(codes.params) as number;
      let products: SharerCounts['byProduct'] = [];
      if (byProduct) {
        const period = acrossMonths(query, 'zmot_sharers', 'zmot_month_sharers', 'product, ref, weight', productFilter(query));
        products = reader
          .prepare(`SELECT product, SUM(weight) AS weight FROM (SELECT product, ref, MAX(weight) AS weight FROM (${period.sql}) GROUP BY product, ref) GROUP BY product`)
          .all(period.params) as SharerCounts['byProduct'];
      }
      return { byDay, total, byProduct: products };
    },
    async sharers(query) {
      return reader
        .prepare(
          `SELECT day, product, ref, MAX(weight) AS weight FROM zmot_sharers
           WHERE site = @site AND day >= @from AND day <= @to${productFilter(query)}
           GROUP BY day, product, ref ORDER BY day`,
        )
        .all(query) as Awaited<ReturnType<Store['sharers']>>;
    },
    async sites() {
      return reader
        .prepare('SELECT site AS id, MIN(day) AS first, MAX(day) AS last FROM zmot_site_rollups GROUP BY site ORDER BY site')
        .all() as Awaited<ReturnType<Store['sites']>>;
    },
    async importFeeds(site, feeds, options = {}) {
      const result = await whenFree(() => importAll.immediate(site, feeds, options.replace ?? false), busyTimeout);
      await recordSnapshots(store, site, feeds.map((f) => f.product.id), dayOf(options.now ?? Date.now()));
      return result;
    },
    async saveReputation(rows) {
      await whenFree(() => saveAll.immediate(rows), busyTimeout);
    },
    async reputation(site, to, product) {
      return reader
        .prepare(
          `SELECT site, product, source, day, name, rating, count, stored, replied, reply_days AS replyDays FROM zmot_reputation
           WHERE site = ? AND day <= ?${product === undefined ? '' : ' AND product = ?'} ORDER BY product, source, day`,
        )
        .all(...(product === undefined ? [site, to] : [site, to, product])) as ReputationRow[];
    },
    async product(site, product) {
      const row = readProduct.get(site, product) as { data: string } | undefined;
      return row && (JSON.parse(row.data) as ProductData);
    },
    async hasProducts(site) {
      return reader.prepare('SELECT 1 FROM zmot_products WHERE site = ? LIMIT 1').get(site) !== undefined;
    },
    async reviewStats(site, product) {
      const rows = reader
        .prepare(`SELECT rating, own, verified, COUNT(*) AS n FROM zmot_reviews WHERE site = ? AND product = ? AND status = 'approved' GROUP BY rating, own, verified`)
        .all(site, product) as { rating: number; own: number; verified: number; n: number }[];
      const stats: ReviewStats = { total: 0, verified: 0, own: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };
      for (const row of rows) {
        stats.total += row.n;
        if (row.verified) stats.verified += row.n;
        if (row.own && row.rating >= 1 && row.rating <= 5) stats.own[row.rating as 1] += row.n;
      }
      return stats;
    },
    async reviews(site, product, offset, limit) {
      const rows = reader
        .prepare(
          `SELECT data FROM zmot_reviews WHERE site = ? AND product = ? AND status = 'approved'
           ORDER BY date DESC, id LIMIT ? OFFSET ?`,
        )
        .all(site, product, limit, offset) as { data: string }[];
      return rows.map((r) => JSON.parse(r.data) as Review);
    },
    async comments(query) {
      const [low, high] = scoreRange(query.group);
      const where = `site = @site AND day >= @from AND day <= @to AND score >= @low AND score <= @high${productFilter(query)}`;
      const params = { ...query, low, high };
      // Newest first. A comment's day is its time's day, so ordering by day first changes nothing but lets
      // the (site, day, ts) index give the newest rows of the period without sorting all of them.
      const rows = reader
        .prepare(`SELECT id, ts, product, score, comment, handled FROM zmot_comments WHERE ${where} ORDER BY day DESC, ts DESC, id DESC LIMIT @limit OFFSET @offset`)
        .all(params) as CommentRecord[];
      const total = reader.prepare(`SELECT COUNT(*) FROM zmot_comments WHERE ${where}`).pluck().get(params) as number;
      return { comments: rows.map(commentItem), total };
    },
    async markHandled(id, handled, at) {
      await whenFree(() => db.prepare('UPDATE zmot_comments SET handled = ? WHERE id = ?').run(handled ? at : null, id), busyTimeout);
      const row = db.prepare('SELECT id, ts, product, score, comment, handled FROM zmot_comments WHERE id = ?').get(id) as CommentRecord | undefined;
      return row && commentItem(row);
    },
    async retain(before, signal) {
      // A few thousand rows a transaction, so ingest goes on between them. Without an index on the day (one
      // would slow every insert), each batch scans from the oldest row, where old events are.
      let removed = 0;
      for (;;) {
        const n = await whenFree(() => deleteOld.run(before, RETAIN_BATCH).changes, busyTimeout);
        removed += n;
        if (n < RETAIN_BATCH || signal?.aborted) return removed;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async storedIds(ids) {
      const found = new Set<string>();
      const select = reader.prepare('SELECT id FROM zmot_events WHERE id = ?').pluck();
      for (const id of ids) if (select.get(id) !== undefined) found.add(id);
      return found;
    },
    async totals(site) {
      const events = reader.prepare('SELECT type, SUM(weight) AS n FROM zmot_events WHERE site = ? GROUP BY type').all(site) as { type: string; n: number }[];
      const rollups = reader.prepare('SELECT type, SUM(n) AS n FROM zmot_rollups WHERE site = ? GROUP BY type').all(site) as { type: string; n: number }[];
      return {
        events: Object.fromEntries(events.map((r) => [r.type, r.n])),
        rollups: Object.fromEntries(rollups.map((r) => [r.type, r.n])),
      };
    },
    async close() {
      if (reader !== db) reader.close();
      db.close();
    },
  };
  return store;
}
