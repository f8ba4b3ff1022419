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
import { googleReviewsXml, isPage, type ProductPage } from './google-feed.js';
import type { Store } from './store/types.js';

export const GOOGLE_FEED_FILE = 'google-product-reviews.xml';
const PAGE = 1000;
const CACHE = 'public, max-age=300, stale-while-revalidate=3600';

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
  return googleReviewsXml(
    site,
    reviews.flatMap((review) => {
      const product = products.get(review.product);
      return product ? [{ review, product }] : [];
    }),
  );
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
