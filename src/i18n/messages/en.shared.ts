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
  // Shown by no element today; every locale has it, so it stays part of `Messages`.
  listSeparator: ', ',
} as const;
