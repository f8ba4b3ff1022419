/** What both stores share for the collection funnel (`Report.collection`): the period in milliseconds, and the sums. */
import type { CollectionCounts } from './types.js';

const DAY_MS = 86_400_000;

/** The first and last day (yyyy-mm-dd, UTC, inclusive) as [start, end) in milliseconds. */
export function periodMs(from: string, to: string): [number, number] {
  return [Date.parse(`${from}T00:00:00Z`), Date.parse(`${to}T00:00:00Z`) + DAY_MS];
}

/** The counts from the period's collected reviews grouped by status and verified. */
export function collectionCounts(
  invitations: number | string,
  rows: readonly { status: string; verified: number | string; n: number | string; sum: number | string | null }[],
): CollectionCounts {
  const counts: CollectionCounts = {
    invitations: Number(invitations),
    submitted: 0,
    approved: 0,
    rejected: 0,
    byVerification: [
      { verification: 'purchase', count: 0, sum: 0 },
      { verification: 'none', count: 0, sum: 0 },
    ],
  };
  for (const row of rows) {
    const n = Number(row.n);
    counts.submitted += n;
    if (row.status === 'rejected') counts.rejected += n;
    if (row.status !== 'approved') continue;
    counts.approved += n;
    const group = counts.byVerification[Number(row.verified) ? 0 : 1]!;
    group.count += n;
    group.sum += Number(row.sum ?? 0);
  }
  return counts;
}
