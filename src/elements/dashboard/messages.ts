/**
 * The dashboard's messages: English here, the eleven other languages in `messages/<lang>.ts`, all bundled
 * into `zmot-dashboard.js` only. They live apart from the widgets' catalogue (`i18n/messages/en.ts`)
 * because that one ships in the drop-in every shopper downloads. Same format: `{name}` placeholders, and
 * plural objects with one form per plural category of the language, picked by the `count` parameter.
 */
import type { Localizer } from '../../i18n/i18n.js';
import ar from './messages/ar.js';
import da from './messages/da.js';
import de from './messages/de.js';
import es from './messages/es.js';
import fr from './messages/fr.js';
import it from './messages/it.js';
import ja from './messages/ja.js';
import nl from './messages/nl.js';
import pl from './messages/pl.js';
import pt from './messages/pt.js';
import sv from './messages/sv.js';

export const messages = {
  title: 'ZMOT → UMOT report',
  signInTitle: 'Sign in to the zmot dashboard',
  signInHelp: 'Enter the owner token the collector was started with (its --token option or ZMOT_TOKEN). It is kept in this browser tab only, until you close it.',
  tokenLabel: 'Owner token',
  signIn: 'Sign in',
  signOut: 'Sign out',
  wrongToken: 'The collector at {src} did not accept this token. Check the token the collector was started with and try again.',
  tokenRequired: 'Enter the owner token.',
  site: 'Site',
  language: 'Language',
  period: 'Period',
  lastDays: { one: 'Last day', other: 'Last {count} days' },
  custom: 'Custom',
  from: 'From',
  to: 'To',
  periodProblemFrom: 'Enter a start date.',
  periodProblemTo: 'Enter an end date.',
  periodProblemOrder: 'The start date must not be after the end date.',
  periodProblemLong: 'A period may span at most 366 days.',
  comparedWith: '{period}, compared with {previous}',
  downloadCsv: 'Download CSV',
  loading: 'Loading the report…',
  unreachableTitle: 'The collector cannot be reached',
  unreachable: 'No answer from the collector at {src} ({reason}). Check that it is running, that the address is right, and that it allows this page’s origin (--allow-origin).',
  invalid: 'The server at {src} did not answer like a zmot collector ({reason}). Check the dashboard’s src address.',
  requestTitle: 'The collector refused the request',
  retry: 'Try again',
  emptyTitle: 'No events yet',
  empty: 'The collector has no events for {site} from {from} to {to}. Put this on your product pages to start collecting; events appear here within seconds.',
  noSitesTitle: 'No sites yet',
  noSites: 'The collector has not received any events yet. Put this on your product pages, with your own site id, to start collecting; events appear here within seconds.',
  copy: 'Copy snippet',
  copied: 'Copied',
  headline: 'Headline numbers',
  // Cards
  impressions: 'Viewable impressions',
  viewabilityRate: 'Viewability rate',
  interactionRate: 'Interaction rate',
  nps: 'NPS',
  shareRate: 'Share rate',
  referralLandings: 'Referral landings',
  conversions: 'Conversions',
  referralRevenue: 'Referral revenue',
  k: 'K (viral coefficient)',
  impressionsNote: 'of {renders} widgets rendered',
  viewabilityNote: 'of rendered widgets seen for 1 s or more',
  interactionNote: 'interactions ({interactions}) per viewable impression',
  npsNote: { one: 'from {count} answer', other: 'from {count} answers' },
  shareNote: 'shares ({count}) per viewable recommend prompt',
  landingsNote: 'visitors through a friend’s link',
  conversionsNote: '{referral} through referrals',
  revenueNote: 'from conversions through referrals',
  revenueOther: 'also {amounts}',
  kNote: 'new customers per sharing customer',
  noValue: 'no data',
  fromPrevious: 'from {previous}',
  changeUp: 'up {change} from {previous}',
  changeDown: 'down {change} from {previous}',
  changeSame: 'no change from {previous}',
  changeNew: 'nothing in the previous period',
  changeNone: 'no data in either period',
  points: { one: '{count} pt', other: '{count} pts' },
  previousPeriod: 'Previous period: {previous}.',
  nothingBefore: 'Nothing was counted in the previous period ({previous}), so the cards show no change.',
  // Funnel
  funnel: 'ZMOT → UMOT funnel',
  funnelHelp: 'Each step’s count, and its share of the step before.',
  step: 'Step',
  count: 'Count',
  ofPrevious: 'Of the step before',
  stepRendered: 'Widgets rendered',
  stepViewable: 'Seen (viewable)',
  stepInteracted: 'Interactions',
  stepAnswered: 'NPS answers',
  stepPromoters: 'Promoters (9–10)',
  stepShared: 'Shares',
  stepLanded: 'Referral landings',
  stepConverted: 'Conversions from referrals',
  // Charts
  daily: 'Day by day',
  zmotDaily: 'ZMOT: seen and used, per day',
  umotDaily: 'UMOT: recommended, per day',
  chartSummary: '{title}, from {from} to {to}. The data table below has every value.',
  dataTable: 'Data table',
  day: 'Day',
  renders: 'Rendered',
  interactions: 'Interactions',
  npsAnswers: 'NPS answers',
  shares: 'Shares',
  referralConversions: 'Referral conversions',
  npsDistribution: 'NPS answers by score',
  npsSummary: 'NPS {score}: {promoters} promoters, {passives} passives, {detractors} detractors.',
  npsNone: 'No NPS answers in this period.',
  score: 'Score',
  answers: 'Answers',
  share: 'Share',
  detractors: 'Detractors (0–6)',
  passives: 'Passives (7–8)',
  promoters: 'Promoters (9–10)',
  // Breakdowns
  breakdowns: 'Breakdowns',
  byProduct: 'By product',
  byWidget: 'By widget',
  byChannel: 'By share channel',
  product: 'Product',
  widget: 'Widget',
  channel: 'Channel',
  pageWide: '(page-wide)',
  noWidget: '(no widget: landings, conversions)',
  viewable: 'Viewable',
  errors: 'Errors',
  ofShares: 'Of all shares',
  noShares: 'No shares in this period.',
  showAll: { one: 'Show all {count} row', other: 'Show all {count} rows' },
  showFewer: 'Show fewer',
  // Live
  live: 'Live: the last 30 minutes',
  liveHelp: 'Events as they arrive, minute by minute; this updates by itself while the page is open.',
  liveChecked: 'Checked at {time}',
  liveFailed: 'The live view could not be updated; it tries again by itself.',
  // Reputation over time
  reputation: 'Reputation over time',
  reputationHelp: 'Each product’s score on every review site, as of the period’s end, against the previous period’s close. Every import keeps the day’s scores.',
  reputationNone: 'No reviews imported yet. Each zmot import keeps the day’s scores here.',
  source: 'Source',
  ownReviews: 'Your own reviews',
  combined: 'Combined (as the widgets show it)',
  reputationDaily: 'Combined score (of 5), day by day',
  score5: 'Score (of 5)',
  reviews: 'Reviews',
  trend: 'Change since the previous period',
  answered: 'Answered by you',
  replyTime: 'Median time to answer',
  // What customers said
  comments: 'What customers said',
  commentsHelp: 'Every NPS answer that came with a comment, newest first. Tick one once you have followed it up.',
  group: 'Group',
  allGroups: 'Everyone',
  allProducts: 'All products',
  detractor: 'Detractor',
  passive: 'Passive',
  promoter: 'Promoter',
  scoreValue: 'Score {score}',
  followedUp: 'Followed up',
  commentsShown: 'Shown: {shown} of {total}',
  commentsNone: 'No comments match these filters in this period.',
  showMore: 'Show more',
  commentsFailed: 'The comments could not be loaded: {reason}',
  handledFailed: 'The follow-up could not be saved: {reason}',
  liftTitle: 'Measured lift (holdout)',
  liftResult: 'Showing zmot’s widgets changed conversions by {lift} (95 % interval {low} to {high}) across {browsers} browsers.',
  liftNotYet: 'No result yet: {shown} browsers were shown the widgets and {held} were held out.',
  liftSpansZero: 'The interval includes no change: the effect is not proven either way yet.',
  liftMde: 'With this many browsers, only a change of {mde} or more would show.',
  liftSrm: 'Warning: the two groups are not the sizes a {share} holdout should give. Find the cause (a broken script, an ad blocker on one side) before trusting these numbers.',
  liftMixed: 'The held-out share changed during this period: these figures mix two experiments.',
  liftGroup: 'Group',
  liftShown: 'Shown the widgets',
  liftHeld: 'Held out',
  liftBrowsers: 'Browsers',
  liftRate: 'Conversion rate',
  liftRevenue: 'Revenue per browser',
  // Pages
  pages: 'Dashboard pages',
  pageReport: 'Report',
  pageReviews: 'Reviews',
  // Review collection (the funnel in the report)
  collectionTitle: 'Review collection',
  collectionHelp: 'From invitations to published reviews in this period. Each step is a share of the one before; approved and rejected are both shares of the reviews submitted. Visitors without an invitation see the form too, so a step can exceed the one before.',
  stepInvitations: 'Invitations created',
  stepFormViewed: 'Review form seen',
  stepFormStarted: 'Review form started',
  stepSubmitted: 'Reviews submitted',
  stepApproved: 'Approved',
  stepRejected: 'Rejected',
  verificationTitle: 'Approved reviews by verification',
  verification: 'Verification',
  approvedReviews: 'Approved reviews',
  meanRating: 'Mean rating (of 5)',
  // Reviews and moderation
  reviewsTitle: 'Reviews and moderation',
  reviewsHelp: 'Reviews customers wrote with the review form. None is published until you approve it. Reject a review only for one of the listed reasons, never for its rating.',
  reviewStatus: 'Status',
  statusPending: 'Waiting for moderation',
  statusApproved: 'Approved',
  statusRejected: 'Rejected',
  reviewsLoading: 'Loading the reviews…',
  reviewsNone: 'No reviews with this status.',
  reviewsShown: 'Reviews {first}–{last} of {total}',
  reviewsFailed: 'The reviews could not be loaded: {reason}',
  reviewPages: 'Pages of reviews',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  reviewBy: 'Review by {name}',
  stars: '{rating} of 5 stars',
  labels: 'Labels',
  labelVerified: 'Verified purchase',
  labelNotVerified: 'Not verified',
  labelInvited: 'Invited',
  labelIncentivized: 'Incentivized',
  labelIncentive: 'Incentivized: {incentive}',
  rejectedFor: 'Rejected: {reason}',
  yourReply: 'Your reply ({date})',
  approve: 'Approve',
  reject: 'Reject',
  reason: 'Reason to reject',
  chooseReason: 'Choose a reason',
  reasonSpam: 'Spam or advertising',
  reasonOffensive: 'Offensive or abusive',
  reasonPersonalData: 'Contains personal data',
  reasonOffTopic: 'Not about the product',
  reasonNotGenuine: 'Not a genuine experience',
  reasonRequired: 'Choose the reason for rejecting this review.',
  replyAction: 'Reply',
  editReply: 'Change the reply',
  replyLabel: 'Your reply as the shop',
  replyHelp: 'Shown under the review wherever it is published. At most {max} characters.',
  replyRequired: 'Write the reply first.',
  saveReply: 'Save the reply',
  history: 'History',
  historySubmitted: 'Submitted',
  historyApproved: 'Approved',
  historyRejected: 'Rejected',
  historyRejectedFor: 'Rejected: {reason}',
  historyReplied: 'Replied',
  announceApproved: 'The review by {name} is approved.',
  announceRejected: 'The review by {name} is rejected: {reason}.',
  announceReplied: 'Your reply to {name} is saved.',
  moderationFailed: 'Not saved: {reason}',
} as const;

export type DashboardMessage = keyof typeof messages;
export type Params = Record<string, string | number>;

/** A plural message: one form per plural category of the language (`other` always). */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** A catalogue of the dashboard: every English key, plain strings where English has one, plurals where it has one. */
export type DashboardMessages = {
  readonly [K in DashboardMessage]: (typeof messages)[K] extends string ? string : PluralMessage;
};

/** The dashboard's catalogues by language subtag (English is `messages`). */
export const dashboardCatalogues: ReadonlyMap<string, DashboardMessages> = new Map(
  Object.entries({ da, nl, de, fr, es, it, pt, sv, pl, ja, ar }),
);

/** The catalogue for a language tag: its language's (`de-AT` → `de`), else English. */
export function catalogue(locale: string): DashboardMessages {
  return dashboardCatalogues.get(locale.toLowerCase().split('-')[0] ?? '') ?? messages;
}

/** A dashboard message in the localizer's language, with plurals and `{name}` filled. */
export function message(l: Localizer, key: DashboardMessage, params: Params = {}): string {
  const entry: string | Partial<Record<string, string>> = catalogue(l.locale)[key];
  let template: string;
  if (typeof entry === 'string') {
    template = entry;
  } else {
    const count = Number(params.count ?? 0);
    template = entry[new Intl.PluralRules(l.locale).select(count)] ?? entry.other ?? '';
    if (typeof params.count === 'number') params = { ...params, count: l.number(params.count) };
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
