/**
 * The English messages only `<zmot-recommend>` shows. Its module registers them (`addEnglish`), so they travel in
 * its chunk; those it shares with other elements are in `src/i18n/messages/en.shared.ts`. The format, and
 * the whole catalogue every locale is checked against: `src/i18n/messages/en.ts`.
 */
export const recommendMessages = {
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
} as const;
