/**
 * The Google Product Reviews feed (schema 2.4) of a site's own collected, approved reviews: what a merchant
 * gives Google Merchant Center so the reviews appear in Shopping. Google expects the whole feed each time
 * (reviews missing from the next one are deleted there), so it is built from every approved review.
 *
 * Only reviews the site collected itself go in: imported reviews belong to the platform they came from, and
 * syndicating them again would count them twice. Every text is XML-escaped, and characters XML 1.0 cannot
 * carry (control characters, unpaired surrogates) are dropped, so no review can break the document.
 */
import type { Product, Review } from '../feed/schema.js';

export interface SyndicatedReview {
  review: Review;
  product: Product;
}

export interface GoogleFeedOptions {
  /** The publisher's name: the site. */
  publisher: string;
  /** The publisher's favicon URL, when known. */
  favicon?: string;
}

/** Characters XML 1.0 allows: tab, line feed, carriage return, and from U+0020 on, minus surrogates and U+FFFE/F. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
  return value
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const element = (name: string, value: string, attributes = ''): string => `<${name}${attributes}>${xmlText(value)}</${name}>`;

/** A date the review carries as an ISO 8601 timestamp in UTC, or undefined when it has none Google would read. */
function timestamp(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const time = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  return Number.isFinite(time) ? new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined;
}

function reviewXml({ review, product }: SyndicatedReview): string {
  const name = review.author?.name?.trim();
  const parts: string[] = [element('review_id', String(review.id))];
  parts.push(
    `<reviewer>${name ? element('name', name, ' is_anonymous="false"') : element('name', 'Anonymous', ' is_anonymous="true"')}</reviewer>`,
  );
  parts.push(element('is_verified_purchase', String(review.verification === 'purchase')));
  parts.push(element('is_incentivized_review', String(review.incentivized === true)));
  const at = timestamp(review.date);
  if (at) parts.push(element('review_timestamp', at));
  if (review.title) parts.push(element('title', review.title));
  parts.push(element('content', review.body ?? ''));
  if (review.lang) parts.push(element('review_language', review.lang.split('-')[0]!.toLowerCase()));
  if (product.url) parts.push(element('review_url', product.url, ' type="group"'));
  parts.push(`<ratings>${element('overall', String(review.rating), ' min="1" max="5"')}</ratings>`);
  const ids = [`<skus>${element('sku', product.id)}</skus>`];
  if (product.brand) ids.push(`<brands>${element('brand', product.brand)}</brands>`);
  const about = [`<product_ids>${ids.join('')}</product_ids>`];
  if (product.name) about.push(element('product_name', product.name));
  if (product.url) about.push(element('product_url', product.url));
  parts.push(`<products><product>${about.join('')}</product></products>`);
  parts.push(element('is_spam', 'false'));
  parts.push(element('collection_method', review.invited ? 'post_fulfillment' : 'unsolicited'));
  return `<review>${parts.join('')}</review>`;
}

/** The feed's XML document. */
export function googleProductReviewsXml(reviews: readonly SyndicatedReview[], options: GoogleFeedOptions): string {
  const publisher = [element('name', options.publisher)];
  if (options.favicon) publisher.push(element('favicon', options.favicon));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<feed xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:noNamespaceSchemaLocation="http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd">\n' +
    '<version>2.4</version>\n' +
    `<publisher>${publisher.join('')}</publisher>\n` +
    `<reviews>\n${reviews.map((r) => `${reviewXml(r)}\n`).join('')}</reviews>\n` +
    '</feed>\n'
  );
}
