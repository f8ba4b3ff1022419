/**
 * Honest aggregation (contract section 3): the site's own aggregate, every other platform normalised to a
 * scale of 5, and a count-weighted mean of them all, keeping where each number came from.
 */
import type { Distribution, Feed, Review } from './schema.js';

export const STARS = [5, 4, 3, 2, 1] as const;
export type Star = (typeof STARS)[number];

export interface Provenance {
  /** `own` for the site's own reviews, else the source's id. */
  id: string;
  /** The source's display name; empty for the site's own reviews (the widget names them). */
  name: string;
  url?: string;
  /** The score on the source's own scale. */
  rating: number;
  scale: number;
  /** The score normalised to 5. */
  normalised: number;
  count: number;
}

export interface OwnAggregate {
  rating: number;
  count: number;
  /** Count per star; absent when the feed gives an aggregate without one. */
  distribution?: Record<Star, number>;
}

export interface Summary {
  /** The count-weighted mean of every part, on a scale of 5 (0 when there are no reviews). */
  rating: number;
  /** Reviews behind `rating`, across every part. */
  count: number;
  own: OwnAggregate;
  /** Every part with at least one review: the site's own first, then each source as listed. */
  parts: Provenance[];
  /** True when any part other than the site's own contributes. */
  combined: boolean;
}

export function isOwnReview(review: Pick<Review, 'source'>): boolean {
  return review.source === undefined || review.source === '' || review.source === 'own';
}

function fullDistribution(d: Distribution): Record<Star, number> {
  return { 5: d['5'] ?? 0, 4: d['4'] ?? 0, 3: d['3'] ?? 0, 2: d['2'] ?? 0, 1: d['1'] ?? 0 };
}

/** The site's own aggregate: the feed's when given, else computed from its own reviews. */
export function ownAggregate(feed: Pick<Feed, 'aggregate' | 'reviews'>): OwnAggregate {
  if (feed.aggregate) {
    const { rating, count, distribution } = feed.aggregate;
    return distribution ? { rating, count, distribution: fullDistribution(distribution) } : { rating, count };
  }
  const distribution: Record<Star, number> = { 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 };
  let sum = 0;
  let count = 0;
  for (const review of feed.reviews) {
    if (!isOwnReview(review)) continue;
    distribution[review.rating as Star] += 1;
    sum += review.rating;
    count += 1;
  }
  return { rating: count ? sum / count : 0, count, distribution };
}

export function summarise(feed: Pick<Feed, 'aggregate' | 'reviews' | 'sources'>): Summary {
  const own = ownAggregate(feed);
  const parts: Provenance[] = [];
  if (own.count > 0) {
    parts.push({ id: 'own', name: '', rating: own.rating, scale: 5, normalised: own.rating, count: own.count });
  }
  for (const source of feed.sources ?? []) {
    if (source.count <= 0) continue;
    parts.push({
      id: source.id,
      name: source.name,
      ...(source.url === undefined ? {} : { url: source.url }),
      rating: source.rating,
      scale: source.scale,
      normalised: (source.rating / source.scale) * 5,
      count: source.count,
    });
  }
  const count = parts.reduce((n, p) => n + p.count, 0);
  const rating = count ? parts.reduce((s, p) => s + p.normalised * p.count, 0) / count : 0;
  return { rating, count, own, parts, combined: parts.some((p) => p.id !== 'own') };
}
