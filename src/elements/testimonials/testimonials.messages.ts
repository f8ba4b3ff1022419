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
  verified: 'Verified buyer',
  onSource: 'on {source}',
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
  sortRecent: 'Most recent',
  sortHighest: 'Highest rated',
  sortLowest: 'Lowest rated',
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
