/**
 * The `Review` items of the testimonials shown, inside the one `Product` JSON-LD zmot writes per product
 * (../structured-data.ts). Only this element writes reviews, so this stays in its chunk.
 */
import { isOwnReview } from '../../feed/aggregate.js';
import type { Product, Review } from '../../feed/schema.js';
import { jsonLdText, type JsonLd } from '../../feed/structured-data.js';
import { writeStructuredData, zmotScript } from '../core/structured-data.js';
import { trustedScript } from '../core/trusted.js';

/**
 * A schema.org `Review` for one of the site's own reviews, to sit in its product's `review` list; `undefined`
 * for a third-party review (never marked up as the site's own: one from another source, or one whose feed
 * says it was imported) or one without an author's name.
 */
export function reviewJsonLd(review: Review): JsonLd | undefined {
  const author = review.author?.name.trim();
  if (!isOwnReview(review) || review.verification === 'imported' || !author) return undefined;
  const date = review.date && Number.isFinite(Date.parse(review.date)) ? review.date : undefined;
  return {
    '@type': 'Review',
    reviewRating: { '@type': 'Rating', ratingValue: review.rating, bestRating: 5, worstRating: 1 },
    author: { '@type': 'Person', name: author },
    ...(date ? { datePublished: date } : {}),
    ...(review.title?.trim() ? { name: review.title } : {}),
    ...(review.body?.trim() ? { reviewBody: review.body } : {}),
  };
}

/** The `Review` items each element shows, per product id. */
const shownReviews = new Map<string, Map<object, JsonLd[]>>();

/**
 * Sets the `Review` items that `owner` (an element) shows for `product`, inside the one `Product` zmot writes
 * for it. When no element has written that yet, `data` (the product's JSON-LD) is written first. Nothing is
 * added when the page rates the product itself, so there is always one `Product` per product.
 */
export function writeShownReviews(product: Product, data: JsonLd | undefined, owner: object, reviews: JsonLd[]): void {
  let owners = shownReviews.get(product.id);
  if (!owners) shownReviews.set(product.id, (owners = new Map()));
  if (reviews.length) owners.set(owner, reviews);
  else owners.delete(owner);
  let script = zmotScript(product.id);
  if (!script && data && reviews.length) {
    writeStructuredData(product, data);
    script = zmotScript(product.id);
  }
  if (!script) return;
  const unique = new Map<string, JsonLd>();
  for (const list of owners.values()) for (const review of list) unique.set(JSON.stringify(review), review);
  const doc = JSON.parse(script.text) as JsonLd;
  if (unique.size) doc.review = [...unique.values()];
  else delete doc.review;
  script.text = trustedScript(jsonLdText(doc));
}
