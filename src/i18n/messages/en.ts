/**
 * English, the catalogue every other locale is checked against (`src/i18n/messages/<lang>.ts`; a key added
 * here fails the completeness test until every locale has it). A string may hold `{name}` placeholders;
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
  // <zmot-recommend>
  npsQuestion: 'How likely are you to recommend {name} to a friend or colleague?',
  npsQuestionUs: 'How likely are you to recommend us to a friend or colleague?',
  npsLow: 'Not likely',
  npsHigh: 'Very likely',
  npsSend: 'Send',
  npsDismiss: 'Not now',
  npsFeedback: 'What could we do better?',
  npsAnonymous: 'Your answer is anonymous: please don’t include your name, e-mail address or phone number.',
  npsThanks: 'Thank you! Your feedback helps us do better.',
  npsPassive: 'Thank you for your answer! If you know someone it would suit, you can share a link with them.',
  npsPromoter: 'Thank you! Know someone who would like this too? Share your personal link.',
  shareHeading: 'Know someone who would like this? Share your personal link.',
  shareOpen: 'Share a link',
  shareLink: 'Your personal link',
  shareCopy: 'Copy link',
  shareCopied: 'Link copied',
  shareCopyManual: 'The link is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  shareNative: 'Share…',
  shareEmail: 'E-mail',
  shareVia: 'Share with',
  shareText: 'I recommend {name}.',
  shareSubject: 'Have a look at {name}',
  newWindow: 'opens in a new window',
  close: 'Close',
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

/**
 * A plural message: one form per plural category the language has (`Intl.PluralRules`): English needs
 * `one` and `other`, Polish `one`, `few`, `many`, `other`, Arabic all six, Japanese only `other`.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Widen<T> = T extends string ? string : Plural;

/** The shape every locale's catalogue has: English's keys, with any wording. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
