/**
 * Reputation over time: each import keeps a snapshot, per product and source, of the score and review count
 * (normalised to 5, as the widgets show them), of the combined score, and of how many stored reviews the
 * merchant answered and how fast. `GET /v1/reputation` reads them back for a period.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { summarise } from '../feed/aggregate.js';
import type { Review } from '../feed/schema.js';
import type { ReputationAnswer, ReputationPoint, ReputationProduct, ReputationSource } from '../report/types.js';
import { QueryError, resolveRange, siteParam } from './metrics.js';
import type { ProductData, Store } from './store/types.js';
import { tokenRequired } from './owner.js';

/** One stored snapshot row (`zmot_reputation`). */
export interface ReputationRow {
  site: string;
  product: string;
  source: string;
  day: string;
  name: string;
  rating: number;
  count: number;
  /** Stored reviews of this source, and how many have a merchant's reply. */
  stored: number;
  replied: number;
  /** Median days to answer; null when no answer has both dates. */
  replyDays: number | null;
}

export const COMBINED = '*';
const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function replies(reviews: readonly Review[]): { stored: number; replied: number; replyDays: number | null } {
  const days: number[] = [];
  let replied = 0;
  for (const review of reviews) {
    if (!review.reply) continue;
    replied += 1;
    const asked = Date.parse(review.date ?? '');
    const answered = Date.parse(review.reply.date ?? '');
    if (Number.isFinite(asked) && Number.isFinite(answered) && answered >= asked) days.push((answered - asked) / DAY_MS);
  }
  return { stored: reviews.length, replied, replyDays: median(days) };
}

const sourceOf = (review: Review): string => (review.source === undefined || review.source === '' ? 'own' : review.source);

/** The snapshot of one product after an import: each part of its score, and the combined one. */
export function snapshot(site: string, day: string, data: ProductData, reviews: readonly Review[]): ReputationRow[] {
  const summary = summarise({ aggregate: data.aggregate, sources: data.sources, reviews: [...reviews] });
  const bySource = new Map<string, Review[]>();
  for (const review of reviews) {
    // Pushed, not copied: a copy per review made 50,000 reviews take 19.5 s (quadratic), the collector frozen.
    const id = sourceOf(review);
    const list = bySource.get(id);
    if (list) list.push(review);
    else bySource.set(id, [review]);
  }
  const product = data.product.id;
  const rows: ReputationRow[] = summary.parts.map((part) => ({
    site,
    product,
    source: part.id,
    day,
    name: part.name,
    rating: part.normalised,
    count: part.count,
    ...replies(bySource.get(part.id) ?? []),
  }));
  rows.push({ site, product, source: COMBINED, day, name: '', rating: summary.rating, count: summary.count, ...replies(reviews) });
  return rows;
}

const point = (row: ReputationRow): ReputationPoint => ({ day: row.day, rating: row.rating, count: row.count });

function sourceAnswer(rows: readonly ReputationRow[], from: string): ReputationSource {
  const latest = rows.at(-1)!;
  const before = rows.filter((r) => r.day < from).at(-1);
  return {
    source: latest.source,
    name: latest.name,
    rating: latest.rating,
    count: latest.count,
    previous: before ? point(before) : null,
    replyShare: latest.stored > 0 ? latest.replied / latest.stored : null,
    medianReplyDays: latest.replyDays,
    days: rows.filter((r) => r.day >= from).map(point),
  };
}

/** The answer from every snapshot up to `to`, by product, day ascending within each. */
export function buildReputation(site: string, from: string, to: string, rows: readonly ReputationRow[]): ReputationAnswer {
  const byProduct = new Map<string, Map<string, ReputationRow[]>>();
  for (const row of rows) {
    if (row.day > to) continue;
    const sources = byProduct.get(row.product) ?? new Map<string, ReputationRow[]>();
    byProduct.set(row.product, sources);
    const list = sources.get(row.source);
    if (list) list.push(row);
    else sources.set(row.source, [row]);
  }
  const products: ReputationProduct[] = [];
  for (const [product, sources] of [...byProduct].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const combined = sources.get(COMBINED);
    if (!combined) continue;
    const last = combined.at(-1)!.day;
    // A source the latest import no longer names is left out.
    const parts = [...sources]
      .filter(([id, list]) => id !== COMBINED && list.at(-1)!.day === last)
      .map(([, list]) => sourceAnswer(list, from))
      .sort((a, b) => (a.source === 'own' ? -1 : b.source === 'own' ? 1 : a.name.localeCompare(b.name)));
    products.push({ product, combined: sourceAnswer(combined, from), sources: parts });
  }
  return { site, from, to, products };
}

/**
 * Keeps today's snapshot of each product just imported, or whose collected review was just moderated (a second
 * snapshot the same day replaces it). A product known only by its collected reviews has no imported fields.
 */
export async function recordSnapshots(store: Store, site: string, products: readonly string[], day: string): Promise<void> {
  const rows: ReputationRow[] = [];
  for (const id of new Set(products)) {
    const data = (await store.product(site, id)) ?? { product: { id } };
    rows.push(...snapshot(site, day, data, await store.reviews(site, id, 0, Number.MAX_SAFE_INTEGER)));
  }
  await store.saveReputation(rows);
}

export interface ReputationRoutesOptions {
  store: Store;
  authorised: (request: FastifyRequest) => boolean;
  now: () => number;
}

/** `GET /v1/reputation?site=S[&from=][&to=][&product=]` (owner token): the period's snapshots, by product. */
export async function reputationRoutes(app: FastifyInstance, options: ReputationRoutesOptions): Promise<void> {
  app.get('/v1/reputation', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    if (!options.authorised(request)) {
      return tokenRequired(reply);
    }
    const query = request.query as Record<string, string | undefined>;
    let site: string, range: { from: string; to: string };
    try {
      site = siteParam(query.site);
      range = resolveRange(query.from, query.to, options.now());
    } catch (error) {
      if (error instanceof QueryError) return reply.code(400).send({ error: error.message });
      throw error;
    }
    const rows = await options.store.reputation(site, range.to, query.product || undefined);
    return buildReputation(site, range.from, range.to, rows);
  });
}
