/**
 * The limits of a review sent to `POST /v1/reviews` (contract §8), defined once: the collector's zod schema
 * enforces them and `<zmot-review-form>` shows them as live counts. No imports: the form's chunk pays for it.
 */
export const REVIEW_LIMITS = {
  /** Characters (UTF-16 code units, as the browser's `maxlength` counts). */
  title: 120,
  bodyMin: 20,
  body: 5000,
  name: 60,
  role: 80,
  company: 80,
  lang: 35,
  /** The invitation token. */
  token: 512,
  incentive: 200,
} as const;

/**
 * The bot checks (no captcha): the form carries a field people never see (`website`; a bot filling it gets
 * a 202 and nothing is stored), and `elapsed`, the milliseconds since the form was shown: a review sent
 * sooner than `MIN_FILL_MS` was not typed by a person.
 */
export const HONEYPOT_FIELD = 'website';
export const MIN_FILL_MS = 3000;
