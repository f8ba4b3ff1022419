/**
 * English, the catalogue every other locale is checked against. A string may hold `{name}` placeholders;
 * an object picks a plural form by `Intl.PluralRules` on the `count` parameter.
 */
export const en = {
  ratingLabel: 'Rated {rating} out of 5 from {reviews}',
  ratingLabelSources: 'Rated {rating} out of 5 from {reviews} across {sources}',
  reviewCount: { one: '{count} review', other: '{count} reviews' },
  noReviews: 'No reviews yet',
  outOfFive: 'out of 5',
  sourceCount: { one: '{count} source', other: '{count} sources' },
  ownSource: 'This site',
  distributionLabel: 'Ratings on this site',
  distributionRow: '{stars}: {reviews}, {percent}',
  starCount: { one: '{count} star', other: '{count} stars' },
  sourcesLabel: 'Where the score comes from',
  sourceRating: '{rating}/{scale}',
  sourceScore: '{rating} out of {scale} from {reviews}',
  provenanceOwn: 'From reviews on this site',
  provenanceCombined: 'Combined from {sources}, weighted by number of reviews',
  unavailable: 'Reviews are unavailable right now.',
  listSeparator: ', ',
  // <zmot-testimonials>
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

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** The shape every locale's catalogue has: English's keys, with any wording. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
