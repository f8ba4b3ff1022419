// Generated from custom-elements.json by scripts/gen-from-manifest.ts (npm run manifest): do not edit.
/**
 * JSX typings for the zmot elements in React 19, which sets a custom element's properties and listens to its
 * events: `<zmot-rating data={feed} variant="full" onzmot-event={(e) => e.detail.type} />`. Load them once:
 * `import type {} from 'zmot/react';` in any file of the app. `ZmotJsxElements` serves other JSX runtimes.
 */
import type * as React from 'react';
import type { ZmotDashboard } from '../dist/lib/elements/dashboard/dashboard.js';
import type { ZmotRating } from '../dist/lib/elements/rating/rating.js';
import type { ZmotRecommend } from '../dist/lib/elements/recommend/recommend.js';
import type { ZmotReviewForm } from '../dist/lib/elements/review-form/review-form.js';
import type { ZmotTestimonials } from '../dist/lib/elements/testimonials/testimonials.js';

/** What every element takes from React: `key`, `ref`, `className`, `style`, `slot`, DOM events, `children` … */
type HostProps<E extends HTMLElement, Own> = Omit<React.DetailedHTMLProps<React.HTMLAttributes<E>, E>, keyof Own>;

/** Props of `<zmot-dashboard>`: The site owner's ZMOT/UMOT report from a collector, with sign-in, site and period pickers. */
export interface ZmotDashboardProps {
  /** The collector's base URL (default: the page's own folder, as on the collector's page at `/`). */
  src?: ZmotDashboard['src'];
  /** The site id to report on (default: the collector's site with the latest events). Set by the site picker. */
  site?: ZmotDashboard['site'];
  /** First day, yyyy-mm-dd (UTC) (default: 29 days before `to`). Set by the period picker. */
  from?: ZmotDashboard['from'];
  /** Last day, yyyy-mm-dd (UTC), inclusive (default: today). Set by the period picker. */
  to?: ZmotDashboard['to'];
  /** Report on one product only. */
  product?: ZmotDashboard['product'];
  /** `reviews` shows the Reviews page (moderation of collected reviews) instead of the report. Set by the page switch. */
  page?: ZmotDashboard['page'];
  /** Keeps the site and the period in the page's address (`?site=&from=&to=`): a report's address can be shared and bookmarked, and the browser's back button returns to the period before. The collector's page sets it. */
  'sync-url'?: ZmotDashboard['syncUrl'];
  /** Keeps the site and the period in the page's address (`?site=&from=&to=`): a report's address can be shared and bookmarked, and the browser's back button returns to the period before. The collector's page sets it. */
  syncUrl?: ZmotDashboard['syncUrl'];
  /** Shows a language choice (the 12 languages, each by its own name) that sets this element's `lang`; with `sync-url` the choice goes into the address too (`?lang=`). The collector's page sets it. */
  'language-picker'?: ZmotDashboard['languagePicker'];
  /** Shows a language choice (the 12 languages, each by its own name) that sets this element's `lang`; with `sync-url` the choice goes into the address too (`?lang=`). The collector's page sets it. */
  languagePicker?: ZmotDashboard['languagePicker'];
  /** Milliseconds between two looks at the live view (`GET /v1/live`, with its ETag). */
  'live-interval'?: ZmotDashboard['liveInterval'];
  /** Milliseconds between two looks at the live view (`GET /v1/live`, with its ETag). */
  liveInterval?: ZmotDashboard['liveInterval'];
  /** The owner's token. Set it, or let the owner sign in; the sign-in keeps it in the tab's session storage. */
  token?: ZmotDashboard['token'];
  /** `zmot-export`: The owner asked for the CSV (`detail`: `csv`, `filename`); cancel it to handle the file yourself. */
  'onzmot-export'?: (event: GlobalEventHandlersEventMap['zmot-export']) => void;
}

/** Props of `<zmot-rating>`: Aggregate review score: stars, average, count; distribution and sources in the full variant. */
export interface ZmotRatingProps {
  /** `summary` (absent): stars, average, count and provenance. `full` adds the distribution and sources. `compact`: a one-line badge. */
  variant?: ZmotRating['variant'];
  /** Don't write the product's JSON-LD (`Product` + `AggregateRating`) into the page. */
  'no-structured-data'?: ZmotRating['noStructuredData'];
  /** Don't write the product's JSON-LD (`Product` + `AggregateRating`) into the page. */
  noStructuredData?: ZmotRating['noStructuredData'];
  /** Full variant: keep the distribution rows plain text instead of buttons that filter `<zmot-testimonials>`. */
  'no-filter'?: ZmotRating['noFilter'];
  /** Full variant: keep the distribution rows plain text instead of buttons that filter `<zmot-testimonials>`. */
  noFilter?: ZmotRating['noFilter'];
  /** The product id; fills `{product}` in the feed URL template. */
  product?: ZmotRating['product'];
  /** Feed URL (template) for this element, overriding the script's `data-feed`. */
  feed?: ZmotRating['feed'];
  /** Where this element's events go, overriding the script's `data-endpoint`. */
  endpoint?: ZmotRating['endpoint'];
  /** A feed object given directly (contract section 3); used instead of fetching. */
  data?: ZmotRating['data'];
  /** `zmot-error`: The feed is missing, slow, not JSON or invalid; the fallback is shown. */
  'onzmot-error'?: (event: GlobalEventHandlersEventMap['zmot-error']) => void;
  /** `zmot-filter`: The visitor picked a star row of the distribution (`rating`: 1–5), or picked it again to clear the filter (`rating: null`); `<zmot-testimonials>` for the same product show only those reviews. */
  'onzmot-filter'?: (event: GlobalEventHandlersEventMap['zmot-filter']) => void;
  /** `zmot-event`: Every event the widget reports (`render`, `impression`, `interaction`, `error` …); `detail` is the event as it goes on the wire. */
  'onzmot-event'?: (event: GlobalEventHandlersEventMap['zmot-event']) => void;
}

/** Props of `<zmot-recommend>`: NPS question, then a referral share panel for promoters and a private feedback box for detractors. */
export interface ZmotRecommendProps {
  /** `nps` (default): ask the question first. `share`: show the share panel straight away. */
  ask?: ZmotRecommend['ask'];
  /** The share buttons, in order: any of `native,copy,email,whatsapp,x,linkedin,facebook`. */
  channels?: ZmotRecommend['channels'];
  /** Days the question stays away after it was answered or dismissed; `0` asks every time. */
  'cooldown-days'?: ZmotRecommend['cooldownDays'];
  /** Days the question stays away after it was answered or dismissed; `0` asks every time. */
  cooldownDays?: ZmotRecommend['cooldownDays'];
  /** What to recommend, in the question and the shared message (default: the feed's product name or brand, the site's name). */
  name?: ZmotRecommend['name'];
  /** The page the referral link points to (default: the feed's product URL, else the page's canonical URL). */
  url?: ZmotRecommend['url'];
  /** Show nothing inline: the element only appears through `open()`. */
  modal?: ZmotRecommend['modal'];
  /** Replaces the default question; `{name}` is filled in. The `question` slot wins over it. */
  question?: ZmotRecommend['question'];
  /** Replaces the sentence sent along with the link; `{name}` is filled in. */
  'share-text'?: ZmotRecommend['shareText'];
  /** Replaces the sentence sent along with the link; `{name}` is filled in. */
  shareText?: ZmotRecommend['shareText'];
  /** Replaces the e-mail subject; `{name}` is filled in. */
  'share-subject'?: ZmotRecommend['shareSubject'];
  /** Replaces the e-mail subject; `{name}` is filled in. */
  shareSubject?: ZmotRecommend['shareSubject'];
  /** Replaces the detractors' prompt. The `feedback-label` slot wins over it. */
  'feedback-label'?: ZmotRecommend['feedbackLabel'];
  /** Replaces the detractors' prompt. The `feedback-label` slot wins over it. */
  feedbackLabel?: ZmotRecommend['feedbackLabel'];
  /** Replaces the thanks after feedback. The `thanks` slot wins over it. */
  thanks?: ZmotRecommend['thanks'];
  /** The page with the review form. Once the question is answered, every score alike is offered "Write a review" there (as is the share panel of `ask="share"`); without it, none is. */
  'review-url'?: ZmotRecommend['reviewUrl'];
  /** The page with the review form. Once the question is answered, every score alike is offered "Write a review" there (as is the share panel of `ask="share"`); without it, none is. */
  reviewUrl?: ZmotRecommend['reviewUrl'];
  /** The product id; fills `{product}` in the feed URL template. */
  product?: ZmotRecommend['product'];
  /** Feed URL (template) for this element, overriding the script's `data-feed`. */
  feed?: ZmotRecommend['feed'];
  /** Where this element's events go, overriding the script's `data-endpoint`. */
  endpoint?: ZmotRecommend['endpoint'];
  /** A feed object given directly (contract section 3); used instead of fetching. */
  data?: ZmotRecommend['data'];
  /** `zmot-event`: Telemetry: `nps` (`score`, `comment`?), `share` (`channel`, `ref`), `render`, `impression`, `interaction` (`dismiss`, `review`), `error`. */
  'onzmot-event'?: (event: GlobalEventHandlersEventMap['zmot-event']) => void;
  /** `zmot-error`: A feed was configured for the product's name and URL but could not be loaded; the element works on with the page's. */
  'onzmot-error'?: (event: GlobalEventHandlersEventMap['zmot-error']) => void;
}

/** Props of `<zmot-review-form>`: Review form: star rating, title, text, name, consent; sends to the collector for moderation. */
export interface ZmotReviewFormProps {
  /** The product's name in the heading (default: the feed's product name; no feed is needed with it). */
  name?: ZmotReviewForm['name'];
  /** Also ask for the reviewer's job title and company (B2B reviews). */
  b2b?: ZmotReviewForm['b2b'];
  /** Where reviews are sent (default: the `/v1/reviews` beside the `endpoint` events go to, e.g. `https://c.example/v1/events` → `https://c.example/v1/reviews`). */
  action?: ZmotReviewForm['action'];
  /** The site id sent with the review (default: the script's `data-site`). */
  site?: ZmotReviewForm['site'];
  /** The product id; fills `{product}` in the feed URL template. */
  product?: ZmotReviewForm['product'];
  /** Feed URL (template) for this element, overriding the script's `data-feed`. */
  feed?: ZmotReviewForm['feed'];
  /** Where this element's events go, overriding the script's `data-endpoint`. */
  endpoint?: ZmotReviewForm['endpoint'];
  /** A feed object given directly (contract section 3); used instead of fetching. */
  data?: ZmotReviewForm['data'];
  /** `zmot-event`: Telemetry (widget `review-form`): `render`, `impression`, `interaction` with `start` (first input), `invalid` (errors shown before sending) and `submit` (the collector accepted the review), `error`. */
  'onzmot-event'?: (event: GlobalEventHandlersEventMap['zmot-event']) => void;
  /** `zmot-error`: A feed was configured for the product's name but could not be loaded; the form works on without it. */
  'onzmot-error'?: (event: GlobalEventHandlersEventMap['zmot-error']) => void;
}

/** Props of `<zmot-testimonials>`: Peer reviews and B2B references: list, grid or carousel, with filter, sort and paging. */
export interface ZmotTestimonialsProps {
  /** `list` (default), `grid` (columns as the element's own width allows) or `carousel` (one review at a time). */
  layout?: ZmotTestimonials['layout'];
  /** How many reviews show at first and each "Show more" adds; in the carousel, how many slides it has. */
  limit?: ZmotTestimonials['limit'];
  /** Leave out reviews with fewer stars than this (1–5). The element then says it shows a selection. */
  'min-rating'?: ZmotTestimonials['minRating'];
  /** Leave out reviews with fewer stars than this (1–5). The element then says it shows a selection. */
  minRating?: ZmotTestimonials['minRating'];
  /** Where every review of the product can be read: the selection notice's "See all" links there. Without it, "See all" shows every review in place (`min-rating` lifted, every loaded review in the carousel). */
  'all-url'?: ZmotTestimonials['allUrl'];
  /** Where every review of the product can be read: the selection notice's "See all" links there. Without it, "See all" shows every review in place (`min-rating` lifted, every loaded review in the carousel). */
  allUrl?: ZmotTestimonials['allUrl'];
  /** The page with `<zmot-review-form>` for this product: list and grid then offer "Write a review" in the summary header, and in the "No reviews yet" note. Offered to every visitor alike, whatever they saw. */
  'review-url'?: ZmotTestimonials['reviewUrl'];
  /** The page with `<zmot-review-form>` for this product: list and grid then offer "Write a review" in the summary header, and in the "No reviews yet" note. Offered to every visitor alike, whatever they saw. */
  reviewUrl?: ZmotTestimonials['reviewUrl'];
  /** `recent` (default), `highest` or `lowest`. The visitor can change it with the sort menu. */
  sort?: ZmotTestimonials['sort'];
  /** Carousel: move to the next review by itself (paused on hover, focus and under reduced motion). */
  autoplay?: ZmotTestimonials['autoplay'];
  /** Carousel with `autoplay`: milliseconds each review shows (at least 1000; default 7000). */
  interval?: ZmotTestimonials['interval'];
  /** Hide the sort menu. */
  'no-sort'?: ZmotTestimonials['noSort'];
  /** Hide the sort menu. */
  noSort?: ZmotTestimonials['noSort'];
  /** List and grid: hide the summary header (the site's own score, stars and number of reviews). */
  'no-summary'?: ZmotTestimonials['noSummary'];
  /** List and grid: hide the summary header (the site's own score, stars and number of reviews). */
  noSummary?: ZmotTestimonials['noSummary'];
  /** Don't add the shown reviews to the product's JSON-LD. */
  'no-structured-data'?: ZmotTestimonials['noStructuredData'];
  /** Don't add the shown reviews to the product's JSON-LD. */
  noStructuredData?: ZmotTestimonials['noStructuredData'];
  /** The product id; fills `{product}` in the feed URL template. */
  product?: ZmotTestimonials['product'];
  /** Feed URL (template) for this element, overriding the script's `data-feed`. */
  feed?: ZmotTestimonials['feed'];
  /** Where this element's events go, overriding the script's `data-endpoint`. */
  endpoint?: ZmotTestimonials['endpoint'];
  /** Show only reviews with exactly this many stars; `null` for all. A `<zmot-rating>`'s star rows set it. */
  stars?: ZmotTestimonials['stars'];
  /** A feed object given directly (contract section 3); used instead of fetching. */
  data?: ZmotTestimonials['data'];
  /** `zmot-filter`: The visitor cleared the star filter (`rating: null`); other testimonials for the product follow. */
  'onzmot-filter'?: (event: GlobalEventHandlersEventMap['zmot-filter']) => void;
  /** `zmot-error`: The feed is missing, slow, not JSON or invalid; the fallback is shown. */
  'onzmot-error'?: (event: GlobalEventHandlersEventMap['zmot-error']) => void;
  /** `zmot-event`: Every event the widget reports (`render`, `impression`, `interaction`, `error` …); `detail` is the event as it goes on the wire. */
  'onzmot-event'?: (event: GlobalEventHandlersEventMap['zmot-event']) => void;
}

/** Every zmot element, for any JSX runtime's `IntrinsicElements`. */
export interface ZmotJsxElements {
  /** The site owner's ZMOT/UMOT report from a collector, with sign-in, site and period pickers. */
  'zmot-dashboard': ZmotDashboardProps & HostProps<ZmotDashboard, ZmotDashboardProps>;
  /** Aggregate review score: stars, average, count; distribution and sources in the full variant. */
  'zmot-rating': ZmotRatingProps & HostProps<ZmotRating, ZmotRatingProps>;
  /** NPS question, then a referral share panel for promoters and a private feedback box for detractors. */
  'zmot-recommend': ZmotRecommendProps & HostProps<ZmotRecommend, ZmotRecommendProps>;
  /** Review form: star rating, title, text, name, consent; sends to the collector for moderation. */
  'zmot-review-form': ZmotReviewFormProps & HostProps<ZmotReviewForm, ZmotReviewFormProps>;
  /** Peer reviews and B2B references: list, grid or carousel, with filter, sort and paging. */
  'zmot-testimonials': ZmotTestimonialsProps & HostProps<ZmotTestimonials, ZmotTestimonialsProps>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends ZmotJsxElements {}
  }
}
