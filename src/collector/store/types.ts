/** What the collector needs from a database; `sqlite.ts` and `postgres.ts` implement it alike. */
import type { Aggregate, Product, Review, Source } from '../../feed/schema.js';
import type { CommentItem, ModeratedReview, NpsGroup, RejectReason, ReviewsAnswer, ReviewStatus } from '../../report/types.js';
import type { ReputationRow } from '../reputation.js';
import type { EventRow } from './rows.js';

export interface InsertResult {
  accepted: number;
  duplicates: number;
}

export interface RangeQuery {
  site: string;
  /** First and last day, inclusive, as yyyy-mm-dd (UTC). */
  from: string;
  to: string;
  product?: string | undefined;
}

export interface RollupRow {
  day: string;
  product: string;
  widget: string;
  type: string;
  key: string;
  n: number;
  value: number;
}

/** Sharing visitors (referral codes that shared), each code counted once at its largest weight. */
export interface SharerCounts {
  /** Per day with any, by day. */
  byDay: { day: string; weight: number }[];
  /** In the whole period. */
  total: number;
  /** Per product with any, in the whole period; empty unless asked for. */
  byProduct: { product: string; weight: number }[];
}

export interface SharerDayRow {
  day: string;
  product: string;
  ref: string;
  weight: number;
}

/** A product's own fields as imported: everything in a feed except its reviews. */
export interface ProductData {
  product: Product;
  aggregate?: Aggregate;
  sources?: Source[];
}

export interface ImportedFeed extends ProductData {
  reviews: Review[];
  /**
   * `replace`: the product's fields become exactly these (a JSON feed). `merge`: only the fields given here
   * change (a CSV file, which carries no aggregate or sources).
   */
  fields: 'replace' | 'merge';
}

export interface ImportResult {
  products: number;
  reviews: number;
}

export interface ReviewStats {
  /** Every published (approved) review of the product, from any source. */
  total: number;
  /** Of those, the verified ones: a purchase verified through an invitation, or imported marked `verified`. */
  verified: number;
  /** The site's own reviews per star. */
  own: Record<1 | 2 | 3 | 4 | 5, number>;
}

/** An order the shop's backend confirmed (`POST /v1/orders`); `order` already trimmed and NFC-normalised. */
export interface Confirmation {
  order: string;
  value?: number | undefined;
  currency?: string | undefined;
}

/** A stored conversion whose order was confirmed, with what the shop said about it. */
export interface ConfirmedConversion {
  day: string;
  product: string;
  widget: string;
  /** The event's weight (1 / sample). */
  weight: number;
  /** The event's own fields (JSON): `ref`, `value`, `currency`. */
  data: string | null;
  value: number | null;
  currency: string | null;
}

export interface CommentQuery extends RangeQuery {
  group?: NpsGroup | undefined;
  /** Most comments to return, and how many of the newest to skip. */
  limit: number;
  offset: number;
}

/** An invitation to review (`POST /v1/invitations`), as stored. */
export interface NewInvitation {
  /** Random; the token's `i`. */
  id: string;
  site: string;
  product: string;
  /** SHA-256 (hex) of the order id as orders compare (trimmed, NFC): the order is never stored. */
  orderHash: string;
  incentive?: string | undefined;
  created: number;
  expires: number;
}

/** A review sent to `POST /v1/reviews`, validated and tidied (NFC, trimmed), before it is stored. */
export interface SubmittedReview {
  id: string;
  site: string;
  product: string;
  rating: number;
  title?: string | undefined;
  body: string;
  author: { name: string; role?: string | undefined; company?: string | undefined };
  lang?: string | undefined;
  /** What the shop offered for it, from a token the site's key signed (even one that is used or expired). */
  incentive?: string | undefined;
  created: number;
}

export interface ModerationQuery {
  site: string;
  status?: ReviewStatus | undefined;
  product?: string | undefined;
  limit: number;
  offset: number;
}

/** What the owner does to a collected review. */
export type Moderation = { action: 'approve' } | { action: 'reject'; reason: RejectReason } | { action: 'reply'; body: string };

/** What a feed's `policy` needs from the store, for a whole site. */
export interface SitePolicy {
  /** True when the site has any invitation or collected review: its reviews are moderated. */
  collects: boolean;
  /** The site's rejected reviews by reason, every reason listed. */
  rejected: Record<RejectReason, number>;
}

/** The collection funnel's counts that the store keeps (the form's views and starts come from the rollups). */
export interface CollectionCounts {
  invitations: number;
  submitted: number;
  approved: number;
  rejected: number;
  /** Approved reviews of the period by verification: count and sum of ratings. */
  byVerification: { verification: 'purchase' | 'none'; count: number; sum: number }[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores the batches in one transaction; resolves once it is durably committed. Ids already stored are duplicates. */
  insert(batches: readonly (readonly EventRow[])[]): Promise<InsertResult[]>;
  /** The period's rollups row by row (per day and product); reports read the sums below instead. */
  rollups(query: RangeQuery): Promise<RollupRow[]>;
  /** The period's sharers row by row (per day, product and code); reports read `sharerCounts` instead. */
  sharers(query: RangeQuery): Promise<SharerDayRow[]>;
  /**
   * The period's rollups summed over products, per day, widget, type and key (`product` is ''), from
   * `zmot_site_rollups`; with `query.product`, that product's rollups.
   */
  dayRollups(query: RangeQuery): Promise<RollupRow[]>;
  /** The period's rollups summed over days, per product, widget, type and key (`day` is ''). */
  productRollups(query: RangeQuery): Promise<RollupRow[]>;
  /** The period's sharing visitors per day and in all; per product too when `byProduct`. */
  sharerCounts(query: RangeQuery, byProduct: boolean): Promise<SharerCounts>;
  /** Every site with events, with its first and last day, by id. */
  sites(): Promise<{ id: string; first: string; last: string }[]>;
  /**
   * Upserts reviews by id; with `replace`, the products' earlier reviews are dropped first. Then keeps the
   * day's reputation snapshot of each product (`now`, default the clock, names the day).
   */
  importFeeds(site: string, feeds: readonly ImportedFeed[], options?: { replace?: boolean; now?: number }): Promise<ImportResult>;
  /** Upserts reputation snapshots by site, product, source and day. */
  saveReputation(rows: readonly ReputationRow[]): Promise<void>;
  /** Every snapshot up to `to` (inclusive), by product, source and day. */
  reputation(site: string, to: string, product?: string): Promise<ReputationRow[]>;
  product(site: string, product: string): Promise<ProductData | undefined>;
  /** True when any product of the site was imported. */
  hasProducts(site: string): Promise<boolean>;
  reviewStats(site: string, product: string): Promise<ReviewStats>;
  /** Published (approved) reviews newest first (undated last), then by id. */
  reviews(site: string, product: string, offset: number, limit: number): Promise<Review[]>;
  /**
   * The site's invitation key (base64url), made at random and kept when `create` and it has none yet; two
   * collectors creating it at once get the same one. Undefined when it has none and `create` is false.
   */
  siteSecret(site: string, create: boolean): Promise<string | undefined>;
  createInvitation(invitation: NewInvitation): Promise<void>;
  /**
   * Stores a collected review as pending, in one transaction with claiming the invitation `invitation` names
   * (when given): a conditional UPDATE that succeeds only for an unused, unexpired invitation of the same site
   * and product, so an invitation verifies one review at most, whatever runs at once. Resolves with the review:
   * `verification: "purchase"` and `invited` only when it claimed the invitation.
   */
  addReview(review: SubmittedReview, invitation?: string): Promise<ModeratedReview>;
  /** Collected reviews newest first, with their history, and how many match. */
  moderatedReviews(query: ModerationQuery): Promise<ReviewsAnswer>;
  /** Approves, rejects or replies to a collected review (with a step in its history); undefined for an unknown id. */
  moderate(id: string, moderation: Moderation, at: number): Promise<ModeratedReview | undefined>;
  /** Whether the site collects reviews, and its rejections by reason (a feed's `policy`). */
  sitePolicy(site: string): Promise<SitePolicy>;
  /** The period's invitations and collected reviews (by the day they were created; their status now). */
  collection(query: RangeQuery): Promise<CollectionCounts>;
  /** Records confirmed orders; an order confirmed before is a duplicate (the first confirmation stands). */
  confirm(site: string, orders: readonly Confirmation[], received: number): Promise<{ confirmed: number; duplicates: number }>;
  /** The period's stored conversions whose orders were confirmed. */
  confirmedConversions(query: RangeQuery): Promise<ConfirmedConversion[]>;
  /** True when the site has confirmed any order. */
  confirms(site: string): Promise<boolean>;
  /** NPS answers with a comment, newest first, and how many match. */
  comments(query: CommentQuery): Promise<{ comments: CommentItem[]; total: number }>;
  /** Marks a comment as followed up (or not); the comment, or undefined when no comment has this id. */
  markHandled(id: string, handled: boolean, at: number): Promise<CommentItem | undefined>;
  /**
   * Drops the raw events of days before `before` (yyyy-mm-dd) — on PostgreSQL whole months whose last day is
   * before it, and the rest in small batches — while rollups, sharers, comments and orders, and so every
   * report, stay. Their ids are forgotten too. Resolves with how many events it removed; `signal` stops it
   * between batches.
   */
  retain(before: string, signal?: AbortSignal): Promise<number>;
  /** Which of these ids are stored (for checks and tests). */
  storedIds(ids: readonly string[]): Promise<Set<string>>;
  /** Raw event counts and rollup sums per type for a site: equal when the store is consistent. */
  totals(site: string): Promise<{ events: Record<string, number>; rollups: Record<string, number> }>;
  close(): Promise<void>;
}
