/**
 * Review feeds (contract section 3) from the reviews imported into the collector: one page of reviews,
 * newest first, with the site's own aggregate over every stored review (not just the page) and `next`
 * pointing at the following page.
 */
import type { Feed } from '../feed/schema.js';
import type { Store } from './store/types.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface FeedPageRequest {
  site: string;
  product: string;
  /** 1-based. */
  page: number;
  limit: number;
  /** This feed's URL without its query, for `next`: absolute, or relative to the feed's own URL. */
  self: string;
  /** The sites named by `--site` and `--allow-origin site=…`: known even before anything is imported. */
  named?: readonly string[];
}

/**
 * The feed page. A product nothing was imported for is a product without reviews yet when its site is known
 * (named by `--site` or `--allow-origin site=…`, or with any product imported): an empty feed, so the widgets
 * say "No reviews yet". Undefined for a product of a site the collector does not know.
 */
export async function buildFeedPage(store: Store, request: FeedPageRequest): Promise<Feed | undefined> {
  const { site, product, page, limit } = request;
  const data = await store.product(site, product);
  if (!data) {
    const known = (request.named ?? []).includes(site) || (await store.hasProducts(site));
    return known ? { product: { id: product }, reviews: [] } : undefined;
  }
  const [stats, reviews] = await Promise.all([
    store.reviewStats(site, product),
    store.reviews(site, product, (page - 1) * limit, limit),
  ]);
  const feed: Feed = { product: data.product, reviews };
  // The declared aggregate (a JSON import stating the site's own totals) wins; else it is computed from
  // every stored review of the site's own.
  if (data.aggregate) {
    feed.aggregate = data.aggregate;
  } else {
    const own = stats.own;
    const count = own[1] + own[2] + own[3] + own[4] + own[5];
    if (count > 0) {
      const sum = own[1] + own[2] * 2 + own[3] * 3 + own[4] * 4 + own[5] * 5;
      feed.aggregate = {
        rating: sum / count,
        count,
        distribution: { '5': own[5], '4': own[4], '3': own[3], '2': own[2], '1': own[1] },
      };
    }
  }
  if (data.sources) feed.sources = data.sources;
  if (page * limit < stats.total) {
    const query = new URLSearchParams({ page: String(page + 1) });
    if (limit !== DEFAULT_PAGE_SIZE) query.set('limit', String(limit));
    feed.next = `${request.self}?${query}`;
  }
  return feed;
}
