import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { LangController } from '../core/lang-controller.js';
import { LOCALES, type Localizer } from '../../i18n/i18n.js';
import {
  NPS_GROUPS,
  npsGroup,
  REJECT_REASONS,
  REVIEW_STATUSES,
  type BreakdownRow,
  type CommentItem,
  type ModeratedReview,
  type NpsGroup,
  type RejectReason,
  type Report,
  type ReputationAnswer,
  type ReputationSource,
  type ReviewHistoryItem,
  type ReviewStatus,
  type SiteInfo,
} from '../../report/types.js';
import { tokens } from '../core/tokens.styles.js';
import { collectorBase, DashboardApiError, fetchComments, fetchReport, fetchReputation, fetchReviews, fetchSites, markHandled, moderate, type Moderation } from './api.js';
import { ChartController, type ChartSpec } from './chart.js';
import { LiveController } from './live.js';
import { csvFileName, viewCsv } from './csv.js';
import { message, type DashboardMessage, type Params } from './messages.js';
import {
  buildView,
  change,
  column,
  COLUMN_KINDS,
  PRODUCT_COLUMNS,
  reputationSeries,
  UMOT_SERIES,
  WIDGET_COLUMNS,
  ZMOT_SERIES,
  type Card,
  type CollectionStepId,
  type ColumnId,
  type FunnelStepId,
  type SeriesId,
  type ValueKind,
  type View,
} from './model.js';
import { days as periodDays, DEFAULT_DAYS, isDay, lastDays, length, periodProblem, PRESETS, previous, today, type Period } from './period.js';
import { styles } from './dashboard.styles.js';

/** Detail of `zmot-export`: the CSV about to be downloaded. */
export interface ZmotExportDetail {
  csv: string;
  filename: string;
}

const STORAGE_PREFIX = 'zmot-dashboard-token ';
/** Product rows shown before "Show all". */
const PRODUCT_ROWS = 10;
/** Comments asked for at first, and more each time "Show more" is pressed. */
const COMMENTS_PAGE = 20;
/** Reviews on a page of the Reviews view. */
const REVIEWS_PAGE = 20;
/** The longest reply the collector takes (contract section 8). */
const REPLY_MAX = 2000;

/** The dashboard's pages: the report (the default), and the reviews with their moderation. */
export type DashboardPage = 'report' | 'reviews';

/** What the live view counts, with its label. */
const LIVE_TYPES = [
  ['render', 'renders'],
  ['impression', 'impressions'],
  ['interaction', 'interactions'],
  ['nps', 'npsAnswers'],
  ['share', 'shares'],
  ['referral_landing', 'referralLandings'],
  ['conversion', 'conversions'],
] as const satisfies readonly (readonly [string, DashboardMessage])[];

const GROUP_LABELS = { detractor: 'detractors', passive: 'passives', promoter: 'promoters' } as const satisfies Record<NpsGroup, DashboardMessage>;

const SERIES_LABELS: Record<SeriesId, DashboardMessage> = {
  renders: 'renders',
  impressions: 'impressions',
  interactions: 'interactions',
  npsAnswers: 'npsAnswers',
  shares: 'shares',
  referralLandings: 'referralLandings',
  referralConversions: 'referralConversions',
};

const COLUMN_LABELS: Record<ColumnId, DashboardMessage> = {
  ...SERIES_LABELS,
  impressions: 'viewable',
  viewabilityRate: 'viewabilityRate',
  interactionRate: 'interactionRate',
  errors: 'errors',
  nps: 'nps',
};

const FUNNEL_LABELS = {
  rendered: 'stepRendered',
  viewable: 'stepViewable',
  interacted: 'stepInteracted',
  answered: 'stepAnswered',
  promoters: 'stepPromoters',
  shared: 'stepShared',
  landed: 'stepLanded',
  converted: 'stepConverted',
} as const satisfies Record<string, DashboardMessage>;

const COLLECTION_LABELS = {
  invitations: 'stepInvitations',
  viewed: 'stepFormViewed',
  started: 'stepFormStarted',
  submitted: 'stepSubmitted',
  approved: 'stepApproved',
  rejected: 'stepRejected',
} as const satisfies Record<CollectionStepId, DashboardMessage>;

const STATUS_LABELS = { pending: 'statusPending', approved: 'statusApproved', rejected: 'statusRejected' } as const satisfies Record<ReviewStatus, DashboardMessage>;

const REASON_LABELS = {
  spam: 'reasonSpam',
  offensive: 'reasonOffensive',
  'personal-data': 'reasonPersonalData',
  'off-topic': 'reasonOffTopic',
  'not-genuine': 'reasonNotGenuine',
} as const satisfies Record<RejectReason, DashboardMessage>;

const HISTORY_LABELS = {
  submitted: 'historySubmitted',
  approved: 'historyApproved',
  rejected: 'historyRejected',
  replied: 'historyReplied',
} as const satisfies Record<ReviewHistoryItem['action'], DashboardMessage>;

/** The dashboard's languages, English first. */
const LANGUAGES: readonly string[] = ['en', ...LOCALES];

/** A language by its own name ("Deutsch", "polski", "العربية"). */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function storage(): Storage | undefined {
  try {
    return sessionStorage;
  } catch {
    return undefined;
  }
}

/**
 * The site owner's ZMOT → UMOT report from a zmot collector: headline numbers with their change against the
 * previous period of the same length, the funnel from rendered widgets to conversions from referrals, daily
 * charts, the NPS distribution, what customers said (the NPS comments, filtered by group and product, each to
 * be marked as followed up), breakdowns by product, widget and share channel, and the review-collection funnel,
 * with a CSV export. Its Reviews page holds the collected reviews' moderation: the pending queue, approve,
 * reject for a reason of the fixed list, reply as the merchant, each review's history.
 * Without a token it asks the owner to sign in; the token is kept in the tab's session storage.
 *
 * The collector serves it as its page at `/`. The drop-in (`zmot.js`) defines `zmot-dashboard` as a small
 * loader that fetches this element from `zmot-dashboard.js` beside it on first use.
 *
 * @tagname zmot-dashboard
 * @summary The site owner's ZMOT/UMOT report from a collector, with sign-in, site and period pickers.
 *
 * @csspart base - The outer box.
 * @csspart header - The title, site and period pickers, export and sign-out.
 * @csspart sign-in - The sign-in form.
 * @csspart state - The panel of a state other than the report: loading, empty, unreachable, refused.
 * @csspart card - One headline number.
 * @csspart funnel - The funnel table.
 * @csspart chart - A chart's drawing box.
 * @csspart table - A data or breakdown table.
 * @csspart comment - One customer's comment, with its score, product, date and follow-up box.
 * @csspart review - One collected review on the Reviews page, with its labels, history and moderation.
 *
 * @cssprop --zmot-color-text - Text colour (default: the system's, light or dark).
 * @cssprop --zmot-color-surface - Background of the element, cards and panels (default: the system's).
 * @cssprop --zmot-color-border - Borders of cards, panels and table rows.
 * @cssprop --zmot-color-track - Bar tracks and code background.
 * @cssprop --zmot-color-focus - Focus ring colour.
 * @cssprop --zmot-dashboard-color-muted - Secondary text and axes.
 * @cssprop --zmot-dashboard-color-bar - Funnel and breakdown bars, the primary button.
 * @cssprop --zmot-dashboard-color-up - A change for the better.
 * @cssprop --zmot-dashboard-color-down - A change for the worse.
 * @cssprop --zmot-dashboard-color-error - Error text and the error panel's edge.
 * @cssprop --zmot-dashboard-color-grid - Chart grid lines.
 * @cssprop --zmot-dashboard-series-1 - First line of a daily chart (then -2, -3, -4).
 * @cssprop --zmot-dashboard-nps-detractor - NPS bars 0–6.
 * @cssprop --zmot-dashboard-nps-passive - NPS bars 7–8.
 * @cssprop --zmot-dashboard-nps-promoter - NPS bars 9–10.
 * @cssprop --zmot-radius - Corner radius.
 * @cssprop --zmot-space - Base spacing.
 * @cssprop --zmot-font-family - Font family (default: the page's).
 *
 * @fires {CustomEvent<ZmotExportDetail>} zmot-export - The owner asked for the CSV (`detail`: `csv`, `filename`); cancel it to handle the file yourself.
 */
export class ZmotDashboard extends LitElement {
  static override styles = [tokens, styles];

  /** The collector's base URL (default: the page's own folder, as on the collector's page at `/`). */
  @property() src?: string;

  /** The site id to report on (default: the collector's site with the latest events). Set by the site picker. */
  @property({ reflect: true }) site?: string;

  /** First day, yyyy-mm-dd (UTC) (default: 29 days before `to`). Set by the period picker. */
  @property({ reflect: true }) from?: string;

  /** Last day, yyyy-mm-dd (UTC), inclusive (default: today). Set by the period picker. */
  @property({ reflect: true }) to?: string;

  /** Report on one product only. */
  @property() product?: string;

  /** `reviews` shows the Reviews page (moderation of collected reviews) instead of the report. Set by the page switch. */
  @property({ reflect: true }) page?: DashboardPage;

  /**
   * Keeps the site and the period in the page's address (`?site=&from=&to=`): a report's address can be shared
   * and bookmarked, and the browser's back button returns to the period before. The collector's page sets it.
   */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  /**
   * Shows a language choice (the 12 languages, each by its own name) that sets this element's `lang`; with
   * `sync-url` the choice goes into the address too (`?lang=`). The collector's page sets it.
   */
  @property({ type: Boolean, attribute: 'language-picker' }) languagePicker = false;

  /** Milliseconds between two looks at the live view (`GET /v1/live`, with its ETag). */
  @property({ type: Number, attribute: 'live-interval' }) liveInterval = 10_000;

  /** The owner's token. Set it, or let the owner sign in; the sign-in keeps it in the tab's session storage. */
  @property({ attribute: false }) token?: string;

  @state() private signInProblem: DashboardMessage | null = null;
  @state() private allProducts = false;
  @state() private copied = false;
  /** The comments' filters: an NPS group, and a product ("" page-wide) or undefined for all. */
  @state() private commentGroup: NpsGroup | undefined;
  @state() private commentProduct: string | undefined;
  @state() private commentLimit = COMMENTS_PAGE;
  /** Follow-up marks set here since the comments loaded, by comment id. */
  @state() private marks: ReadonlyMap<string, boolean> = new Map();
  @state() private markProblem = '';
  /** The Reviews page: the status shown, the first review's offset, a counter that asks the page again. */
  @state() private reviewStatus: ReviewStatus = 'pending';
  @state() private reviewOffset = 0;
  @state() private reviewReload = 0;
  /** Reviews moderated here since the page loaded, by id: the collector's answer to each. */
  @state() private reviewEdits: ReadonlyMap<string, ModeratedReview> = new Map();
  /** Reviews with a moderation under way. */
  @state() private reviewBusy: ReadonlySet<string> = new Set();
  /** Per review: why its last moderation failed, and the field to fix when it is one. */
  @state() private reviewProblems: ReadonlyMap<string, { field?: 'reason' | 'reply'; text: string }> = new Map();
  /** What the last moderation did, in words (a status line). */
  @state() private reviewAnnouncement = '';

  private readonly langController = new LangController(this);
  private readonly charts = new ChartController(this, () => ({
    number: (n) => this.l.number(n, { maximumFractionDigits: 1 }),
    day: (d) => this.formatDay(d),
    axisDay: (d) => this.formatDay(d, { month: 'short', day: 'numeric' }),
  }));
  private readonly live = new LiveController(
    this,
    () => (this.token && this.currentSite && this.view && this.page !== 'reviews' ? { base: this.base, token: this.token, site: this.currentSite } : undefined),
    () => this.liveInterval,
  );
  private focusAfterRender: 'token' | 'title' | null = null;
  /** After a review left the list: the position whose review gets the focus (the next one, else the one before). */
  private reviewFocus: number | null = null;
  /** After a page of reviews was picked: its first review gets the focus once it has arrived. */
  private reviewFocusOnLoad = false;
  private storedFor?: string;

  private readonly sitesTask = new Task(this, {
    args: () => [this.base, this.token] as const,
    task: async ([base, token], { signal }): Promise<SiteInfo[] | undefined | typeof initialState> => {
      if (!token) return initialState;
      return this.refusedTokenCheck(fetchSites(base, token, signal));
    },
  });

  private readonly reportTask = new Task(this, {
    args: () => [this.base, this.token, this.currentSite, this.period.from, this.period.to, this.product] as const,
    task: async ([base, token, site, from, to, product], { signal }) => {
      if (!token || !site || periodProblem({ from, to })) return initialState;
      const before = previous({ from, to });
      const [current, earlier] = await this.refusedTokenCheck(
        Promise.all([
          fetchReport(base, token, { site, from, to, product, breakdown: 'product,widget' }, signal),
          fetchReport(base, token, { site, ...before, product }, signal),
        ]),
      );
      return buildView(current, earlier satisfies Report);
    },
  });

  private readonly commentsTask = new Task(this, {
    args: () =>
      [this.base, this.token, this.currentSite, this.period.from, this.period.to, this.product ?? this.commentProduct, this.commentGroup, this.commentLimit] as const,
    task: async ([base, token, site, from, to, product, group, limit], { signal }) => {
      if (!token || !site || periodProblem({ from, to })) return initialState;
      return fetchComments(base, token, { site, from, to, product, group, limit }, signal);
    },
  });

  private readonly reputationTask = new Task(this, {
    args: () => [this.base, this.token, this.currentSite, this.period.from, this.period.to, this.product] as const,
    task: async ([base, token, site, from, to, product], { signal }) => {
      if (!token || !site || periodProblem({ from, to })) return initialState;
      return fetchReputation(base, token, { site, from, to, product }, signal);
    },
  });

  private readonly reviewsTask = new Task(this, {
    args: () =>
      [this.base, this.token, this.page === 'reviews' ? this.currentSite : undefined, this.product, this.reviewStatus, this.reviewOffset, this.reviewReload] as const,
    task: async ([base, token, site, product, status, offset], { signal }) => {
      if (!token || !site) return initialState;
      return this.refusedTokenCheck(fetchReviews(base, token, { site, status, product, limit: REVIEWS_PAGE, offset }, signal));
    },
    onComplete: (answer) => {
      // The collector's answer now holds every moderation made here.
      this.reviewEdits = new Map();
      if (this.reviewFocusOnLoad) {
        this.reviewFocusOnLoad = false;
        this.reviewFocus = 0;
      }
      // The page emptied by moderation while more remain: show the last page that has any.
      if (answer.reviews.length === 0 && answer.total > 0 && this.reviewOffset > 0) {
        this.reviewOffset = Math.floor((answer.total - 1) / REVIEWS_PAGE) * REVIEWS_PAGE;
      }
    },
  });

  /** Messages and `Intl` formatting in this element's language. */
  private get l(): Localizer {
    return this.langController.l;
  }

  private t(key: DashboardMessage, params?: Params): string {
    return message(this.l, key, params);
  }

  private get base(): string {
    return collectorBase(this.src, document.baseURI);
  }

  private get storageKey(): string {
    return STORAGE_PREFIX + this.base;
  }

  /** The period asked for: `from` and `to`, each defaulting as documented. */
  get period(): Period {
    const to = this.to ?? today();
    const from = this.from ?? (isDay(to) ? lastDays(DEFAULT_DAYS, to).from : '');
    return { from, to };
  }

  /** The site reported on: the `site` attribute, else the collector's site with the latest events. */
  get currentSite(): string | undefined {
    if (this.site) return this.site;
    const sites = this.sitesTask.value ?? [];
    const withData = sites.filter((s) => s.last).sort((a, b) => (a.last! < b.last! ? 1 : a.last! > b.last! ? -1 : 0));
    return (withData[0] ?? sites[0])?.id;
  }

  /** What is on screen, once the report has loaded. */
  get view(): View | undefined {
    return this.reportTask.value;
  }

  /** The comments shown, with the follow-up marks set since they loaded. */
  get comments(): CommentItem[] {
    return (this.commentsTask.value?.comments ?? []).map((c) => (this.marks.has(c.id) ? { ...c, handled: this.marks.get(c.id)! } : c));
  }

  /** The reviews shown on the Reviews page, with the moderations made since they loaded; those that left the status shown are gone. */
  get reviews(): ModeratedReview[] {
    return (this.reviewsTask.value?.reviews ?? []).map((r) => this.reviewEdits.get(r.id) ?? r).filter((r) => r.status === this.reviewStatus);
  }

  /** The CSV of what is shown, or undefined before a report has loaded. */
  toCSV(): string | undefined {
    return this.view && viewCsv(this.view, this.comments);
  }

  /** Forgets the token, here and in session storage, and shows the sign-in. */
  signOut(): void {
    storage()?.removeItem(this.storageKey);
    this.token = undefined;
    this.signInProblem = null;
    this.focusAfterRender = 'token';
  }

  /** Site and period from the page's address; on the first read, only those the address names. */
  private readAddress(first: boolean): void {
    const params = new URL(location.href).searchParams;
    const read = (name: string, valid: (value: string) => boolean) => {
      const value = params.get(name);
      return value && valid(value) ? value : undefined;
    };
    const values = { site: read('site', Boolean), from: read('from', isDay), to: read('to', isDay) };
    for (const name of ['site', 'from', 'to'] as const) {
      if (!first || values[name] !== undefined) this[name] = values[name];
    }
    const page = read('page', (value) => value === 'reviews') as DashboardPage | undefined;
    if (!first || page) this.page = page;
    const lang = read('lang', (value) => LANGUAGES.includes(value));
    if (lang) this.lang = lang;
  }

  private readonly onPopState = (): void => this.readAddress(false);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl) {
      this.readAddress(true);
      addEventListener('popstate', this.onPopState);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.onPopState);
  }

  /** After the owner picked a site or period: a new entry in the browser's history, with them in the address. */
  private pushAddress(): void {
    if (!this.syncUrl) return;
    const url = new URL(location.href);
    const { from, to } = this.period;
    const values: Record<string, string | undefined> = {
      site: this.currentSite,
      from,
      to,
      lang: this.languagePicker ? this.lang || undefined : undefined,
      page: this.page === 'reviews' ? 'reviews' : undefined,
    };
    for (const [name, value] of Object.entries(values)) {
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    if (url.href !== location.href) history.pushState(null, '', url);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The token kept for this collector, once per collector address.
    if (this.storedFor !== this.base) {
      this.storedFor = this.base;
      if (!changed.has('token') || this.token === undefined) this.token = storage()?.getItem(this.storageKey) ?? undefined;
    }
  }

  protected override updated(): void {
    const focus = this.focusAfterRender;
    this.focusAfterRender = null;
    if (focus) this.renderRoot.querySelector<HTMLElement>(focus === 'token' ? '#token' : 'h2')?.focus();
    if (this.reviewFocus !== null) {
      // A review left the list: its successor's heading, else its predecessor's, else the list's status line.
      const headings = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-review] h4')];
      const target = headings[Math.min(this.reviewFocus, headings.length - 1)] ?? this.renderRoot.querySelector<HTMLElement>('[data-reviews-status]');
      this.reviewFocus = null;
      target?.focus();
    }
  }

  /** A refused token is forgotten, so the sign-in shows again. */
  private async refusedTokenCheck<T>(call: Promise<T>): Promise<T> {
    try {
      const result = await call;
      storage()?.setItem(this.storageKey, this.token ?? '');
      return result;
    } catch (error) {
      if (error instanceof DashboardApiError && error.reason === 'unauthorized') {
        storage()?.removeItem(this.storageKey);
        this.token = undefined;
        this.signInProblem = 'wrongToken';
        this.focusAfterRender = 'token';
      }
      throw error;
    }
  }

  private signIn(event: SubmitEvent): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('token') as HTMLInputElement;
    const token = input.value.trim();
    if (!token) {
      this.signInProblem = 'tokenRequired';
      this.focusAfterRender = 'token';
      return;
    }
    this.signInProblem = null;
    this.token = token;
    this.focusAfterRender = 'title';
  }

  private pickSite(event: Event): void {
    this.site = (event.target as HTMLSelectElement).value;
    this.allProducts = false;
    this.reviewOffset = 0;
    this.pushAddress();
  }

  private pickPage(page: DashboardPage): void {
    this.page = page === 'reviews' ? page : undefined;
    this.pushAddress();
  }

  private pickReviewStatus(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.reviewStatus = (REVIEW_STATUSES as readonly string[]).includes(value) ? (value as ReviewStatus) : 'pending';
    this.reviewOffset = 0;
    this.reviewAnnouncement = '';
  }

  private pickReviewPage(offset: number): void {
    this.reviewOffset = Math.max(0, offset);
    this.reviewAnnouncement = '';
    this.reviewFocusOnLoad = true;
  }

  private setReviewProblem(id: string, problem?: { field?: 'reason' | 'reply'; text: string }): void {
    const problems = new Map(this.reviewProblems);
    if (problem) problems.set(id, problem);
    else problems.delete(id);
    this.reviewProblems = problems;
  }

  /** Rejects for the reason picked; without one, says so at the field and moves the focus there. */
  private rejectReview(review: ModeratedReview, index: number, event: SubmitEvent): void {
    event.preventDefault();
    const select = (event.target as HTMLFormElement).elements.namedItem('reason') as HTMLSelectElement;
    const reason = REJECT_REASONS.find((r) => r === select.value);
    if (!reason) {
      this.setReviewProblem(review.id, { field: 'reason', text: this.t('reasonRequired') });
      select.focus();
      return;
    }
    void this.moderateReview(review, index, { action: 'reject', reason });
  }

  /** Sends the merchant's reply; an empty one is said at the field. */
  private replyToReview(review: ModeratedReview, index: number, event: SubmitEvent): void {
    event.preventDefault();
    const field = (event.target as HTMLFormElement).elements.namedItem('reply') as HTMLTextAreaElement;
    const body = field.value.trim();
    if (!body) {
      this.setReviewProblem(review.id, { field: 'reply', text: this.t('replyRequired') });
      field.focus();
      return;
    }
    void this.moderateReview(review, index, { action: 'reply', body });
  }

  /**
   * Sends a moderation and shows the collector's answer: a review that no longer has the status shown leaves the
   * list (the focus goes to the next one) and the page is asked again to fill its place; the result is said in
   * the status line, a refusal at the review.
   */
  private async moderateReview(review: ModeratedReview, index: number, moderation: Moderation): Promise<void> {
    const { id } = review;
    // One moderation of a review at a time. Its buttons say so with aria-disabled, not disabled, which would
    // drop the keyboard focus.
    if (this.reviewBusy.has(id)) return;
    this.reviewBusy = new Set(this.reviewBusy).add(id);
    this.setReviewProblem(id);
    this.reviewAnnouncement = '';
    try {
      const stored = await this.refusedTokenCheck(moderate(this.base, this.token ?? '', id, moderation, new AbortController().signal));
      this.reviewEdits = new Map(this.reviewEdits).set(id, stored);
      const name = stored.author.name;
      this.reviewAnnouncement =
        moderation.action === 'approve'
          ? this.t('announceApproved', { name })
          : moderation.action === 'reject'
            ? this.t('announceRejected', { name, reason: this.t(REASON_LABELS[moderation.reason]) })
            : this.t('announceReplied', { name });
      if (stored.status !== this.reviewStatus) {
        this.reviewFocus = index;
        this.reviewReload++;
      }
    } catch (error) {
      // A refused token: the sign-in shows (refusedTokenCheck).
      if (error instanceof DashboardApiError && error.reason === 'unauthorized') return;
      const reason = error instanceof Error && error.message ? error.message : String(error);
      this.setReviewProblem(id, { text: this.t('moderationFailed', { reason }) });
    } finally {
      const busy = new Set(this.reviewBusy);
      busy.delete(id);
      this.reviewBusy = busy;
    }
  }

  private pickPreset(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'custom') return;
    const period = lastDays(Number(value), today());
    this.from = period.from;
    this.to = period.to;
    this.pushAddress();
  }

  private pickDay(which: 'from' | 'to', event: Event): void {
    this[which] = (event.target as HTMLInputElement).value;
    if (!periodProblem(this.period)) this.pushAddress();
  }

  private exportCsv(): void {
    const view = this.view;
    if (!view) return;
    const detail: ZmotExportDetail = { csv: viewCsv(view, this.comments), filename: csvFileName(view) };
    const event = new CustomEvent<ZmotExportDetail>('zmot-export', { detail, bubbles: true, composed: true, cancelable: true });
    if (!this.dispatchEvent(event)) return;
    const url = URL.createObjectURL(new Blob([detail.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = detail.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  private pickLanguage(event: Event): void {
    this.lang = (event.target as HTMLSelectElement).value;
    this.pushAddress();
  }

  private pickCommentGroup(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.commentGroup = (NPS_GROUPS as readonly string[]).includes(value) ? (value as NpsGroup) : undefined;
    this.commentLimit = COMMENTS_PAGE;
  }

  private pickCommentProduct(products: readonly string[], event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.commentProduct = value === '' ? undefined : products[Number(value)];
    this.commentLimit = COMMENTS_PAGE;
  }

  private async toggleHandled(comment: CommentItem, event: Event): Promise<void> {
    const box = event.target as HTMLInputElement;
    const handled = box.checked;
    this.marks = new Map(this.marks).set(comment.id, handled);
    try {
      await markHandled(this.base, this.token ?? '', comment.id, handled, new AbortController().signal);
      this.markProblem = '';
    } catch (error) {
      this.marks = new Map(this.marks).set(comment.id, !handled);
      box.checked = !handled;
      this.markProblem = this.t('handledFailed', { reason: error instanceof Error ? error.message : String(error) });
    }
  }

  private async copySnippet(event: Event): Promise<void> {
    const code = (event.target as HTMLElement).closest('.panel')?.querySelector('code');
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
      this.copied = true;
    } catch {
      // No clipboard: select the snippet for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    }
  }

  // ——— Formatting ———

  private formatDay(day: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return this.l.date(new Date(`${day}T00:00:00Z`), { ...options, timeZone: 'UTC' });
  }

  private formatPeriod(period: Period): string {
    return new Intl.DateTimeFormat(this.l.locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
      new Date(`${period.from}T00:00:00Z`),
      new Date(`${period.to}T00:00:00Z`),
    );
  }

  private formatValue(value: number | null, kind: ValueKind, currency = 'XXX'): string {
    const l = this.l;
    if (value === null) return '–';
    switch (kind) {
      case 'count':
        return l.number(value, { maximumFractionDigits: 1 });
      case 'rate':
        return l.number(value, { style: 'percent', maximumFractionDigits: 1 });
      case 'score':
        return l.number(value, { maximumFractionDigits: 0 });
      case 'decimal':
        return l.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      case 'money':
        return currency === 'XXX'
          ? l.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
          : l.number(value, { style: 'currency', currency });
    }
  }

  // ——— Render ———

  protected override render(): TemplateResult {
    if (!this.token) return this.renderShell(this.renderSignIn());
    const sites = this.sitesTask;
    if (sites.status === TaskStatus.ERROR) return this.renderShell(this.renderFailure(sites.error, () => void sites.run()));
    if (sites.status !== TaskStatus.COMPLETE) return this.renderShell(this.renderLoading(), true);
    const site = this.currentSite;
    if (!site) return this.renderShell(html`${this.renderHeader(undefined)}${this.renderEmpty(undefined)}`);
    if (this.page === 'reviews') {
      const reviews = this.reviewsTask;
      return this.renderShell(html`${this.renderHeader(site)}${this.renderReviews()}`, reviews.status === TaskStatus.PENDING || reviews.status === TaskStatus.INITIAL);
    }
    const period = this.period;
    const problem = periodProblem(period);
    const report = this.reportTask;
    let body: TemplateResult | typeof nothing = nothing;
    if (problem) body = nothing;
    else if (report.status === TaskStatus.ERROR) body = this.renderFailure(report.error, () => void report.run());
    else if (!report.value) body = this.renderLoading();
    else if (report.value.empty) body = this.renderEmpty(site);
    else body = this.renderReport(report.value);
    const busy = report.status === TaskStatus.PENDING || (report.status === TaskStatus.INITIAL && !problem);
    return this.renderShell(html`${this.renderHeader(site)}${body}`, busy);
  }

  private renderShell(content: TemplateResult, busy = false): TemplateResult {
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'}>${this.renderLanguages()}${content}</div>`;
  }

  private renderLanguages(): TemplateResult | typeof nothing {
    if (!this.languagePicker) return nothing;
    const current = this.l.locale.split('-')[0] ?? 'en';
    return html`<div class="languages">
      <label>${this.t('language')}
        <select @change=${this.pickLanguage}>
          ${LANGUAGES.map((code) => html`<option value=${code} lang=${code} ?selected=${code === current}>${languageName(code)}</option>`)}
        </select>
      </label>
    </div>`;
  }

  private renderSignIn(): TemplateResult {
    const problem = this.signInProblem ? this.t(this.signInProblem, { src: this.base }) : '';
    return html`<div class="panel" part="sign-in">
      <h2 tabindex="-1">${this.t('signInTitle')}</h2>
      <p class="muted" id="token-help">${this.t('signInHelp')}</p>
      <form class="sign-in" @submit=${this.signIn} novalidate>
        <div class="row">
          <label for="token">${this.t('tokenLabel')}
            <input id="token" name="token" type="password" autocomplete="off" spellcheck="false" required
              aria-describedby=${problem ? 'token-help token-problem' : 'token-help'} aria-invalid=${problem ? 'true' : 'false'} />
          </label>
          <button class="primary" type="submit">${this.t('signIn')}</button>
        </div>
        <p id="token-problem" class="field-error" role="alert">${problem}</p>
      </form>
    </div>`;
  }

  private renderFailure(error: unknown, retry: () => void): TemplateResult {
    // A refused token: the sign-in shows on the next render (see refusedTokenCheck).
    if (error instanceof DashboardApiError && error.reason === 'unauthorized') return this.renderLoading();
    const reason = error instanceof DashboardApiError ? error.reason : 'unreachable';
    const detail = error instanceof Error ? error.message : String(error);
    const [title, text] =
      reason === 'request'
        ? [this.t('requestTitle'), detail]
        : reason === 'invalid'
          ? [this.t('unreachableTitle'), this.t('invalid', { src: this.base, reason: detail })]
          : [this.t('unreachableTitle'), this.t('unreachable', { src: this.base, reason: detail })];
    return html`<div class="panel error" part="state" role="alert" data-state=${reason}>
      <h2 tabindex="-1">${title}</h2>
      <p>${text}</p>
      <div><button type="button" @click=${retry}>${this.t('retry')}</button></div>
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="loading" part="state" data-state="loading"><p role="status">${this.t('loading')}</p></div>`;
  }

  private snippet(site: string | undefined): string {
    const base = this.base;
    const id = site ?? 'your-site-id';
    return `<script type="module" src="${base}zmot.js"
        data-site="${id}"
        data-feed="${base}v1/feeds/${id}/{product}"
        data-endpoint="${base}v1/events"></script>
<zmot-rating product="your-product-id"></zmot-rating>`;
  }

  private renderEmpty(site: string | undefined): TemplateResult {
    const period = this.period;
    return html`<div class="panel" part="state" data-state="empty">
      <h2 tabindex="-1">${this.t(site ? 'emptyTitle' : 'noSitesTitle')}</h2>
      <p>${site
        ? this.t('empty', { site, from: this.formatDay(period.from), to: this.formatDay(period.to) })
        : this.t('noSites')}</p>
      <pre><code>${this.snippet(site)}</code></pre>
      <div>
        <button type="button" @click=${this.copySnippet}>${this.t('copy')}</button>
        <span role="status" class="muted">${this.copied ? this.t('copied') : ''}</span>
      </div>
    </div>`;
  }

  private renderHeader(site: string | undefined): TemplateResult {
    const sites = this.sitesTask.value;
    const period = this.period;
    const problem = periodProblem(period);
    const preset =
      !this.from && !this.to ? DEFAULT_DAYS : !problem && period.to === today() ? (PRESETS as readonly number[]).find((n) => n === length(period)) : undefined;
    const ids = sites?.map((s) => s.id) ?? [];
    if (site && !ids.includes(site)) ids.unshift(site);
    const problemText = problem ? this.t(`periodProblem${problem[0]!.toUpperCase()}${problem.slice(1)}` as DashboardMessage) : '';
    const reviews = this.page === 'reviews';
    return html`<header part="header">
      <div>
        <h2 tabindex="-1">${this.t('title')}${site ? html`<span class="muted">: ${site}</span>` : nothing}</h2>
        ${site && !problem && !reviews
          ? html`<p class="period-note muted">${this.t('comparedWith', { period: this.formatPeriod(period), previous: this.formatPeriod(previous(period)) })}</p>`
          : nothing}
      </div>
      <div class="toolbar">
        ${site
          ? html`<label>${this.t('site')}
                <select @change=${this.pickSite} .value=${site}>
                  ${ids.map((id) => html`<option value=${id} ?selected=${id === site}>${id}</option>`)}
                </select>
              </label>`
          : nothing}
        ${site && !reviews
          ? html`<label>${this.t('period')}
                <select @change=${this.pickPreset}>
                  ${PRESETS.map((n) => html`<option value=${n} ?selected=${preset === n}>${this.t('lastDays', { count: n })}</option>`)}
                  <option value="custom" ?selected=${preset === undefined}>${this.t('custom')}</option>
                </select>
              </label>
              <label>${this.t('from')}
                <input type="date" .value=${period.from} max=${period.to} @change=${(e: Event) => this.pickDay('from', e)}
                  aria-invalid=${problem === 'from' || problem === 'order' || problem === 'long' ? 'true' : 'false'} aria-describedby="period-problem" />
              </label>
              <label>${this.t('to')}
                <input type="date" .value=${period.to} min=${period.from} @change=${(e: Event) => this.pickDay('to', e)}
                  aria-invalid=${problem === 'to' || problem === 'order' ? 'true' : 'false'} aria-describedby="period-problem" />
              </label>
              <button type="button" @click=${this.exportCsv} ?disabled=${!this.view || this.view.empty}>${this.t('downloadCsv')}</button>`
          : nothing}
        <button type="button" @click=${this.signOut}>${this.t('signOut')}</button>
      </div>
      ${site
        ? html`<nav class="pages" aria-label=${this.t('pages')}>
            ${(['report', 'reviews'] as const).map(
              (page) => html`<button type="button" data-page=${page} aria-current=${(page === 'reviews') === reviews ? 'page' : 'false'} @click=${() => this.pickPage(page)}>
                ${this.t(page === 'reviews' ? 'pageReviews' : 'pageReport')}
              </button>`,
            )}
          </nav>`
        : nothing}
      <p id="period-problem" class="problem" role="alert">${reviews ? '' : problemText}</p>
    </header>`;
  }

  private renderReport(view: View): TemplateResult {
    return html`<section aria-labelledby="headline">
        <h3 id="headline" class="sr">${this.t('headline')}</h3>
        ${view.previousEmpty
          ? html`<p class="muted" data-note="nothing-before">${this.t('nothingBefore', { previous: this.formatPeriod(view.previous) })}</p>`
          : nothing}
        <ul class="cards">
          ${view.cards.map((card) => this.renderCard(card, view))}
        </ul>
        <p class="sr">${this.t('previousPeriod', { previous: this.formatPeriod(view.previous) })}</p>
      </section>
      <div class="sections">
        ${this.renderLive()} ${this.renderLift(view)} ${this.renderFunnel(view)}
        <section aria-labelledby="daily">
          <h3 id="daily">${this.t('daily')}</h3>
          <div class="pair">
            ${this.renderLineChart('zmot', 'zmotDaily', view, ZMOT_SERIES)} ${this.renderLineChart('umot', 'umotDaily', view, UMOT_SERIES)}
          </div>
        </section>
        ${this.renderNps(view)} ${this.renderComments(view)} ${this.renderCollection(view)} ${this.renderReputation()}
        <section aria-labelledby="breakdowns">
          <h3 id="breakdowns">${this.t('breakdowns')}</h3>
          ${this.renderProducts(view)}
          <div class="pair">${this.renderWidgets(view)} ${this.renderChannels(view)}</div>
        </section>
      </div>`;
  }

  private renderCard(card: Card, view: View): TemplateResult {
    const step = (id: FunnelStepId) => view.funnel.find((s) => s.id === id)?.value ?? 0;
    const value = this.formatValue(card.value, card.kind, card.currency);
    const c = change(card);
    const previousText = this.formatValue(card.previous, card.kind, card.currency);
    let changeText: TemplateResult | typeof nothing;
    if (view.previousEmpty) {
      // One note above the cards says there is nothing to compare with.
      changeText = nothing;
    } else if (c.direction === 'up' || c.direction === 'down') {
      const amount = c.relative
        ? this.l.number(c.amount, { style: 'percent', maximumFractionDigits: c.amount < 0.1 ? 1 : 0 })
        : card.kind === 'rate'
          ? this.t('points', { count: Math.round(c.amount * 1000) / 10 })
          : card.kind === 'score'
            ? this.t('points', { count: Math.round(c.amount) })
            : this.l.number(c.amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      changeText = html`<span class="change ${c.direction}"
        ><span aria-hidden="true">${c.direction === 'up' ? '▲' : '▼'} ${amount}
          <span class="muted">${this.t('fromPrevious', { previous: previousText })}</span></span
        ><span class="sr">${this.t(c.direction === 'up' ? 'changeUp' : 'changeDown', { change: amount, previous: previousText })}</span></span
      >`;
    } else {
      const key = c.direction === 'same' ? 'changeSame' : c.direction === 'new' ? 'changeNew' : 'changeNone';
      changeText = html`<span class="change muted">${this.t(key, { previous: previousText })}</span>`;
    }
    const note = ((): string => {
      switch (card.id) {
        case 'impressions':
          return this.t('impressionsNote', { renders: this.formatValue(step('rendered'), 'count') });
        case 'viewabilityRate':
          return this.t('viewabilityNote');
        case 'interactionRate':
          return this.t('interactionNote', { interactions: this.formatValue(step('interacted'), 'count') });
        case 'nps':
          return this.t('npsNote', { count: view.nps.responses });
        case 'shareRate':
          return this.t('shareNote', { count: this.formatValue(step('shared'), 'count') });
        case 'referralLandings':
          return this.t('landingsNote');
        case 'conversions':
          return this.t('conversionsNote', { referral: this.formatValue(step('converted'), 'count') });
        case 'referralRevenue':
          return card.others?.length
            ? this.t('revenueOther', { amounts: this.l.list(card.others.map(([c, n]) => this.formatValue(n, 'money', c))) })
            : this.t('revenueNote');
        case 'k':
          return this.t('kNote');
      }
    })();
    return html`<li class="card" part="card" data-card=${card.id}>
      <span class="label">${this.t(card.id)}</span>
      <span class="value">${value}${card.value === null ? html`<span class="sr"> (${this.t('noValue')})</span>` : nothing}</span>
      ${changeText}
      <span class="note">${note}</span>
    </li>`;
  }

  private bar(fraction: number): TemplateResult {
    const width = `${fraction > 0 ? Math.max(fraction * 100, 0.5) : 0}%`;
    // Set through the CSSOM, not a style attribute, which a strict Content-Security-Policy blocks.
    const size = (el?: Element) => (el as HTMLElement | undefined)?.style.setProperty('inline-size', width);
    return html`<span class="track"><span class="fill" ${ref(size)}></span></span>`;
  }

  private renderFunnel(view: View): TemplateResult {
    const max = Math.max(...view.funnel.map((s) => s.value), 0);
    return html`<section aria-labelledby="funnel">
      <h3 id="funnel">${this.t('funnel')}</h3>
      <p class="muted">${this.t('funnelHelp')}</p>
      <div class="scroll" tabindex="0" role="region" aria-label=${`${this.t('funnel')}: ${this.t('dataTable')}`}>
        <table class="funnel" part="funnel table">
          <thead>
            <tr>
              <th scope="col">${this.t('step')}</th>
              <th scope="col">${this.t('count')}</th>
              <th scope="col">${this.t('ofPrevious')}</th>
              <td aria-hidden="true"></td>
            </tr>
          </thead>
          <tbody>
            ${view.funnel.map(
              (step) => html`<tr data-step=${step.id}>
                <th scope="row">${this.t(FUNNEL_LABELS[step.id])}</th>
                <td data-label=${this.t('count')}>${this.formatValue(step.value, 'count')}</td>
                <td data-label=${this.t('ofPrevious')}>${step.ofPrevious === null ? '–' : this.formatValue(step.ofPrevious, 'rate')}</td>
                <td class="bar" aria-hidden="true">${this.bar(max > 0 ? step.value / max : 0)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderLineChart(id: string, title: DashboardMessage, view: View, ids: readonly SeriesId[]): TemplateResult {
    const chart = this.chart(id, view, () => ({
      kind: 'line',
      days: view.days,
      series: ids.map((s) => ({ label: this.t(SERIES_LABELS[s]), values: view.series[s] })),
      dayLabel: this.t('day'),
    }));
    const titleId = `${id}-title`;
    return html`<figure aria-labelledby=${titleId}>
      <figcaption id=${titleId}>${this.t(title)}</figcaption>
      <p class="sr">${this.t('chartSummary', { title: this.t(title), from: this.formatDay(view.from), to: this.formatDay(view.to) })}</p>
      <div class="chart" part="chart" data-chart=${chart} aria-hidden="true"></div>
      <details>
        <summary>${this.t('dataTable')}</summary>
        ${this.dataTable(
          id,
          `${this.t(title)}: ${this.t('dataTable')}`,
          [this.t('day'), ...ids.map((s) => this.t(SERIES_LABELS[s]))],
          view.days.map((day, i) => [this.formatDay(day), ...ids.map((s) => this.formatValue(view.series[s][i] ?? 0, 'count'))]),
        )}
      </details>
    </figure>`;
  }

  /** Specs per view, so a chart is drawn again only when its data changes. */
  private readonly specs = new WeakMap<View, Map<string, ChartSpec>>();

  /** Hands the chart of this view to the chart controller; returns the `data-chart` name of its box. */
  private chart(id: string, view: View, build: () => ChartSpec): string {
    let specs = this.specs.get(view);
    if (!specs) this.specs.set(view, (specs = new Map()));
    let spec = specs.get(id);
    if (!spec) specs.set(id, (spec = build()));
    return this.charts.set(id, spec);
  }

  /**
   * A data table in a scrolling region named `label`: `head` names the columns, each row starts with its
   * header cell; on a narrow screen each cell shows its column's name (`data-label`).
   */
  private dataTable(id: string, label: string, head: readonly string[], rows: readonly (readonly string[])[]): TemplateResult {
    return html`<div class="scroll" tabindex="0" role="region" aria-label=${label}>
      <table part="table" data-table=${id}>
        <thead>
          <tr>
            ${head.map((name) => html`<th scope="col">${name}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([first, ...cells]) => html`<tr>
              <th scope="row">${first}</th>
              ${cells.map((cell, i) => html`<td data-label=${head[i + 1]!}>${cell}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** The holdout's lift in words, its two groups in a table, and what could make it wrong (docs/lift.md). */
  private renderLift(view: View): TemplateResult | typeof nothing {
    const { lift } = view;
    if (!lift) return nothing;
    const signed = (r: number) => this.l.number(r, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 });
    const count = (n: number) => this.formatValue(n, 'count');
    const notes: DashboardMessage[] = [];
    if (lift.interval && lift.interval[0] < 0 && lift.interval[1] > 0) notes.push('liftSpansZero');
    if (lift.mixed) notes.push('liftMixed');
    return html`<section aria-labelledby="lift-title" data-section="lift">
      <h3 id="lift-title">${this.t('liftTitle')}</h3>
      <p data-lift="result">
        ${lift.relative === null || !lift.interval
          ? this.t('liftNotYet', { shown: count(lift.shown.browsers), held: count(lift.holdout.browsers) })
          : this.t('liftResult', {
              lift: signed(lift.relative),
              low: signed(lift.interval[0]),
              high: signed(lift.interval[1]),
              browsers: count(lift.shown.browsers + lift.holdout.browsers),
            })}
      </p>
      ${lift.srm
        ? html`<p class="problem" role="alert" data-lift="srm">${this.t('liftSrm', { share: this.formatValue(lift.share, 'rate') })}</p>`
        : nothing}
      ${notes.map((note) => html`<p class="muted" data-lift=${note}>${this.t(note)}</p>`)}
      ${lift.mde !== null ? html`<p class="muted" data-lift="mde">${this.t('liftMde', { mde: signed(lift.mde) })}</p>` : nothing}
      ${this.dataTable(
        'lift',
        `${this.t('liftTitle')}: ${this.t('dataTable')}`,
        [this.t('liftGroup'), this.t('liftBrowsers'), this.t('conversions'), this.t('liftRate'), this.t('liftRevenue')],
        (['shown', 'holdout'] as const).map((arm) => [
          this.t(arm === 'shown' ? 'liftShown' : 'liftHeld'),
          count(lift[arm].browsers),
          count(lift[arm].conversions),
          this.formatValue(lift[arm].rate, 'rate'),
          this.formatValue(lift[arm].revenuePerBrowser, 'money', lift.currency),
        ]),
      )}
    </section>`;
  }

  private renderNps(view: View): TemplateResult {
    const { nps } = view;
    const total = nps.responses;
    const summary =
      total > 0 && nps.score !== null
        ? this.t('npsSummary', {
            score: this.formatValue(nps.score, 'score'),
            promoters: this.formatValue(nps.promoters / total, 'rate'),
            passives: this.formatValue(nps.passives / total, 'rate'),
            detractors: this.formatValue(nps.detractors / total, 'rate'),
          })
        : this.t('npsNone');
    return html`<section aria-labelledby="nps-title">
      <figure aria-labelledby="nps-title">
        <h3 id="nps-title">${this.t('npsDistribution')}</h3>
        <p>${summary}</p>
        ${total > 0
          ? html`<div class="chart" part="chart" data-chart=${this.chart('nps', view, () => ({
                kind: 'nps',
                scores: view.npsScores,
                labels: [this.t('detractors'), this.t('passives'), this.t('promoters')],
                scoreLabel: this.t('score'),
              }))} aria-hidden="true"></div>
              <details>
                <summary>${this.t('dataTable')}</summary>
                ${this.dataTable(
                  'nps',
                  `${this.t('npsDistribution')}: ${this.t('dataTable')}`,
                  [this.t('score'), this.t('answers'), this.t('share')],
                  view.npsScores.map((n, score) => [String(score), this.formatValue(n, 'count'), this.formatValue(n / total, 'rate')]),
                )}
              </details>`
          : nothing}
      </figure>
    </section>`;
  }

  private renderComments(view: View): TemplateResult {
    const task = this.commentsTask;
    const answer = task.value;
    const comments = this.comments;
    const products = view.products.map((row) => row.key);
    const productIndex = this.commentProduct === undefined ? -1 : products.indexOf(this.commentProduct);
    let status: TemplateResult | string = '';
    if (task.status === TaskStatus.ERROR) {
      const reason = task.error instanceof Error ? task.error.message : String(task.error);
      status = html`<span class="problem">${this.t('commentsFailed', { reason })}</span>`;
    } else if (answer) {
      status = answer.total === 0 ? this.t('commentsNone') : this.t('commentsShown', { shown: this.l.number(comments.length), total: this.l.number(answer.total) });
    }
    return html`<section aria-labelledby="comments-title" data-section="comments">
      <h3 id="comments-title">${this.t('comments')}</h3>
      <p class="muted">${this.t('commentsHelp')}</p>
      <div class="filters">
        <label>${this.t('group')}
          <select @change=${this.pickCommentGroup}>
            <option value="" ?selected=${this.commentGroup === undefined}>${this.t('allGroups')}</option>
            ${NPS_GROUPS.map((g) => html`<option value=${g} ?selected=${this.commentGroup === g}>${this.t(GROUP_LABELS[g])}</option>`)}
          </select>
        </label>
        ${this.product === undefined
          ? html`<label>${this.t('product')}
              <select @change=${(e: Event) => this.pickCommentProduct(products, e)}>
                <option value="" ?selected=${productIndex < 0}>${this.t('allProducts')}</option>
                ${products.map((key, i) => html`<option value=${i} ?selected=${productIndex === i}>${key || this.t('pageWide')}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
      <p role="status" class="muted" data-comments-status>${status}</p>
      <ul class="comments">
        ${repeat(
          comments,
          (c) => c.id,
          (c) => {
            const group = npsGroup(c.score);
            return html`<li class="comment" part="comment" data-comment=${c.id} data-group=${group}>
              <p class="meta">
                <span class="score ${group}">${this.t('scoreValue', { score: this.l.number(c.score) })} · ${this.t(group)}</span>
                <span class="product" dir="auto">${c.product || this.t('pageWide')}</span>
                <time datetime=${c.date}>${this.formatDay(c.date.slice(0, 10))}</time>
              </p>
              <p class="text" id=${`text-${c.id}`} dir="auto">${c.comment}</p>
              <label class="handled">
                <input type="checkbox" .checked=${c.handled} aria-describedby=${`text-${c.id}`} @change=${(e: Event) => void this.toggleHandled(c, e)} />
                ${this.t('followedUp')}
              </label>
            </li>`;
          },
        )}
      </ul>
      <p class="problem" role="alert">${this.markProblem}</p>
      ${answer && answer.total > comments.length
        ? html`<button type="button" class="more" @click=${() => (this.commentLimit += COMMENTS_PAGE)}>${this.t('showMore')}</button>`
        : nothing}
    </section>`;
  }

  /** The review-collection funnel and the approved reviews' mean rating by verification, when the site collects reviews. */
  private renderCollection(view: View): TemplateResult | typeof nothing {
    const steps = view.collection;
    if (!steps) return nothing;
    const title = this.t('collectionTitle');
    const verification = this.t('verificationTitle');
    return html`<section aria-labelledby="collection-title" data-section="collection">
      <h3 id="collection-title">${title}</h3>
      <p class="muted">${this.t('collectionHelp')}</p>
      ${this.dataTable(
        'collection',
        `${title}: ${this.t('dataTable')}`,
        [this.t('step'), this.t('count'), this.t('ofPrevious')],
        steps.map((step) => [this.t(COLLECTION_LABELS[step.id]), this.formatValue(step.value, 'count'), this.formatValue(step.ofPrevious, 'rate')]),
      )}
      <h4 id="verification-title">${verification}</h4>
      ${this.dataTable(
        'verification',
        verification,
        [this.t('verification'), this.t('approvedReviews'), this.t('meanRating')],
        view.byVerification.map((row) => [
          this.t(row.verification === 'purchase' ? 'labelVerified' : 'labelNotVerified'),
          this.formatValue(row.count, 'count'),
          row.rating === null ? '–' : this.l.number(row.rating, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
        ]),
      )}
    </section>`;
  }

  /** The Reviews page: the reviews of one status (pending first), each with its moderation, a page at a time. */
  private renderReviews(): TemplateResult {
    const task = this.reviewsTask;
    const answer = task.value;
    const reviews = this.reviews;
    // Reviews that left the status shown since the page loaded are no longer counted.
    const total = answer ? answer.total - (answer.reviews.length - reviews.length) : 0;
    let status: TemplateResult | string = '';
    if (task.status === TaskStatus.ERROR) {
      if (!(task.error instanceof DashboardApiError && task.error.reason === 'unauthorized')) {
        const reason = task.error instanceof Error ? task.error.message : String(task.error);
        status = html`<span class="problem">${this.t('reviewsFailed', { reason })}</span>
          <button type="button" @click=${() => void task.run()}>${this.t('retry')}</button>`;
      }
    } else if (!answer) {
      status = this.t('reviewsLoading');
    } else if (total === 0) {
      status = this.t('reviewsNone');
    } else {
      status = this.t('reviewsShown', {
        first: this.l.number(this.reviewOffset + 1),
        last: this.l.number(this.reviewOffset + reviews.length),
        total: this.l.number(total),
      });
    }
    const more = answer !== undefined && this.reviewOffset + answer.reviews.length < answer.total;
    return html`<section aria-labelledby="reviews-title" data-section="reviews" class="reviews-page">
      <h3 id="reviews-title">${this.t('reviewsTitle')}</h3>
      <p class="muted">${this.t('reviewsHelp')}</p>
      <div class="filters">
        <label>${this.t('reviewStatus')}
          <select @change=${this.pickReviewStatus} data-review-status>
            ${REVIEW_STATUSES.map((s) => html`<option value=${s} ?selected=${this.reviewStatus === s}>${this.t(STATUS_LABELS[s])}</option>`)}
          </select>
        </label>
      </div>
      <p class="muted" data-reviews-status tabindex="-1">${status}</p>
      <p role="status" data-reviews-announce>${this.reviewAnnouncement}</p>
      <ul class="reviews">
        ${repeat(reviews, (r) => r.id, (r, i) => this.renderReview(r, i))}
      </ul>
      ${this.reviewOffset > 0 || more
        ? html`<nav class="paging" aria-label=${this.t('reviewPages')}>
            <button type="button" ?disabled=${this.reviewOffset === 0} @click=${() => this.pickReviewPage(this.reviewOffset - REVIEWS_PAGE)}>${this.t('previousPage')}</button>
            <button type="button" ?disabled=${!more} @click=${() => this.pickReviewPage(this.reviewOffset + REVIEWS_PAGE)}>${this.t('nextPage')}</button>
          </nav>`
        : nothing}
    </section>`;
  }

  private renderReview(r: ModeratedReview, index: number): TemplateResult {
    const key = `review-${index}`;
    const busy = this.reviewBusy.has(r.id);
    const problem = this.reviewProblems.get(r.id);
    const problemId = `${key}-problem`;
    const author = [r.author.name, r.author.role, r.author.company].filter(Boolean).join(', ');
    const labels = [
      this.t(r.verification === 'purchase' ? 'labelVerified' : 'labelNotVerified'),
      ...(r.invited ? [this.t('labelInvited')] : []),
      ...(r.incentivized ? [r.incentive ? this.t('labelIncentive', { incentive: r.incentive }) : this.t('labelIncentivized')] : []),
    ];
    const stamp = (at: string) => this.l.date(new Date(at), { dateStyle: 'medium', timeStyle: 'short' });
    return html`<li class="review" part="review" data-review=${r.id} data-status=${r.status}>
      <h4 id=${`${key}-title`} tabindex="-1" dir="auto">${r.title || this.t('reviewBy', { name: r.author.name })}</h4>
      <p class="meta">
        <span class="stars" aria-hidden="true">${'★'.repeat(r.rating)}${'☆'.repeat(Math.max(0, 5 - r.rating))}</span>
        <span class="sr">${this.t('stars', { rating: this.l.number(r.rating) })}</span>
        <span class="author" dir="auto">${author}</span>
        <span class="product" dir="auto">${r.product || this.t('pageWide')}</span>
        <time datetime=${r.date}>${this.formatDay(r.date.slice(0, 10))}</time>
      </p>
      <ul class="labels" aria-label=${this.t('labels')}>
        ${labels.map((label) => html`<li dir="auto">${label}</li>`)}
      </ul>
      <p class="text" id=${`${key}-text`} dir="auto">${r.body}</p>
      ${r.status === 'rejected' && r.reason
        ? html`<p class="verdict" data-reason=${r.reason}>${this.t('rejectedFor', { reason: this.t(REASON_LABELS[r.reason]) })}</p>`
        : nothing}
      ${r.reply
        ? html`<div class="reply" data-reply>
            <p class="muted">${this.t('yourReply', { date: this.formatDay(r.reply.date.slice(0, 10)) })}</p>
            <p class="text" dir="auto">${r.reply.body}</p>
          </div>`
        : nothing}
      <div class="actions">
        ${r.status !== 'approved'
          ? html`<button type="button" class="primary" data-action="approve" aria-disabled=${busy ? 'true' : 'false'} aria-describedby=${`${key}-title`}
              @click=${() => void this.moderateReview(r, index, { action: 'approve' })}>${this.t('approve')}</button>`
          : nothing}
        ${r.status !== 'rejected'
          ? html`<form class="reject" novalidate @submit=${(e: SubmitEvent) => this.rejectReview(r, index, e)}>
              <label>${this.t('reason')}
                <select name="reason" required aria-invalid=${problem?.field === 'reason' ? 'true' : 'false'} aria-describedby=${problemId}
                  @change=${() => problem?.field === 'reason' && this.setReviewProblem(r.id)}>
                  <option value="">${this.t('chooseReason')}</option>
                  ${REJECT_REASONS.map((reason) => html`<option value=${reason}>${this.t(REASON_LABELS[reason])}</option>`)}
                </select>
              </label>
              <button type="submit" data-action="reject" aria-disabled=${busy ? 'true' : 'false'} aria-describedby=${`${key}-title`}>${this.t('reject')}</button>
            </form>`
          : nothing}
      </div>
      <details class="reply-form">
        <summary>${this.t(r.reply ? 'editReply' : 'replyAction')}</summary>
        <form novalidate @submit=${(e: SubmitEvent) => this.replyToReview(r, index, e)}>
          <label>${this.t('replyLabel')}
            <textarea name="reply" rows="4" maxlength=${REPLY_MAX} dir="auto" .value=${r.reply?.body ?? ''}
              aria-invalid=${problem?.field === 'reply' ? 'true' : 'false'} aria-describedby=${`${key}-reply-help ${problemId}`}></textarea>
          </label>
          <p class="muted" id=${`${key}-reply-help`}>${this.t('replyHelp', { max: this.l.number(REPLY_MAX) })}</p>
          <div><button type="submit" data-action="reply" aria-disabled=${busy ? 'true' : 'false'}>${this.t('saveReply')}</button></div>
        </form>
      </details>
      <p class="problem" id=${problemId} role="alert">${problem?.text ?? ''}</p>
      <details class="history">
        <summary>${this.t('history')}</summary>
        <ol>
          ${r.history.map(
            (h) => html`<li data-history=${h.action}>
              <time datetime=${h.at}>${stamp(h.at)}</time>
              <span>${h.action === 'rejected' && h.reason
                ? this.t('historyRejectedFor', { reason: this.t(REASON_LABELS[h.reason]) })
                : this.t(HISTORY_LABELS[h.action])}</span>
              ${h.body ? html`<span class="text" dir="auto">${h.body}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </details>
    </li>`;
  }

  private renderLive(): TemplateResult {
    const live = this.live.value;
    const max = Math.max(0, ...(live?.minutes ?? []).map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0)));
    const height = (fraction: number) => (el?: Element) => (el as HTMLElement | undefined)?.style.setProperty('block-size', `${fraction * 100}%`);
    const checked = this.live.checked;
    return html`<section aria-labelledby="live-title" data-section="live">
      <h3 id="live-title">${this.t('live')}</h3>
      <p class="muted">${this.t('liveHelp')}</p>
      <ul class="live">
        ${LIVE_TYPES.map(
          ([type, label]) => html`<li data-type=${type}>
            <span class="label">${this.t(label)}</span>
            <span class="value">${this.formatValue(live?.total[type] ?? 0, 'count')}</span>
          </li>`,
        )}
      </ul>
      <div class="minutes" aria-hidden="true">
        ${(live?.minutes ?? []).map((m) => {
          const n = Object.values(m.counts).reduce((a, b) => a + b, 0);
          return html`<span class="minute"><span class="fill" ${ref(height(max > 0 ? n / max : 0))}></span></span>`;
        })}
      </div>
      <p class="muted" data-live-checked>${this.live.failed
        ? this.t('liveFailed')
        : checked
          ? this.t('liveChecked', { time: this.l.date(checked, { timeStyle: 'medium' }) })
          : ''}</p>
    </section>`;
  }

  private renderReputation(): TemplateResult {
    const task = this.reputationTask;
    const answer: ReputationAnswer | undefined = task.value;
    const rows = answer?.products.flatMap((p) => [p.combined, ...p.sources].map((source) => [p.product, source] as const)) ?? [];
    const score = (n: number) => this.l.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const name = (s: ReputationSource) => (s.source === '*' ? this.t('combined') : s.source === 'own' ? this.t('ownReviews') : s.name || s.source);
    const trend = (s: ReputationSource) => (s.previous ? this.l.number(s.rating - s.previous.rating, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' }) : '–');
    const days = (n: number | null) => (n === null ? '–' : this.l.number(n, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 }));
    let body: TemplateResult;
    if (task.status === TaskStatus.ERROR) {
      body = html`<p class="problem">${task.error instanceof Error ? task.error.message : String(task.error)}</p>`;
    } else if (!answer) {
      // One line, as tall as "no reviews imported", not an empty table: nothing below moves when that is the answer.
      body = html`<p class="muted" data-reputation-loading>${this.t('loading')}</p>`;
    } else if (rows.length === 0) {
      body = html`<p class="muted">${this.t('reputationNone')}</p>`;
    } else {
      body = html`<div class="scroll" tabindex="0" role="region" aria-label=${`${this.t('reputation')}: ${this.t('dataTable')}`}>
        <table part="table" data-table="reputation">
          <thead>
            <tr>
              <th scope="col">${this.t('source')}</th>
              <th scope="col">${this.t('score5')}</th>
              <th scope="col">${this.t('reviews')}</th>
              <th scope="col">${this.t('trend')}</th>
              <th scope="col">${this.t('answered')}</th>
              <th scope="col">${this.t('replyTime')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ([product, s]) => html`<tr data-source=${s.source} class=${s.source === '*' ? 'combined' : ''}>
                <th scope="row" class="key">${product} · ${name(s)}</th>
                <td data-label=${this.t('score5')}>${score(s.rating)}</td>
                <td data-label=${this.t('reviews')}>${this.l.number(s.count)}</td>
                <td data-label=${this.t('trend')}>${trend(s)}</td>
                <td data-label=${this.t('answered')}>${s.replyShare === null ? '–' : this.formatValue(s.replyShare, 'rate')}</td>
                <td data-label=${this.t('replyTime')}>${days(s.medianReplyDays)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section aria-labelledby="reputation-title" data-section="reputation">
      <h3 id="reputation-title">${this.t('reputation')}</h3>
      <p class="muted">${this.t('reputationHelp')}</p>
      ${answer && rows.length > 0 ? this.renderReputationChart(answer) : nothing} ${body}
    </section>`;
  }

  /** Chart specs per reputation answer, so the chart is drawn again only when the answer changes. */
  private readonly reputationSpecs = new WeakMap<ReputationAnswer, ChartSpec>();

  /** The combined score of the most-reviewed products, day by day, with its data table; none without a review. */
  private renderReputationChart(answer: ReputationAnswer): TemplateResult | typeof nothing {
    const days = periodDays({ from: answer.from, to: answer.to });
    const lines = reputationSeries(answer, days);
    if (lines.length === 0) return nothing;
    let spec = this.reputationSpecs.get(answer);
    if (!spec) {
      spec = { kind: 'line', scale: 'score', days, series: lines.map((l) => ({ label: l.product, values: l.values })), dayLabel: this.t('day') };
      this.reputationSpecs.set(answer, spec);
    }
    const id = this.charts.set('reputation', spec);
    const score = (n: number | null) => (n === null ? '–' : this.l.number(n, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    const title = this.t('reputationDaily');
    return html`<figure aria-labelledby="reputation-chart-title" data-figure="reputation">
      <figcaption id="reputation-chart-title">${title}</figcaption>
      <p class="sr">${this.t('chartSummary', { title, from: this.formatDay(answer.from), to: this.formatDay(answer.to) })}</p>
      <div class="chart" part="chart" data-chart=${id} aria-hidden="true"></div>
      <details>
        <summary>${this.t('dataTable')}</summary>
        ${this.dataTable(
          'reputation-daily',
          `${title}: ${this.t('dataTable')}`,
          [this.t('day'), ...lines.map((l) => l.product)],
          days.map((day, i) => [this.formatDay(day), ...lines.map((l) => score(l.values[i] ?? null))]),
        )}
      </details>
    </figure>`;
  }

  private renderBreakdown(id: string, title: DashboardMessage, keyLabel: DashboardMessage, rows: BreakdownRow[], columns: readonly ColumnId[], blank: DashboardMessage, collapsible = false): TemplateResult {
    const shown = collapsible && !this.allProducts ? rows.slice(0, PRODUCT_ROWS) : rows;
    const titleId = `${id}-title`;
    return html`<div class="breakdown" data-breakdown=${id}>
      <h4 id=${titleId} class="sr">${this.t(title)}</h4>
      <div class="scroll" tabindex="0" role="region" aria-labelledby=${titleId}>
        <table part="table" data-table=${id}>
          <caption><strong>${this.t(title)}</strong></caption>
          <thead>
            <tr>
              <th scope="col">${this.t(keyLabel)}</th>
              ${columns.map((c) => html`<th scope="col">${this.t(COLUMN_LABELS[c])}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (row) => html`<tr>
                <th scope="row" class="key">${row.key || this.t(blank)}</th>
                ${columns.map((c) => html`<td data-label=${this.t(COLUMN_LABELS[c])}>${this.formatValue(column(row, c), COLUMN_KINDS[c])}</td>`)}
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${collapsible && rows.length > PRODUCT_ROWS
        ? html`<button type="button" class="more" aria-expanded=${this.allProducts ? 'true' : 'false'} @click=${() => (this.allProducts = !this.allProducts)}>
            ${this.allProducts ? this.t('showFewer') : this.t('showAll', { count: rows.length })}
          </button>`
        : nothing}
    </div>`;
  }

  private renderProducts(view: View): TemplateResult {
    return this.renderBreakdown('product', 'byProduct', 'product', view.products, PRODUCT_COLUMNS, 'pageWide', true);
  }

  private renderWidgets(view: View): TemplateResult {
    return this.renderBreakdown('widget', 'byWidget', 'widget', view.widgets, WIDGET_COLUMNS, 'noWidget');
  }

  private renderChannels(view: View): TemplateResult {
    const total = view.channels.reduce((sum, [, n]) => sum + n, 0);
    return html`<div class="breakdown" data-breakdown="channel">
      ${total === 0
        ? html`<p><strong>${this.t('byChannel')}</strong></p><p class="muted">${this.t('noShares')}</p>`
        : html`<div class="scroll" tabindex="0" role="region" aria-label=${this.t('byChannel')}>
            <table part="table" data-table="channel">
              <caption><strong>${this.t('byChannel')}</strong></caption>
              <thead>
                <tr>
                  <th scope="col">${this.t('channel')}</th>
                  <th scope="col">${this.t('shares')}</th>
                  <th scope="col">${this.t('ofShares')}</th>
                  <td aria-hidden="true"></td>
                </tr>
              </thead>
              <tbody>
                ${view.channels.map(
                  ([channel, n]) => html`<tr>
                    <th scope="row" class="key">${channel}</th>
                    <td data-label=${this.t('shares')}>${this.formatValue(n, 'count')}</td>
                    <td data-label=${this.t('ofShares')}>${this.formatValue(n / total, 'rate')}</td>
                    <td class="bar" aria-hidden="true">${this.bar(n / total)}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-dashboard': ZmotDashboard;
  }
  interface GlobalEventHandlersEventMap {
    'zmot-export': CustomEvent<ZmotExportDetail>;
  }
}
