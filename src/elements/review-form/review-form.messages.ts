/**
 * The English messages only `<zmot-review-form>` shows. Its module registers them (`addEnglish`), so they travel
 * in its chunk; those it shares with other elements (`starCount`) are in `src/i18n/messages/en.shared.ts`. The
 * format, and the whole catalogue every locale is checked against: `src/i18n/messages/en.ts`.
 */
export const reviewFormMessages = {
  formHeading: 'Write a review',
  formHeadingProduct: 'Write a review of {name}',
  formRating: 'Your rating',
  formTitleLabel: 'Title (optional)',
  formBodyLabel: 'Your review',
  formBodyHint: 'Between {min} and {max} characters.',
  formNameLabel: 'Name shown with your review',
  formRoleLabel: 'Job title (optional)',
  formCompanyLabel: 'Company (optional)',
  formLangLabel: 'Language of your review',
  formConsent: 'I agree that my rating, my review and the name above may be published on this site.',
  formInvited:
    'You were invited to write this review after your order. Once the invitation is checked, your review will be marked as a verified purchase.',
  formIncentive: 'You were offered {incentive} for writing a review. Your review will say so publicly.',
  formHoneypot: 'Leave this field empty',
  formSend: 'Send review',
  formSending: 'Sending your review…',
  formErrors: 'Please check the following:',
  formRatingMissing: 'Choose a rating from 1 to 5 stars.',
  formBodyMissing: 'Write your review.',
  formBodyShort: 'Write at least {min} characters.',
  formNameMissing: 'Enter the name to show with your review.',
  formConsentMissing: 'Agree to publication, or your review cannot be shown.',
  formFieldInvalid: 'Please check this field.',
  formEnough: 'Your review is long enough to send.',
  formNeeded: 'Characters still needed: {count}',
  formLeft: 'Characters left: {count}',
  formTooMany: 'Too many reviews were sent from here. Everything you wrote is kept: please send it again {time}.',
  formOffline: 'Your review could not be sent: check your connection and try again. Everything you wrote is kept.',
  formFailed: 'Your review could not be sent. Everything you wrote is kept: please try again later.',
  formThanks: 'Thank you! Your review has been sent.',
  formModeration: 'Every review is checked before it is published: yours will appear once it is approved.',
} as const;
