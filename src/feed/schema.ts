/**
 * The review feed (contract section 3), as one `zod/mini` schema shared by the widgets and the collector.
 * Types are inferred from it; nothing here touches the DOM.
 */
import * as z from 'zod/mini';
import { FeedValidationError } from './validate.js';

export { FeedValidationError };

const text = z.string();

/** How a review was verified (contract §8). */
export const VERIFICATIONS = ['purchase', 'imported', 'none'] as const;
export type Verification = (typeof VERIFICATIONS)[number];
const count = z.int().check(z.gte(0));

export const ProductSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.optional(text),
  url: z.optional(text),
  brand: z.optional(text),
  image: z.optional(text),
});

const star = z.optional(count);
export const DistributionSchema = z.object({ '1': star, '2': star, '3': star, '4': star, '5': star });

export const AggregateSchema = z.object({
  rating: z.number().check(z.gte(0), z.lte(5)),
  count,
  distribution: z.optional(DistributionSchema),
});

export const SourceSchema = z
  .object({
    id: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    url: z.optional(text),
    rating: z.number().check(z.gte(0)),
    /** The top of the source's own scale (5, 10, 100 …; at least 1); 5 when absent. */
    scale: z._default(z.number().check(z.gte(1)), 5),
    count,
  })
  .check(z.refine((s) => s.rating <= s.scale, { message: 'rating is above the source’s scale', path: ['rating'] }));

export const AuthorSchema = z.object({
  name: text,
  role: z.optional(text),
  company: z.optional(text),
  avatar: z.optional(text),
});

export const ReplySchema = z.object({
  body: text,
  date: z.optional(text),
  author: z.optional(text),
});

export const ReviewSchema = z.object({
  id: z.union([z.string().check(z.minLength(1)), z.number()]),
  rating: z.int().check(z.gte(1), z.lte(5)),
  title: z.optional(text),
  body: z.optional(text),
  author: z.optional(AuthorSchema),
  date: z.optional(text),
  verified: z.optional(z.boolean()),
  /** `own` (or absent) for the site's own reviews; otherwise the id of a platform in `sources`. */
  source: z.optional(text),
  url: z.optional(text),
  lang: z.optional(text),
  reply: z.optional(ReplySchema),
  /**
   * How the review was verified (contract §8): `purchase`, written through a signed invitation sent after an
   * order; `imported` from another platform (named by `source`); `none`. Absent in feeds from elsewhere.
   */
  verification: z.optional(z.enum(VERIFICATIONS)),
  /** The reviewer was invited to write it (an e-mail after an order), not writing unprompted. */
  invited: z.optional(z.boolean()),
  /** Something was offered for writing it; `incentive` says what. */
  incentivized: z.optional(z.boolean()),
  incentive: z.optional(text),
});

/**
 * How the site's reviews are collected and published (contract §8), for the widgets' "How reviews work here"
 * disclosure: the share of verified reviews (0–1), whether every review is published or they are moderated,
 * rejections by reason, and the default order.
 */
export const PolicySchema = z.object({
  verified: z.optional(z.number().check(z.gte(0), z.lte(1))),
  published: z.optional(z.enum(['all', 'moderated'])),
  rejected: z.optional(z.record(z.string(), count)),
  sort: z.optional(text),
});

export const FeedSchema = z.object({
  product: ProductSchema,
  aggregate: z.optional(AggregateSchema),
  sources: z.optional(z.array(SourceSchema)),
  reviews: z.array(ReviewSchema),
  next: z.optional(text),
  policy: z.optional(PolicySchema),
});

export type Product = z.infer<typeof ProductSchema>;
export type Distribution = z.infer<typeof DistributionSchema>;
export type Aggregate = z.infer<typeof AggregateSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Feed = z.infer<typeof FeedSchema>;
export type Policy = z.infer<typeof PolicySchema>;

/** The envelope is validated strictly; reviews one by one, so one bad review does not hide the rest. */
const EnvelopeSchema = z.extend(FeedSchema, { reviews: z.array(z.unknown()) });

export interface ParsedFeed {
  feed: Feed;
  /** Reviews that failed validation and were left out, with the reason for each. */
  skipped: { index: number; problem: string }[];
}

function describe(issues: readonly { path: PropertyKey[]; message: string }[], prefix: string): string {
  const first = issues[0];
  if (!first) return `${prefix}: invalid`;
  const path = first.path.reduce<string>((at, key) => (typeof key === 'number' ? `${at}[${key}]` : `${at}.${String(key)}`), prefix);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${path}: ${first.message}${more}`;
}

/**
 * Validates a feed. Throws `FeedValidationError` naming the first bad field when the envelope is invalid;
 * reviews that fail on their own are skipped and listed in `skipped`.
 */
export function parseFeed(input: unknown): ParsedFeed {
  const envelope = EnvelopeSchema.safeParse(input);
  if (!envelope.success) throw new FeedValidationError(describe(envelope.error.issues, 'feed'));
  const reviews: Review[] = [];
  const skipped: ParsedFeed['skipped'] = [];
  envelope.data.reviews.forEach((raw, index) => {
    const review = ReviewSchema.safeParse(raw);
    if (review.success) reviews.push(review.data);
    else skipped.push({ index, problem: describe(review.error.issues, `reviews[${index}]`) });
  });
  return { feed: { ...envelope.data, reviews }, skipped };
}
