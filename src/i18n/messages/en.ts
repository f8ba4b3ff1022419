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
} as const;

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };

/** The shape every locale's catalogue has: English's keys, with any wording. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
