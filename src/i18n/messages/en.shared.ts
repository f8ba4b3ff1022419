/**
 * The English messages more than one element shows. They travel with i18n in the chunk every element shares;
 * each element's own English is beside it (`src/elements/<name>/<name>.messages.ts`) and travels in its chunk.
 * Format and the whole catalogue: `en.ts`.
 */
export const sharedMessages = {
  noReviews: 'No reviews yet',
  // The score, in <zmot-rating> and the summary header of <zmot-testimonials>.
  ratingLabel: 'Rated {rating} out of 5 from {reviews}',
  reviewCount: { one: '{count} review', other: '{count} reviews' },
  starCount: { one: '{count} star', other: '{count} stars' },
  unavailable: 'Reviews are unavailable right now.',
  // The orders of <zmot-testimonials>' sort menu, also named by the "How reviews work here" disclosure.
  sortRecent: 'Most recent',
  // With review-url: <zmot-recommend> after every answer alike (never only to promoters), and the summary
  // header and "No reviews yet" note of <zmot-testimonials>.
  writeReview: 'Write a review',
  sortHighest: 'Highest rated',
  sortLowest: 'Lowest rated',
  // "How reviews work here" (src/elements/core/policy.ts), in <zmot-rating> and <zmot-testimonials>.
  policyTitle: 'How reviews work here',
  policyVerified: '{percent} of the reviews are verified purchases.',
  policyAll: 'Every review is published.',
  policyModerated: 'Reviews are checked before they are published.',
  policyRejected: 'Rejected so far: {reasons}.',
  policyNoneRejected: 'No review has been rejected so far.',
  policyOrder: 'Default order: {order}.',
  reasonSpam: 'spam',
  reasonOffensive: 'offensive',
  reasonPersonalData: 'personal data',
  reasonOffTopic: 'off topic',
  reasonNotGenuine: 'not genuine',
  // Shown by no element today; every locale has it, so it stays part of `Messages`.
  listSeparator: ', ',
} as const;
