/**
 * Choosing which reviews to show, all in memory so filtering and sorting never need a request: pages merged
 * without duplicates, a star filter, a minimum rating, and a stable sort.
 */
import type { Review } from '../../feed/schema.js';

export const SORT_ORDERS = ['recent', 'highest', 'lowest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export interface ReviewDate {
  /** Milliseconds since the epoch; midnight UTC for a date without a time. */
  time: number;
  /** `2026-10-01` rather than a moment: shown as that calendar day whatever the visitor's time zone. */
  dateOnly: boolean;
}

/** A feed date (`2026-10-01` or an ISO date-time) as a time; `null` when absent or not a date. */
export function parseDate(value: string | undefined): ReviewDate | null {
  const text = value?.trim() ?? '';
  const time = text ? Date.parse(text) : NaN;
  return Number.isFinite(time) ? { time, dateOnly: DATE_ONLY.test(text) } : null;
}

const dates = new WeakMap<Review, ReviewDate | null>();

/** The review's date, parsed once. */
export function reviewDate(review: Review): ReviewDate | null {
  let parsed = dates.get(review);
  if (parsed === undefined) dates.set(review, (parsed = parseDate(review.date)));
  return parsed;
}

/** Every review of every page once, in page order; a review repeated on a later page keeps its first place. */
export function mergePages(pages: readonly (readonly Review[])[]): Review[] {
  if (pages.length === 1) return pages[0]!.slice();
  const seen = new Set<string>();
  const merged: Review[] = [];
  for (const page of pages) {
    for (const review of page) {
      const key = String(review.id);
      if (seen.has(key)) continue;
      seen.add(key);
      merged.push(review);
    }
  }
  return merged;
}

export interface Selection {
  sort: SortOrder;
  /** Reviews below this many stars are left out. */
  minRating: number;
  /** Only reviews with exactly this many stars, or all when `null`. */
  stars: number | null;
}

/**
 * The reviews to show, in order. Sorting is stable: ties keep the feed's order. Reviews without a date
 * come last when sorting by recency.
 */
export function selectReviews(reviews: readonly Review[], { sort, minRating, stars }: Selection): Review[] {
  const kept = reviews.filter((r) => r.rating >= minRating && (stars === null || r.rating === stars));
  const time = (r: Review) => reviewDate(r)?.time ?? -Infinity;
  const byDate = (a: Review, b: Review) => (time(a) === time(b) ? 0 : time(b) > time(a) ? 1 : -1);
  if (sort === 'highest') return kept.sort((a, b) => b.rating - a.rating || byDate(a, b));
  if (sort === 'lowest') return kept.sort((a, b) => a.rating - b.rating || byDate(a, b));
  return kept.sort(byDate);
}
