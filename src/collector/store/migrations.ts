/**
 * The collector's tables, as one list of migrations that runs unchanged on SQLite and PostgreSQL (both accept
 * this subset of SQL). Each store applies the ones it has not applied yet, in order, on start; never edit a
 * migration that has shipped — add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
  /** Statements after `statements` on one database only, where their SQL differs (reading JSON). */
  sqlite?: readonly string[];
  postgres?: readonly string[];
}

/** SQLite: the table made again WITHOUT ROWID with the same columns and rows (its indexes go with the old one). */
function rebuildWithoutRowid(table: string, columns: string, names: string): string[] {
  return [
    `CREATE TABLE ${table}_clustered (${columns}) WITHOUT ROWID`,
    `INSERT INTO ${table}_clustered (${names}) SELECT ${names} FROM ${table}`,
    `DROP TABLE ${table}`,
    `ALTER TABLE ${table}_clustered RENAME TO ${table}`,
  ];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'events, rollups, sharers, products and reviews',
    statements: [
      // Raw events, one row per event id: the record the rollups derive from. No index beyond the id, since
      // reports read the rollups and every index slows ingest. `day` is the UTC date of the event's time
      // corrected for the page's clock; `data` keeps the fields of its type as JSON.
      `CREATE TABLE IF NOT EXISTS zmot_events (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        type TEXT NOT NULL,
        day TEXT NOT NULL,
        ts BIGINT NOT NULL,
        received BIGINT NOT NULL,
        pv TEXT NOT NULL,
        url TEXT NOT NULL,
        widget TEXT NOT NULL,
        product TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        data TEXT
      )`,
      // Daily counts per site, product, widget, type and key, scaled by 1 / sample; `value` sums revenue.
      `CREATE TABLE IF NOT EXISTS zmot_rollups (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        product TEXT NOT NULL,
        widget TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        n DOUBLE PRECISION NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (site, day, product, widget, type, key)
      )`,
      // Referral codes that shared, per day: the "sharing visitors" behind K, counted without personal data.
      `CREATE TABLE IF NOT EXISTS zmot_sharers (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        product TEXT NOT NULL,
        ref TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (site, day, product, ref)
      )`,
      // Imported review feeds: a product's own fields (name, url, brand, image, declared aggregate, sources)
      // as JSON, and its reviews one row each.
      `CREATE TABLE IF NOT EXISTS zmot_products (
        site TEXT NOT NULL,
        product TEXT NOT NULL,
        data TEXT NOT NULL,
        updated BIGINT NOT NULL,
        PRIMARY KEY (site, product)
      )`,
      `CREATE TABLE IF NOT EXISTS zmot_reviews (
        site TEXT NOT NULL,
        product TEXT NOT NULL,
        id TEXT NOT NULL,
        rating INTEGER NOT NULL,
        date TEXT NOT NULL,
        own INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (site, product, id)
      )`,
      `CREATE INDEX IF NOT EXISTS zmot_reviews_order ON zmot_reviews (site, product, date, id)`,
    ],
  },
  {
    version: 2,
    name: 'orders: one conversion per order id and site',
    statements: [
      // The order ids conversions were stored for, and which event carried each. A conversion for an order
      // already here is a replay (another browser, a forged batch): not stored, answered as a duplicate.
      `CREATE TABLE IF NOT EXISTS zmot_orders (
        site TEXT NOT NULL,
        order_id TEXT NOT NULL,
        id TEXT NOT NULL,
        PRIMARY KEY (site, order_id)
      )`,
    ],
  },
  {
    version: 3,
    name: 'confirmations: orders the shop confirmed server to server',
    statements: [
      // Orders the shop's backend confirmed with the owner token (POST /v1/orders), by order id as orders
      // compare (trimmed, NFC). A browser's conversion whose order is here is confirmed; `value` and
      // `currency` are the shop's, when it gave them.
      `CREATE TABLE IF NOT EXISTS zmot_confirmations (
        site TEXT NOT NULL,
        order_id TEXT NOT NULL,
        value DOUBLE PRECISION,
        currency TEXT,
        received BIGINT NOT NULL,
        PRIMARY KEY (site, order_id)
      )`,
    ],
  },
  {
    version: 4,
    name: 'comments: NPS answers with a comment, and whether the owner followed them up; sharers by code',
    statements: [
      // One row per NPS event that came with a comment (contract section 9), written with the event, so
      // `GET /v1/comments` reads this small table instead of every event. `ts` is the event's time corrected
      // for the page's clock; `handled` when the owner marked it followed up (null: not yet).
      `CREATE TABLE IF NOT EXISTS zmot_comments (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        ts BIGINT NOT NULL,
        product TEXT NOT NULL,
        score INTEGER NOT NULL,
        comment TEXT NOT NULL,
        handled BIGINT
      )`,
      `CREATE INDEX IF NOT EXISTS zmot_comments_order ON zmot_comments (site, day, ts)`,
      // The product a referral code shared, for filing the conversions that come through it.
      `CREATE INDEX IF NOT EXISTS zmot_sharers_ref ON zmot_sharers (site, ref)`,
    ],
    // The comments stored before this table, from the events' JSON (their time: the page's, or when received if that was earlier).
    sqlite: [
      `INSERT INTO zmot_comments (id, site, day, ts, product, score, comment, handled)
       SELECT id, site, day, MIN(ts, received), product, CAST(json_extract(data, '$.score') AS INTEGER), json_extract(data, '$.comment'), NULL
       FROM zmot_events WHERE type = 'nps' AND data IS NOT NULL AND trim(json_extract(data, '$.comment')) <> ''
       ON CONFLICT (id) DO NOTHING`,
    ],
    postgres: [
      `INSERT INTO zmot_comments (id, site, day, ts, product, score, comment, handled)
       SELECT id, site, day, LEAST(ts, received), product, (data::jsonb ->> 'score')::int, data::jsonb ->> 'comment', NULL
       FROM zmot_events WHERE type = 'nps' AND data IS NOT NULL AND btrim(data::jsonb ->> 'comment') <> ''
       ON CONFLICT (id) DO NOTHING`,
    ],
  },
  {
    version: 5,
    name: 'reputation: a daily snapshot of each product’s scores at import',
    statements: [
      // Per product and source (`own`, a source id, or `*` combined) and day: the score normalised to 5 and
      // the review count, and of the stored reviews how many the merchant answered, with the median days.
      `CREATE TABLE IF NOT EXISTS zmot_reputation (
        site TEXT NOT NULL,
        product TEXT NOT NULL,
        source TEXT NOT NULL,
        day TEXT NOT NULL,
        name TEXT NOT NULL,
        rating DOUBLE PRECISION NOT NULL,
        count INTEGER NOT NULL,
        stored INTEGER NOT NULL,
        replied INTEGER NOT NULL,
        reply_days DOUBLE PRECISION,
        PRIMARY KEY (site, product, source, day)
      )`,
    ],
  },
  {
    version: 6,
    name: 'site rollups: the daily rollups and sharers of every product together',
    statements: [
      // `zmot_rollups` summed over products, kept on ingest in the same transaction: a year's report of a site
      // reads a few thousand rows here instead of every product's.
      `CREATE TABLE IF NOT EXISTS zmot_site_rollups (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        widget TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        n DOUBLE PRECISION NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (site, day, widget, type, key)
      )`,
      // `zmot_sharers` without the product: each referral code that shared on a day, at its largest weight.
      `CREATE TABLE IF NOT EXISTS zmot_site_sharers (
        site TEXT NOT NULL,
        day TEXT NOT NULL,
        ref TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (site, day, ref)
      )`,
      // What was stored before this step.
      `INSERT INTO zmot_site_rollups (site, day, widget, type, key, n, value)
       SELECT site, day, widget, type, key, SUM(n), SUM(value) FROM zmot_rollups GROUP BY site, day, widget, type, key`,
      `INSERT INTO zmot_site_sharers (site, day, ref, weight)
       SELECT site, day, ref, MAX(weight) FROM zmot_sharers GROUP BY site, day, ref`,
    ],
  },
  // Version 6 is issue 20's (per-site rollups); the two are independent, and each store applies the versions
  // it has not applied yet, whatever their order.
  {
    version: 7,
    name: 'retention: orders keep what confirmed conversions report; PostgreSQL events partitioned by month',
    statements: [
      // A confirmed conversion is reported from its order's row, not from the raw event, so the report
      // stays when raw events are dropped (`--retain-days`).
      `ALTER TABLE zmot_orders ADD COLUMN day TEXT`,
      `ALTER TABLE zmot_orders ADD COLUMN product TEXT`,
      `ALTER TABLE zmot_orders ADD COLUMN widget TEXT`,
      `ALTER TABLE zmot_orders ADD COLUMN weight DOUBLE PRECISION`,
      `ALTER TABLE zmot_orders ADD COLUMN data TEXT`,
      `UPDATE zmot_orders SET day = e.day, product = e.product, widget = e.widget, weight = e.weight, data = e.data
       FROM zmot_events e WHERE e.id = zmot_orders.id`,
    ],
    // Raw events in one partition per month of their day (created ahead by the store), so retention drops
    // whole months. A partitioned table cannot keep an id unique across partitions, so each stored id is
    // also kept in zmot_event_ids, which decides what is a duplicate. The events stored so far stay where
    // they are: the old table becomes the default partition (for days without a month partition), emptied
    // by retention in small batches; only their ids are copied.
    postgres: [
      `ALTER TABLE zmot_events RENAME TO zmot_events_default`,
      `CREATE TABLE zmot_event_ids (id TEXT PRIMARY KEY)`,
      `INSERT INTO zmot_event_ids (id) SELECT id FROM zmot_events_default`,
      `CREATE TABLE zmot_events (
        id TEXT NOT NULL,
        site TEXT NOT NULL,
        type TEXT NOT NULL,
        day TEXT NOT NULL,
        ts BIGINT NOT NULL,
        received BIGINT NOT NULL,
        pv TEXT NOT NULL,
        url TEXT NOT NULL,
        widget TEXT NOT NULL,
        product TEXT NOT NULL,
        weight DOUBLE PRECISION NOT NULL,
        data TEXT
      ) PARTITION BY RANGE (day COLLATE "C")`,
      `ALTER TABLE zmot_events ATTACH PARTITION zmot_events_default DEFAULT`,
      // The default partition is emptied by day in batches, and asked whether it holds a month's days before
      // that month gets a partition: both read this index instead of the whole table. (Month partitions need
      // none: they are dropped whole.)
      `CREATE INDEX zmot_events_default_day ON zmot_events_default (day)`,
    ],
  },
  {
    version: 8,
    name: 'collected reviews: status and moderation history, invitations, per-site invitation secrets',
    statements: [
      // Reviews written through the collector (POST /v1/reviews, contract §8) live in zmot_reviews beside the
      // imported ones, so feeds and their aggregate read one table: `status` is 'approved' for every imported
      // review, 'pending' for a collected one until the owner approves or rejects it; feeds read approved
      // rows only. `created` (when it was submitted) is set for collected reviews only: it tells them apart.
      // `verified` mirrors the feed's `verified` (a purchase verified through an invitation, or an imported
      // review marked verified), so the feed's policy counts it without reading JSON.
      `ALTER TABLE zmot_reviews ADD COLUMN status TEXT NOT NULL DEFAULT 'approved'`,
      `ALTER TABLE zmot_reviews ADD COLUMN verified INTEGER NOT NULL DEFAULT 0`,
      `ALTER TABLE zmot_reviews ADD COLUMN created BIGINT`,
      `ALTER TABLE zmot_reviews ADD COLUMN reason TEXT`,
      // The owner's API finds a collected review by its id alone, and lists a site's newest first.
      `CREATE INDEX IF NOT EXISTS zmot_reviews_id ON zmot_reviews (id)`,
      `CREATE INDEX IF NOT EXISTS zmot_reviews_collected ON zmot_reviews (site, created)`,
      // Each step of a collected review's life (submitted, approved, rejected with its reason, replied with its
      // text), numbered from 1 per review.
      `CREATE TABLE IF NOT EXISTS zmot_review_history (
        review_id TEXT NOT NULL,
        step INTEGER NOT NULL,
        at BIGINT NOT NULL,
        action TEXT NOT NULL,
        reason TEXT,
        body TEXT,
        PRIMARY KEY (review_id, step)
      )`,
      // Invitations to review a product after an order: the order only as a SHA-256 of it (never the order
      // number itself), what was offered for a review, and once used, when and by which review. Used once:
      // a conditional UPDATE claims it (… WHERE used_at IS NULL), so two collectors cannot both use it.
      `CREATE TABLE IF NOT EXISTS zmot_invitations (
        id TEXT PRIMARY KEY,
        site TEXT NOT NULL,
        product TEXT NOT NULL,
        order_hash TEXT NOT NULL,
        incentive TEXT,
        created BIGINT NOT NULL,
        expires BIGINT NOT NULL,
        used_at BIGINT,
        review_id TEXT
      )`,
      `CREATE INDEX IF NOT EXISTS zmot_invitations_site ON zmot_invitations (site, created)`,
      // The key each site's invitations are signed with (HMAC-SHA256), made on the first invitation and kept
      // here, so every collector process on the database checks the same signatures.
      `CREATE TABLE IF NOT EXISTS zmot_site_secrets (
        site TEXT PRIMARY KEY,
        secret TEXT NOT NULL,
        created BIGINT NOT NULL
      )`,
    ],
    // Imported reviews marked verified, from their JSON.
    sqlite: [`UPDATE zmot_reviews SET verified = 1 WHERE json_extract(data, '$.verified') = 1`],
    postgres: [`UPDATE zmot_reviews SET verified = 1 WHERE (data::jsonb ->> 'verified') = 'true'`],
  },
  {
    version: 9,
    name: 'reads of a large site: comments counted by score, orders found by day; SQLite rollups clustered by key and kept by month',
    statements: [
      // `GET /v1/comments` counts a group's comments (a score range, a period, maybe a product) from this
      // index alone, without reading each row.
      `CREATE INDEX IF NOT EXISTS zmot_comments_score ON zmot_comments (site, score, day, product)`,
      // A report's confirmed conversions start from the period's orders.
      `CREATE INDEX IF NOT EXISTS zmot_orders_day ON zmot_orders (site, day)`,
    ],
    // SQLite keeps a table's rows in rowid order and its primary key in a separate index, so every rollup read
    // looked each row up a second time. Rebuilt WITHOUT ROWID, the rows are stored in key order: one b-tree
    // for reads and for ingest's upserts. And a year's report by product summed 100,000 daily rows and sorted
    // them at every request; the monthly tables keep the same sums per calendar month, so a period reads its
    // whole months there and only the days at either end from the daily tables (BENCHMARKS.md, "The owner's
    // questions on a large site"). PostgreSQL answers these from its own plans within the target and keeps
    // its tables.
    sqlite: [
      ...rebuildWithoutRowid(
        'zmot_rollups',
        `site TEXT NOT NULL, day TEXT NOT NULL, product TEXT NOT NULL, widget TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
         n DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (site, day, product, widget, type, key)`,
        'site, day, product, widget, type, key, n, value',
      ),
      ...rebuildWithoutRowid(
        'zmot_sharers',
        `site TEXT NOT NULL, day TEXT NOT NULL, product TEXT NOT NULL, ref TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL,
         PRIMARY KEY (site, day, product, ref)`,
        'site, day, product, ref, weight',
      ),
      // As before (a code's product, for filing its conversions); the key's day and product come with it.
      `CREATE INDEX zmot_sharers_ref ON zmot_sharers (site, ref)`,
      ...rebuildWithoutRowid(
        'zmot_site_rollups',
        `site TEXT NOT NULL, day TEXT NOT NULL, widget TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
         n DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (site, day, widget, type, key)`,
        'site, day, widget, type, key, n, value',
      ),
      ...rebuildWithoutRowid(
        'zmot_site_sharers',
        'site TEXT NOT NULL, day TEXT NOT NULL, ref TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL, PRIMARY KEY (site, day, ref)',
        'site, day, ref, weight',
      ),
      // `zmot_rollups` and `zmot_sharers` by calendar month ('2026-03'), kept on ingest in the same transaction.
      `CREATE TABLE zmot_month_rollups (
        site TEXT NOT NULL, month TEXT NOT NULL, product TEXT NOT NULL, widget TEXT NOT NULL, type TEXT NOT NULL, key TEXT NOT NULL,
        n DOUBLE PRECISION NOT NULL, value DOUBLE PRECISION NOT NULL, PRIMARY KEY (site, month, product, widget, type, key)
      ) WITHOUT ROWID`,
      `CREATE TABLE zmot_month_sharers (
        site TEXT NOT NULL, month TEXT NOT NULL, product TEXT NOT NULL, ref TEXT NOT NULL, weight DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (site, month, product, ref)
      ) WITHOUT ROWID`,
      `INSERT INTO zmot_month_rollups (site, month, product, widget, type, key, n, value)
       SELECT site, substr(day, 1, 7), product, widget, type, key, SUM(n), SUM(value) FROM zmot_rollups
       GROUP BY site, substr(day, 1, 7), product, widget, type, key`,
      `INSERT INTO zmot_month_sharers (site, month, product, ref, weight)
       SELECT site, substr(day, 1, 7), product, ref, MAX(weight) FROM zmot_sharers GROUP BY site, substr(day, 1, 7), product, ref`,
    ],
  },
];

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS zmot_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied BIGINT NOT NULL
)`;
