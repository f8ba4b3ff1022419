/**
 * The package's main entry: element classes and helpers, with no side effects. Import `zmot/define` to
 * register the elements, or define them under names of your own.
 */
export { ZmotRating, type RatingVariant } from '../elements/rating/rating.js';
export { ZmotRecommend, npsGroup, type RecommendAsk } from '../elements/recommend/recommend.js';
export { CHANNELS, type Channel } from '../elements/recommend/share.js';
export { ZmotReviewForm, type ReviewField } from '../elements/review-form/review-form.js';
export { decodeInvitation, INVITE_PARAM, type Invitation } from '../elements/review-form/invitation.js';
export { referralCode, referralLink, REF_PARAM } from '../referral/code.js';
export { conversion, currentReferral, startAttribution, type ConversionInput, type Touch } from '../referral/attribution.js';
export {
  ZmotTestimonials,
  type TestimonialsLayout,
  type TestimonialsAction,
  type SortOrder,
} from '../elements/testimonials/testimonials.js';
export { ZmotElement } from '../elements/core/zmot-element.js';
export { configure, type ZmotConfig, type Consent } from '../config.js';
export { ZmotErrorEvent, ZmotFilterEvent, type ZmotErrorDetail, type ZmotFilterDetail } from '../events.js';
export { FeedError, clearFeedCache, loadFeed, type FeedErrorReason } from '../feed/load.js';
export type { Feed, Review, Source, Product, Aggregate, ParsedFeed } from '../feed/schema.js';
export { validateFeed, FeedValidationError } from '../feed/validate.js';
export { summarise, type Summary, type Provenance } from '../feed/aggregate.js';
export { registerMessages, setLocaleLoader, LOCALES, type Locale, type LocaleLoader } from '../i18n/i18n.js';
export type { Messages, MessageKey, Plural } from '../i18n/messages/en.js';
export { track, consent, flush, type EventInput, type EventType, type ZmotEvent, type ZmotTelemetryEvent } from '../telemetry/index.js';
export { TelemetryController, type TelemetryHost } from '../elements/core/telemetry-controller.js';
