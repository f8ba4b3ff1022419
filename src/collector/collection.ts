/**
 * The review-collection funnel of a period (contract §8, `Report.collection`): invitations the owner sent,
 * `<zmot-review-form>` seen and begun (from its telemetry, scaled by 1 / sample like every count), reviews
 * received and what moderation made of them (from the stored reviews: exact, not sampled), and the mean
 * rating of approved reviews by how they were verified — so an owner sees whether invited buyers rate
 * differently from visitors who came on their own.
 */
import type { CollectionFunnel } from '../report/types.js';
import type { RollupRow } from './store/types.js';

/** The form's widget name in events. */
export const FORM_WIDGET = 'review-form';

/** What the store counts of a period's collected reviews and invitations. */
export interface CollectionCounts {
  invitations: number;
  submitted: number;
  approved: number;
  rejected: number;
  /** Approved reviews per verification: how many, and the sum of their ratings. */
  approvedBy: { verification: 'purchase' | 'none'; count: number; ratingSum: number }[];
}

const tidy = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * The funnel from the period's rollups (summed over products or one product's) and the store's counts;
 * undefined when the period has nothing to show (no invitation, no form seen, no review received).
 */
export function collectionFunnel(rows: readonly RollupRow[], counts: CollectionCounts): CollectionFunnel | undefined {
  let viewed = 0, started = 0;
  for (const row of rows) {
    if (row.widget !== FORM_WIDGET) continue;
    if (row.type === 'impression') viewed += row.n;
    else if (row.type === 'interaction' && row.key === 'start') started += row.n;
  }
  if (counts.invitations + counts.submitted + viewed + started === 0) return undefined;
  const byVerification = (['purchase', 'none'] as const).map((verification) => {
    const found = counts.approvedBy.find((c) => c.verification === verification);
    const count = found?.count ?? 0;
    return { verification, count, rating: count > 0 ? tidy(found!.ratingSum / count) : null };
  });
  return {
    invitations: counts.invitations,
    viewed: tidy(viewed),
    started: tidy(started),
    submitted: counts.submitted,
    approved: counts.approved,
    rejected: counts.rejected,
    byVerification,
  };
}
