/** How imported reviews and product fields are kept, alike in both stores. */
import { isOwnReview } from '../../feed/aggregate.js';
import type { Review } from '../../feed/schema.js';
import type { ImportedFeed, ProductData } from './types.js';

export interface ReviewRecord {
  id: string;
  rating: number;
  /** The review's date, '' when it has none (sorts last, newest first). */
  date: string;
  own: boolean;
  data: string;
}

export function reviewRecord(review: Review): ReviewRecord {
  return {
    id: String(review.id),
    rating: review.rating,
    date: review.date ?? '',
    own: isOwnReview(review),
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
