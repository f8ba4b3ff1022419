/**
 * The collector's report API answers (contract section 5), shared by the collector, which builds them, and
 * `<zmot-dashboard>`, which reads them: types and one constant, no other code. Definitions in docs/collector.md.
 *
 * Extensions to the contract, all additive: `umot.npsScores`, `Report.breakdown` (`?breakdown=product,widget`)
 * and `GET /v1/sites` (`SitesAnswer`). `GET /v1/comments` (contract section 9) answers a `CommentsAnswer`.
 */

export interface ZmotMetrics {
  renders: number;
  /** Viewable impressions: ≥ 50% of a widget in view of a visible, focused tab for 1 s. */
  impressions: number;
  /** impressions / renders */
  viewabilityRate: number | null;
  interactions: number;
  /** interactions / impressions */
  interactionRate: number | null;
  errors: number;
}

export interface UmotMetrics {
  nps: { promoters: number; passives: number; detractors: number; responses: number; score: number | null };
  /** NPS answers per score: index 0 to 10. */
  npsScores: number[];
  shares: number;
  sharesByChannel: Record<string, number>;
  /** Distinct referral codes that shared: the sharing visitors. */
  sharers: number;
  /** shares / viewable impressions of the recommend widget */
  shareRate: number | null;
  /** Landings through someone else's referral code (not the visitor's own). */
  referralLandings: number;
  /** Visitors landing on their own code; not referrals, reported apart. */
  selfLandings: number;
  conversions: number;
  referralConversions: number;
  /** referral conversions / referral landings */
  referralConversionRate: number | null;
  /** Sum of referral conversions' values, per currency (XXX: none given). */
  referralRevenue: Record<string, number>;
  revenue: Record<string, number>;
  /**
   * (shares / sharers) × (referral conversions / shares); when the site confirms orders (`confirming`), with
   * confirmed referral conversions only.
   */
  k: number | null;
  /**
   * Conversions whose order the shop's backend confirmed (`POST /v1/orders`): browsers report conversions, so
   * anyone can forge one; a confirmed one is an order the shop knows. Revenue is the shop's value when it gave
   * one. Added by collectors that take confirmations (absent from older ones).
   */
  confirmed?: ConfirmedMetrics;
  /** conversions − confirmed.conversions */
  unconfirmedConversions?: number;
  /** True when the site has confirmed any order: `k` and `referralRevenue` then count confirmed conversions only. */
  confirming?: boolean;
}

export interface ConfirmedMetrics {
  conversions: number;
  referralConversions: number;
  revenue: Record<string, number>;
  referralRevenue: Record<string, number>;
}

export interface PeriodMetrics {
  zmot: ZmotMetrics;
  umot: UmotMetrics;
}

/** What a report can be split by (`?breakdown=product,widget`). Share channels are in `umot.sharesByChannel`. */
export const BREAKDOWNS = ['product', 'widget'] as const;
export type BreakdownKind = (typeof BREAKDOWNS)[number];

/** One product's or widget's metrics over the whole period; `key` is "" for events that name none. */
export interface BreakdownRow extends PeriodMetrics {
  key: string;
}

export interface Report {
  site: string;
  from: string;
  to: string;
  product: string | null;
  total: PeriodMetrics;
  days: (PeriodMetrics & { day: string })[];
  /** Present when asked for with `breakdown`: rows by renders, most first. */
  breakdown?: Partial<Record<BreakdownKind, BreakdownRow[]>>;
  /** Present while a holdout runs (browsers were assigned in the period): contract §10, docs/lift.md. */
  lift?: LiftReport;
  /** The review-collection funnel (contract §8): present when the site has invitations or collected reviews. */
  collection?: CollectionFunnel;
}

/** One arm of a holdout in a period: its browsers, their conversions and revenue, and the rates. */
export interface LiftArm {
  browsers: number;
  conversions: number;
  /** Revenue in `LiftReport.currency`. */
  revenue: number;
  /** Conversions per browser; null without browsers. */
  rate: number | null;
  revenuePerBrowser: number | null;
}

/** The measured lift of showing zmot's widgets (contract §10). Ratios: 0.08 is +8 %. */
export interface LiftReport {
  shown: LiftArm;
  holdout: LiftArm;
  /** p_shown / p_holdout − 1; null while an arm has no browser. */
  relative: number | null;
  /** Its 95 % interval (on the log of the ratio); null with it. */
  interval: [number, number] | null;
  confidence: 0.95;
  /** Sample-ratio mismatch: the arms' sizes are not what the share predicts (χ², p < 0.001). */
  srm: boolean;
  /** The smallest relative lift detectable now (80 % power, 5 % level); null before any conversion. */
  mde: number | null;
  /** The share held out, from the assignments; the most common one when the period has several. */
  share: number | null;
  /** The period has assignments under more than one share: two experiments, whose conversions mix. */
  mixed: boolean;
  /** The currency of `revenue`: the period's most frequent among the arms' conversions (XXX for none). */
  currency: string;
}

/** A site the collector knows: one with events (first and last day with any), or one named by `--site`/`--allow-origin`. */
export interface SiteInfo {
  id: string;
  /** First and last day (UTC, yyyy-mm-dd) with events; null when there are none yet. */
  first: string | null;
  last: string | null;
}

/** `GET /v1/sites` */
export interface SitesAnswer {
  sites: SiteInfo[];
}

/** The NPS groups: detractors answered 0–6, passives 7–8, promoters 9–10. */
export const NPS_GROUPS = ['detractor', 'passive', 'promoter'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];

/** The group of an NPS score (0–10). */
export function npsGroup(score: number): NpsGroup {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/** One NPS answer that came with a comment (contract section 9). `comment` is the visitor's text: untrusted. */
export interface CommentItem {
  /** The NPS event's id. */
  id: string;
  score: number;
  comment: string;
  /** The product of the page it was given on; "" when the page named none. */
  product: string;
  /** When it was given (the page's clock corrected by the collector's), ISO 8601 in UTC. */
  date: string;
  /** Marked as followed up (`POST /v1/comments/{id}/handled`). */
  handled: boolean;
}

/** `GET /v1/comments`: newest first. `total` counts every comment matching the filters; `comments` holds at most `limit` from `offset`. */
export interface CommentsAnswer {
  comments: CommentItem[];
  total: number;
}

/** One source's reputation (or the combined one, source `*`) as of a day. */
export interface ReputationPoint {
  day: string;
  /** The score normalised to 5 (the combined one: the count-weighted mean the widgets show). */
  rating: number;
  count: number;
}

export interface ReputationSource {
  /** `own` for the site's own reviews, a source's id (`g2`, `google` …), or `*` for all combined. */
  source: string;
  /** The source's display name; "" for the site's own and the combined score. */
  name: string;
  /** The latest snapshot on or before `to`. */
  rating: number;
  count: number;
  /** The latest snapshot before `from`: the previous period's closing score; null when there is none. */
  previous: ReputationPoint | null;
  /** Share of this source's stored reviews the merchant answered; null when none is stored. */
  replyShare: number | null;
  /** Median days from a review to its answer, over answers with both dates; null when there are none. */
  medianReplyDays: number | null;
  /** The snapshots within the period, by day. */
  days: ReputationPoint[];
}

export interface ReputationProduct {
  product: string;
  combined: ReputationSource;
  /** The site's own first, then each source by name. */
  sources: ReputationSource[];
}

/** `GET /v1/reputation?site=S[&from=][&to=][&product=]`: how the scores moved, from the daily snapshots imports keep. */
export interface ReputationAnswer {
  site: string;
  from: string;
  to: string;
  products: ReputationProduct[];
}

/** One minute of `GET /v1/live`: events stored per type (scaled by 1 / sample). */
export interface LiveMinute {
  /** The minute's start, ISO 8601 in UTC. */
  minute: string;
  counts: Record<string, number>;
}

/** `GET /v1/live?site=S`: the events of the last 30 minutes, minute by minute, oldest first. */
export interface LiveAnswer {
  site: string;
  minutes: LiveMinute[];
  /** The sums over the 30 minutes, per type. */
  total: Record<string, number>;
}

/** A review collected by the collector (contract §8), as the owner's API answers it. */
export const REVIEW_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Why a review may be rejected: never its rating (contract §8). */
export const REJECT_REASONS = ['spam', 'offensive', 'personal-data', 'off-topic', 'not-genuine'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** One step in a collected review's life, oldest first. */
export interface ReviewHistoryItem {
  /** ISO 8601 in UTC. */
  at: string;
  action: 'submitted' | 'approved' | 'rejected' | 'replied';
  /** With `rejected`. */
  reason?: RejectReason;
  /** With `replied`: the reply's text. */
  body?: string;
}

/**
 * A collected review with its moderation state. Its text is the visitor's: untrusted. `verification` is
 * `purchase` only when a valid, unused invitation came with it.
 */
export interface ModeratedReview {
  id: string;
  site: string;
  product: string;
  status: ReviewStatus;
  rating: number;
  title?: string;
  body: string;
  author: { name: string; role?: string; company?: string };
  lang?: string;
  verification: 'purchase' | 'none';
  invited: boolean;
  incentivized: boolean;
  incentive?: string;
  /** When it was submitted, ISO 8601 in UTC. */
  date: string;
  reason?: RejectReason;
  reply?: { body: string; date: string };
  history: ReviewHistoryItem[];
}

/** `GET /v1/reviews`: newest first; `total` counts every review matching the filters. */
export interface ReviewsAnswer {
  reviews: ModeratedReview[];
  total: number;
}

/** The review-collection funnel of a period (contract §8), in `Report.collection`. */
export interface CollectionFunnel {
  /** Invitations created (`POST /v1/invitations`, `zmot invite`). */
  invitations: number;
  /** `<zmot-review-form>` seen (viewable impressions). */
  viewed: number;
  /** Forms a visitor began to fill in. */
  started: number;
  /** Reviews received (stored, whatever their status now). */
  submitted: number;
  approved: number;
  rejected: number;
  /** Approved reviews' count and mean rating by how they were verified. */
  byVerification: { verification: 'purchase' | 'none'; count: number; rating: number | null }[];
}
