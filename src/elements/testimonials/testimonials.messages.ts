/**
 * The English messages only `<zmot-testimonials>` shows. Its module registers them (`addEnglish`), so they travel in
 * its chunk; those it shares with other elements are in `src/i18n/messages/en.shared.ts`. The format, and
 * the whole catalogue every locale is checked against: `src/i18n/messages/en.ts`.
 */
export const testimonialsMessages = {
  testimonialsLabel: 'Customer reviews',
  reviewRating: 'Rated {rating} out of 5',
  anonymous: 'Anonymous',
  authorRole: '{role}, {company}',
  // How each review was verified (contract §8), and whether it was invited or incentivized.
  verifiedPurchase: 'Verified purchase — written through a link sent after an order',
  importedFrom: 'Imported from {source}',
  imported: 'Imported from another platform',
  notVerified: 'Not verified',
  markedVerified: 'Marked verified by the shop',
  invited: 'Invited',
  incentivized: 'Incentivized',
  incentivizedWith: 'Incentivized: {incentive}',
  // A selection (min-rating, a limit, a curated feed) says so, with the way to all of them.
  selectedMin: 'Showing selected reviews rated {rating}★ and up',
  selected: 'Showing selected reviews',
  seeAll: 'See all {reviews}',
  writtenIn: 'Written in {language}',
  replyFrom: 'Response from {name}',
  replyFromSeller: 'Response from the seller',
  readMore: 'Read more',
  readLess: 'Show less',
  showMore: 'Show more reviews',
  loadingMore: 'Loading more reviews…',
  moreFailed: 'More reviews could not be loaded.',
  retry: 'Try again',
  sortLabel: 'Sort by',
  filterActive: 'Only reviews with {stars}',
  clearFilter: 'Show all reviews',
  noMatches: 'No reviews with {stars} yet',
  slideLabel: '{index} of {count}',
  slideStatus: 'Review {index} of {count}',
  previousSlide: 'Previous review',
  nextSlide: 'Next review',
  stopRotation: 'Stop automatic slide show',
  startRotation: 'Start automatic slide show',
} as const;
