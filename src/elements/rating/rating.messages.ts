/**
 * The English messages only `<zmot-rating>` shows. Its module registers them (`addEnglish`), so they travel in
 * its chunk; those it shares with other elements are in `src/i18n/messages/en.shared.ts`. The format, and
 * the whole catalogue every locale is checked against: `src/i18n/messages/en.ts`.
 */
export const ratingMessages = {
  ratingLabelSources: 'Rated {rating} out of 5 from {reviews} across {sources}',
  outOfFive: 'out of 5',
  sourceCount: { one: '{count} source', other: '{count} sources' },
  ownSource: 'This site',
  distributionLabel: 'Ratings on this site',
  distributionRow: '{stars}: {reviews}, {percent}',
  sourcesLabel: 'Where the score comes from',
  sourceRating: '{rating}/{scale}',
  sourceScore: '{rating} out of {scale} from {reviews}',
  provenanceOwn: 'From reviews on this site',
  provenanceCombined: 'Combined from {sources}, weighted by number of reviews',
} as const;
