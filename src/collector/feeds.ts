/**
 * Review feeds (contract section 3) from the reviews imported into the collector and those collected and
 * approved (contract §8): one page of reviews, newest first, with the site's own aggregate over every published
 * review (not just the page), `next` pointing at the following page, and the `policy` the widgets' "How reviews
 * work here" disclosure reads. Pending and rejected reviews never appear, nor count.
 */
import { isOwnReview } from '../feed/aggregate.js';
import type { Feed, Policy, Review } from '../feed/schema.js';
import type { ReviewStats, SitePolicy, Store } from './store/types.js';

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
  const [data, stats, policy] = await Promise.all([store.product(site, product), store.reviewStats(site, product), store.sitePolicy(site)]);
  if (!data && stats.total === 0) {
    const known = (request.named ?? []).includes(site) || policy.collects || (await store.hasProducts(site));
    return known ? { product: { id: product }, reviews: [], policy: feedPolicy(stats, policy) } : undefined;
  }
  const reviews = (await store.reviews(site, product, (page - 1) * limit, limit)).map(labelled);
  const feed: Feed = { product: data?.product ?? { id: product }, reviews };
  // The declared aggregate (a JSON import stating the site's own totals) wins; else it is computed from
  // every stored review of the site's own.
  if (data?.aggregate) {
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
  if (data?.sources) feed.sources = data.sources;
  if (page * limit < stats.total) {
    const query = new URLSearchParams({ page: String(page + 1) });
    if (limit !== DEFAULT_PAGE_SIZE) query.set('limit', String(limit));
    feed.next = `${request.self}?${query}`;
  }
  feed.policy = feedPolicy(stats, policy);
  return feed;
}

/**
 * The feed's `policy`: the share of the product's published reviews that are verified (a purchase verified
 * through an invitation, or imported and marked verified), whether the site moderates (it collects reviews) or
 * publishes all it imports, the site's rejections by reason (every reason, zeros included), and the order.
 */
export function feedPolicy(stats: ReviewStats, site: SitePolicy): Policy {
  return {
    verified: stats.total === 0 ? 0 : stats.verified / stats.total,
    published: site.collects ? 'moderated' : 'all',
    rejected: { ...site.rejected },
    sort: 'newest',
  };
}

/** A review as the feed shows it: one imported from another platform says so when it said nothing itself. */
function labelled(review: Review): Review {
  return review.verification === undefined && !isOwnReview(review) ? { ...review, verification: 'imported' } : review;
}
