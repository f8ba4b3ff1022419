/**
 * English, the catalogue every other locale is checked against (`src/i18n/messages/<lang>.ts`; a key added
 * to English fails the completeness test until every locale has it). A string may hold `{name}` placeholders;
 * an object picks a plural form by `Intl.PluralRules` on the `count` parameter.
 *
 * It is written in parts that travel with the code showing them, so a page downloads only the English of the
 * elements it has: the messages several elements show (`en.shared.ts`, in the chunk every element shares) and
 * each element's own (`src/elements/<name>/<name>.messages.ts`, in its chunk, registered by its module with
 * `addEnglish`). The whole object below is for tests and Node; browser code takes only its types from here.
 */
import { ratingMessages } from '../../elements/rating/rating.messages.js';
import { recommendMessages } from '../../elements/recommend/recommend.messages.js';
import { reviewFormMessages } from '../../elements/review-form/review-form.messages.js';
import { testimonialsMessages } from '../../elements/testimonials/testimonials.messages.js';
import { sharedMessages } from './en.shared.js';

export const en = { ...sharedMessages, ...ratingMessages, ...testimonialsMessages, ...recommendMessages, ...reviewFormMessages } as const;

/**
 * A plural message: one form per plural category the language has (`Intl.PluralRules`): English needs
 * `one` and `other`, Polish `one`, `few`, `many`, `other`, Arabic all six, Japanese only `other`.
 */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

type Widen<T> = T extends string ? string : Plural;

/** The shape every locale's catalogue has: English's keys, with any wording. */
export type Messages = { [K in keyof typeof en]: Widen<(typeof en)[K]> };
export type MessageKey = keyof Messages;
