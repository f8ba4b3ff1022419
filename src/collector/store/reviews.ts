/** How reviews and product fields are kept, alike in both stores: imported ones, and collected ones (contract §8). */
import { isOwnReview } from '../../feed/aggregate.js';
import type { Review } from '../../feed/schema.js';
import { REJECT_REASONS, type ModeratedReview, type RejectReason, type ReviewHistoryItem, type ReviewStatus } from '../../report/types.js';
import type { ImportedFeed, Moderation, ProductData, SitePolicy, SubmittedReview } from './types.js';

export interface ReviewRecord {
  id: string;
  rating: number;
  /** The review's date, '' when it has none (sorts last, newest first). */
  date: string;
  own: boolean;
  verified: boolean;
  data: string;
}

export function reviewRecord(review: Review): ReviewRecord {
  return {
    id: String(review.id),
    rating: review.rating,
    date: review.date ?? '',
    own: isOwnReview(review),
    verified: review.verified === true,
    data: JSON.stringify(review),
  };
}

/** The product's fields after an import: replaced by a JSON feed's, or filled in by a CSV file's. */
export function mergeProductData(before: ProductData | undefined, feed: ImportedFeed): ProductData {
  const next: ProductData = { product: feed.product };
  if (feed.fields === 'replace' || !before) {
    if (feed.aggregate) next.aggregate = feed.aggregate;
    if (feed.sources) next.sources = feed.sources;
    return next;
  }
  const given = Object.entries(feed.product).filter(([, value]) => value !== undefined && value !== '');
  next.product = { ...before.product, ...Object.fromEntries(given), id: feed.product.id };
  if (before.aggregate) next.aggregate = before.aggregate;
  if (before.sources) next.sources = before.sources;
  return next;
}

const iso = (ms: number | string): string => new Date(Number(ms)).toISOString();

/**
 * A collected review as its feed shows it once approved (the `data` column): the visitor's text as sent, how it
 * was verified, and what was offered for it. `verified` is true only for a purchase verified by an invitation.
 */
export function collectedReview(review: SubmittedReview, purchase: boolean): Review {
  const author: NonNullable<Review['author']> = { name: review.author.name };
  if (review.author.role) author.role = review.author.role;
  if (review.author.company) author.company = review.author.company;
  const feed: Review = { id: review.id, rating: review.rating };
  if (review.title) feed.title = review.title;
  feed.body = review.body;
  feed.author = author;
  feed.date = iso(review.created);
  if (review.lang) feed.lang = review.lang;
  feed.source = 'own';
  feed.verification = purchase ? 'purchase' : 'none';
  feed.verified = purchase;
  feed.invited = purchase;
  feed.incentivized = review.incentive !== undefined;
  if (review.incentive !== undefined) feed.incentive = review.incentive;
  return feed;
}

/** A collected review's row in `zmot_reviews`, as both stores read it. */
export interface CollectedRow {
  id: string;
  site: string;
  product: string;
  status: string;
  reason: string | null;
  created: number | string;
  data: string;
}

export interface HistoryRow {
  review_id: string;
  step: number;
  at: number | string;
  action: string;
  reason: string | null;
  body: string | null;
}

/** The columns of a collected review the stores select, in this order. */
export const COLLECTED_COLUMNS = 'id, site, product, status, reason, created, data';

export function historyItem(row: HistoryRow): ReviewHistoryItem {
  const item: ReviewHistoryItem = { at: iso(row.at), action: row.action as ReviewHistoryItem['action'] };
  if (row.reason !== null) item.reason = row.reason as RejectReason;
  if (row.body !== null) item.body = row.body;
  return item;
}

/** The owner's view of a collected review: its feed fields, its status and its history (oldest first). */
export function moderatedReview(row: CollectedRow, history: readonly HistoryRow[]): ModeratedReview {
  const data = JSON.parse(row.data) as Review;
  const review: ModeratedReview = {
    id: row.id,
    site: row.site,
    product: row.product,
    status: row.status as ReviewStatus,
    rating: data.rating,
    body: data.body ?? '',
    author: data.author ? { name: data.author.name } : { name: '' },
    verification: data.verification === 'purchase' ? 'purchase' : 'none',
    invited: data.invited === true,
    incentivized: data.incentivized === true,
    date: iso(row.created),
    history: [...history].sort((a, b) => Number(a.step) - Number(b.step)).map(historyItem),
  };
  if (data.title !== undefined) review.title = data.title;
  if (data.author?.role !== undefined) review.author.role = data.author.role;
  if (data.author?.company !== undefined) review.author.company = data.author.company;
  if (data.lang !== undefined) review.lang = data.lang;
  if (data.incentive !== undefined) review.incentive = data.incentive;
  if (row.reason !== null) review.reason = row.reason as RejectReason;
  if (data.reply) review.reply = { body: data.reply.body, date: data.reply.date ?? '' };
  return review;
}

/** What a moderation changes on a row, and the step it adds to the history; null when it changes nothing. */
export interface ModerationChange {
  status: ReviewStatus;
  reason: RejectReason | null;
  data: string;
  step: { action: ReviewHistoryItem['action']; reason: RejectReason | null; body: string | null };
}

/**
 * Applies the owner's action to a row. Approving an approved review, or rejecting a rejected one for the same
 * reason, changes nothing (no step). Approving clears the reason; a reply replaces the previous one (the
 * history keeps both) and leaves the status as it is.
 */
export function moderationChange(row: Pick<CollectedRow, 'status' | 'reason' | 'data'>, moderation: Moderation, at: number): ModerationChange | null {
  switch (moderation.action) {
    case 'approve':
      if (row.status === 'approved') return null;
      return { status: 'approved', reason: null, data: row.data, step: { action: 'approved', reason: null, body: null } };
    case 'reject':
      if (row.status === 'rejected' && row.reason === moderation.reason) return null;
      return { status: 'rejected', reason: moderation.reason, data: row.data, step: { action: 'rejected', reason: moderation.reason, body: null } };
    case 'reply': {
      const data = JSON.parse(row.data) as Review;
      data.reply = { body: moderation.body, date: iso(at) };
      return {
        status: row.status as ReviewStatus,
        reason: row.reason as RejectReason | null,
        data: JSON.stringify(data),
        step: { action: 'replied', reason: null, body: moderation.body },
      };
    }
  }
}

/** Counts of rejected reviews by reason, every reason present. */
export function rejectedByReason(rows: readonly { reason: string | null; n: number | string }[]): SitePolicy['rejected'] {
  const rejected = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as SitePolicy['rejected'];
  for (const row of rows) {
    if (row.reason !== null && row.reason in rejected) rejected[row.reason as RejectReason] += Number(row.n);
  }
  return rejected;
}
