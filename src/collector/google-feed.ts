/**
 * Google's Product Reviews feed (schema 2.4) as text: pure, without Node or the store, so it is tested with a
 * real XML parser in the browser (test/syndication/google-feed.test.ts). `google-reviews.ts` serves it.
 */
import type { ModeratedReview } from '../report/types.js';

/** Text for an XML element or attribute: escaped, and without the characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const element = (name: string, text: string, attributes = ''): string => `<${name}${attributes}>${xmlText(text)}</${name}>`;
export const isPage = (url: string | undefined): url is string => url !== undefined && /^https?:\/\/\S+$/i.test(url);

export interface ProductPage {
  id: string;
  name?: string | undefined;
  url: string;
}

function reviewXml(review: ModeratedReview, product: ProductPage): string {
  const lines = [
    element('review_id', review.id),
    `<reviewer>${element('name', review.author.name || '–', ' is_anonymous="false"')}</reviewer>`,
    element('is_verified_purchase', String(review.verification === 'purchase')),
    element('is_incentivized_review', String(review.incentivized)),
    element('review_timestamp', review.date.replace(/\.\d{3}Z$/, 'Z')),
  ];
  if (review.title) lines.push(element('title', review.title));
  lines.push(element('content', review.body));
  const language = review.lang?.split('-')[0]?.toLowerCase();
  if (language) lines.push(element('review_language', language));
  // No page of its own per review: the product's page, which shows the product's reviews.
  lines.push(element('review_url', product.url, ' type="group"'));
  lines.push(`<ratings>${element('overall', String(review.rating), ' min="1" max="5"')}</ratings>`);
  const ids = `<product_ids><skus>${element('sku', product.id)}</skus></product_ids>`;
  lines.push(`<products><product>${ids}${product.name ? element('product_name', product.name) : ''}${element('product_url', product.url)}</product></products>`);
  lines.push(element('is_spam', 'false'));
  lines.push(element('collection_method', review.invited ? 'post_fulfillment' : 'unsolicited'));
  return `    <review>\n      ${lines.join('\n      ')}\n    </review>`;
}

/** The whole document: the publisher (the site) and each review with its product's page. */
export function googleReviewsXml(site: string, items: readonly { review: ModeratedReview; product: ProductPage }[]): string {
  const reviews = items.map(({ review, product }) => reviewXml(review, product));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:noNamespaceSchemaLocation="http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd">',
    '  <version>2.4</version>',
    `  <publisher>${element('name', site)}</publisher>`,
    ...(reviews.length ? [`  <reviews>\n${reviews.join('\n')}\n  </reviews>`] : []),
    '</feed>\n',
  ].join('\n');
}
