/**
 * `GET /v1/feeds/{site}/google-product-reviews.xml`: the site's approved, collected reviews in Google's Product
 * Reviews feed schema (version 2.4), for syndication to Google Merchant Center. Only reviews the site collected
 * itself (never imported ones: they belong to the platforms they came from) and only approved ones, each with
 * `is_verified_purchase` and `is_incentivized_review`. Every text is XML-escaped; characters XML cannot carry
 * are dropped. Reviews of a product without a page address (`url` from its import) are left out, since the
 * schema requires `product_url`. Public and cacheable like the JSON feeds.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ModeratedReview } from '../report/types.js';
import type { Store } from './store/types.js';

export const GOOGLE_FEED_FILE = 'google-product-reviews.xml';
const PAGE = 1000;
const CACHE = 'public, max-age=300, stale-while-revalidate=3600';

/** Text for an XML element or attribute: escaped, and without the characters XML 1.0 does not allow. */
export function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

const element = (name: string, text: string, attributes = ''): string => `<${name}${attributes}>${xmlText(text)}</${name}>`;
const isPage = (url: string | undefined): url is string => url !== undefined && /^https?:\/\/\S+$/i.test(url);

interface ProductPage {
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

/** The feed of a site: every approved collected review of a product with a page address, newest first. */
export async function googleReviewsFeed(store: Store, site: string): Promise<string> {
  const reviews: ModeratedReview[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.moderatedReviews({ site, status: 'approved', limit: PAGE, offset });
    reviews.push(...page.reviews);
    if (page.reviews.length < PAGE) break;
  }
  const products = new Map<string, ProductPage | undefined>();
  for (const id of new Set(reviews.map((r) => r.product))) {
    const data = (await store.product(site, id))?.product;
    products.set(id, data && isPage(data.url) ? { id, name: data.name, url: data.url } : undefined);
  }
  const items = reviews.flatMap((review) => {
    const product = products.get(review.product);
    return product ? [reviewXml(review, product)] : [];
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    ' xsi:noNamespaceSchemaLocation="http://www.google.com/shopping/reviews/schema/product/2.4/product_reviews.xsd">',
    '  <version>2.4</version>',
    `  <publisher>${element('name', site)}</publisher>`,
    ...(items.length ? [`  <reviews>\n${items.join('\n')}\n  </reviews>`] : []),
    '</feed>\n',
  ].join('\n');
}

export async function googleReviewRoutes(app: FastifyInstance, options: { store: Store; named: readonly string[] }): Promise<void> {
  const { store, named } = options;
  // A static last segment: Fastify's router prefers it to `/v1/feeds/:site/:product`.
  app.get(`/v1/feeds/:site/${GOOGLE_FEED_FILE}`, async (request, reply) => {
    const { site } = request.params as { site: string };
    const known = named.includes(site) || (await store.sitePolicy(site)).collects || (await store.hasProducts(site));
    if (!known) return reply.code(404).header('cache-control', 'public, max-age=60').send({ error: `unknown site ${JSON.stringify(site)}` });
    const body = await googleReviewsFeed(store, site);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', CACHE);
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('application/xml; charset=utf-8').send(body);
  });
}
