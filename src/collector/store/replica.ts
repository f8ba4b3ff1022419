/**
 * A store that writes to the primary and reads the owner's reports from a replica (`--read-database-url`):
 * the dashboard's, metrics', feeds' and comments' questions go to the replica, so a busy ingest does not
 * slow them, nor they the ingest. What a request writes and then reads back in the same request (marking a
 * comment handled) stays on the primary. A replica lags its primary by its replication delay: a report may
 * miss the last second's events. Anything not named here (a store method added later) goes to the primary.
 */
import type { Store } from './types.js';

export function withReplica(primary: Store, replica: Store): Store {
  return {
    // Writes, and reads that must see them at once (markHandled, storedIds, totals; a
    // moderated review and an invitation's key), stay on the primary.
    ...primary,
    // The owner's questions.
    rollups: (query) => replica.rollups(query),
    sharers: (query) => replica.sharers(query),
    sites: () => replica.sites(),
    reputation: (site, to, product) => replica.reputation(site, to, product),
    product: (site, product) => replica.product(site, product),
    reviewStats: (site, product) => replica.reviewStats(site, product),
    reviews: (site, product, offset, limit) => replica.reviews(site, product, offset, limit),
    confirmedConversions: (query) => replica.confirmedConversions(query),
    confirms: (site) => replica.confirms(site),
    comments: (query) => replica.comments(query),
    moderatedReviews: (query) => replica.moderatedReviews(query),
    sitePolicy: (site) => replica.sitePolicy(site),
    collection: (query) => replica.collection(query),
    async close() {
      await Promise.all([primary.close(), replica.close()]);
    },
  };
}
