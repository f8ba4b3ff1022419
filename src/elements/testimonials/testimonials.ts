import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { config } from '../../config.js';
import { ZmotFilterEvent } from '../../events.js';
import { summarise } from '../../feed/aggregate.js';
import { feedUrl, loadFeed } from '../../feed/load.js';
import { safeUrl } from '../../feed/safe-url.js';
import type { Feed, Review, Source } from '../../feed/schema.js';
import { productJsonLd, type JsonLd } from '../../feed/structured-data.js';
import { addEnglish } from '../../i18n/i18n.js';
import { policyDisclosure, policyStyles } from '../core/policy.js';
import { TelemetryController } from '../core/telemetry-controller.js';
import { stars as starIcons } from '../core/stars.js';
import { tokens } from '../core/tokens.styles.js';
import { ZmotElement } from '../core/zmot-element.js';
import { Carousel, type Step } from './carousel.js';
import { reviewJsonLd, writeShownReviews } from './structured-data.js';
import { mergePages, selectReviews, SORT_ORDERS, type SortOrder } from './select.js';
import { renderTestimonial, type CardContext } from './testimonial.js';
import { testimonialsMessages } from './testimonials.messages.js';
import { styles } from './testimonials.styles.js';

// The English of the messages only this element shows: in its chunk, not in the one the elements share.
addEnglish(testimonialsMessages);

export type TestimonialsLayout = 'list' | 'grid' | 'carousel';
export type { SortOrder };

/** What a visitor did, as the `action` of an `interaction` event. */
export type TestimonialsAction = 'filter' | 'sort' | 'more' | 'expand' | 'all' | 'review' | Step;

const LAYOUTS = ['list', 'grid', 'carousel'] as const;
const SORT_LABELS = { recent: 'sortRecent', highest: 'sortHighest', lowest: 'sortLowest' } as const;
/** The most pages one "Show more" fetches while looking for reviews that pass the filter. */
const MAX_PAGES_PER_CLICK = 5;

const CHEVRON = svg`<svg class="icon chevron" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M10.6 2.6 5.2 8l5.4 5.4 1.1-1.1L7.4 8l4.3-4.3z"></path></svg>`;

/**
 * Peer reviews and B2B references as a list, a responsive grid or an accessible carousel, with sorting, a
 * star filter that a `<zmot-rating>` for the same product can set, "Read more" for long text, and "Show more"
 * that follows the feed's `next` pages. Only the reviews shown are in the DOM, however large the feed.
 * Each review says how it was verified; the feed's `policy` opens as "How reviews work here"; and a selection
 * (`min-rating`, a carousel's `limit`, a feed that carries only some of the reviews) says so, with the way to
 * all of them: a link to `all-url`, else a button that shows them all in place.
 *
 * @tagname zmot-testimonials
 * @summary Peer reviews and B2B references: list, grid or carousel, with filter, sort and paging.
 *
 * @slot fallback - Shown instead of the reviews when the feed cannot be loaded. Defaults to a short muted sentence.
 *
 * @csspart base - The outer box.
 * @csspart summary - The summary header (list and grid): the site's own score, stars and number of reviews.
 * @csspart average - The summary's average score.
 * @csspart count - The summary's number of reviews.
 * @csspart controls - The bar with the sort menu and the active star filter.
 * @csspart sort - The sort `<select>`.
 * @csspart filter - The sentence naming the active star filter.
 * @csspart clear-filter - The button that shows every review again.
 * @csspart list - The list of testimonials (list and grid layouts).
 * @csspart testimonial - One testimonial.
 * @csspart title - A testimonial's title.
 * @csspart body - A testimonial's text.
 * @csspart read-more - The "Read more" / "Show less" button of a long testimonial.
 * @csspart author - The author line: avatar, name, role and company.
 * @csspart avatar - The author's photo, or their initials when there is none.
 * @csspart author-name - The author's name.
 * @csspart author-role - The author's role and company.
 * @csspart meta - The line with how the review was verified, whether it was invited or incentivized, its date and language.
 * @csspart verification - How the review was verified: "Verified purchase — …", "Imported from Google", "Marked verified by the shop" or "Not verified".
 * @csspart verified - The "Verified purchase" label (with its check mark): written through a link sent after an order.
 * @csspart source - "Imported from Google": the platform the review comes from, linked when it has a URL.
 * @csspart invited - "Invited": the reviewer was asked to write it after an order.
 * @csspart incentive - "Incentivized: …": something was offered for writing it.
 * @csspart date - The date: relative, with the full date as its title.
 * @csspart language - "Written in German": shown when the review's language is not the page's.
 * @csspart reply - The merchant's reply.
 * @csspart policy - The "How reviews work here" disclosure (a `<details>`), from the feed's `policy`.
 * @csspart selection - "Showing selected reviews …": the notice beside a selection.
 * @csspart see-all - Its "See all …": a link to `all-url`, else a button that shows every review in place.
 * @csspart write-review - "Write a review" (with `review-url`), in the summary header and the "No reviews yet" note.
 * @csspart empty - The note shown when there are no reviews yet, or none matches the star filter (with five empty stars).
 * @csspart show-more - The "Show more reviews" button.
 * @csspart more-error - The message shown when a further page could not be loaded.
 * @csspart retry - The button that tries that page again.
 * @csspart carousel - The carousel (a `<section>`): its buttons and the current review.
 * @csspart carousel-controls - The carousel's buttons and position.
 * @csspart rotation - The button that stops or starts automatic rotation (with `autoplay`).
 * @csspart previous - The carousel's "previous" button.
 * @csspart next - The carousel's "next" button.
 * @csspart position - "Review 2 of 6".
 * @csspart slide - The carousel's current slide.
 * @csspart fallback - The default fallback text.
 * @csspart stars - A testimonial's stars, and the empty ones of the "no reviews" note (an SVG).
 *
 * @cssprop --zmot-testimonials-min-block-size - Space reserved before the data arrives (default `12em`; `18em` for the carousel).
 * @cssprop --zmot-testimonials-lines - Lines of text shown before "Read more" (default `5`).
 * @cssprop --zmot-testimonials-avatar-size - Avatar diameter (default `2.5em`).
 * @cssprop --zmot-testimonials-card-border - A testimonial's border colour (default: the text colour at 20%).
 * @cssprop --zmot-testimonials-grid-min - The narrowest a grid column may be (default `17em`).
 * @cssprop --zmot-color-star - Filled star colour.
 * @cssprop --zmot-color-star-empty - Empty star colour.
 * @cssprop --zmot-color-text - Text colour (default: the page's).
 * @cssprop --zmot-color-muted - Secondary text colour (default: the page's).
 * @cssprop --zmot-color-link - Link colour (default: the page's).
 * @cssprop --zmot-color-focus - Focus ring colour.
 * @cssprop --zmot-color-surface - A testimonial's background (default transparent).
 * @cssprop --zmot-radius - Corner radius.
 * @cssprop --zmot-space - Base spacing.
 * @cssprop --zmot-font-family - Font family (default: the page's).
 * @cssprop --zmot-font-size - Font size (default: the page's).
 *
 * @fires {ZmotFilterEvent} zmot-filter - The visitor cleared the star filter (`rating: null`); other testimonials for the product follow.
 * @fires zmot-error - The feed is missing, slow, not JSON or invalid; the fallback is shown.
 */
export class ZmotTestimonials extends ZmotElement {
  static override styles = [tokens, policyStyles, styles];

  /** `list` (default), `grid` (columns as the element's own width allows) or `carousel` (one review at a time). */
  @property({ reflect: true }) layout: TestimonialsLayout = 'list';

  /** How many reviews show at first and each "Show more" adds; in the carousel, how many slides it has. */
  @property({ type: Number }) limit = 6;

  /** Leave out reviews with fewer stars than this (1–5). The element then says it shows a selection. */
  @property({ type: Number, attribute: 'min-rating' }) minRating = 1;

  /**
   * Where every review of the product can be read: the selection notice's "See all" links there. Without it,
   * "See all" shows every review in place (`min-rating` lifted, every loaded review in the carousel).
   */
  @property({ attribute: 'all-url' }) allUrl?: string;

  /**
   * The page with `<zmot-review-form>` for this product: list and grid then offer "Write a review" in the
   * summary header, and in the "No reviews yet" note. Offered to every visitor alike, whatever they saw.
   */
  @property({ attribute: 'review-url' }) reviewUrl?: string;

  /** `recent` (default), `highest` or `lowest`. The visitor can change it with the sort menu. */
  @property() sort: SortOrder = 'recent';

  /** Show only reviews with exactly this many stars; `null` for all. A `<zmot-rating>`'s star rows set it. */
  @property({ attribute: false }) stars: number | null = null;

  /** Carousel: move to the next review by itself (paused on hover, focus and under reduced motion). */
  @property({ type: Boolean }) autoplay = false;

  /** Carousel with `autoplay`: milliseconds each review shows (at least 1000; default 7000). */
  @property({ type: Number }) interval = 7000;

  /** Hide the sort menu. */
  @property({ type: Boolean, attribute: 'no-sort' }) noSort = false;

  /** List and grid: hide the summary header (the site's own score, stars and number of reviews). */
  @property({ type: Boolean, attribute: 'no-summary' }) noSummary = false;

  /** Don't add the shown reviews to the product's JSON-LD. */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  /** Further pages loaded by "Show more", after the feed itself. */
  @state() private pages: Feed[] = [];
  /** How many times `limit` reviews are shown (list and grid). */
  @state() private steps = 1;
  @state() private paging: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private expanded = new Set<string>();
  @state() private clamped = new Set<string>();
  @state() private brokenAvatars = new Set<string>();
  /** The visitor asked to see every review in place ("See all" without `all-url`). */
  @state() private all = false;

  private readonly carousel = new Carousel(this, (step) => this.interaction(step));
  private readonly telemetry = new TelemetryController(this, 'testimonials', () => this.productId);
  private feedShown?: Feed;
  private pageUrls: (string | undefined)[] = [];
  private pagingAbort?: AbortController;
  private resizeObserver?: ResizeObserver;
  private structuredKey = '';
  private merged?: { key: unknown[]; reviews: Review[] };
  private selected?: { key: unknown[]; reviews: Review[] };
  private sourceMap?: { sources: Source[] | undefined; map: Map<string, Source> };

  /** Every review loaded so far (the feed and any further pages), in feed order. */
  get reviews(): Review[] {
    const feed = this.feedController.value?.feed;
    if (!feed) return [];
    const key = [feed, this.pages];
    if (!this.merged || !same(this.merged.key, key)) {
      this.merged = { key, reviews: mergePages([feed.reviews, ...this.pages.map((p) => p.reviews)]) };
    }
    return this.merged.reviews;
  }

  /** The loaded reviews that pass `min-rating` and the star filter, in the chosen order. */
  get matching(): Review[] {
    const reviews = this.reviews;
    const sort = this.sortOrder;
    const minRating = this.minStars;
    const key = [reviews, sort, minRating, this.stars];
    if (!this.selected || !same(this.selected.key, key)) {
      this.selected = { key, reviews: selectReviews(reviews, { sort, minRating, stars: this.stars }) };
    }
    return this.selected.reviews;
  }

  /** The reviews on screen: in the list and grid the first `limit` per "Show more", in the carousel its slides. */
  get shown(): Review[] {
    const limit = this.pageSize;
    return this.matching.slice(0, this.layoutName === 'carousel' ? (this.all ? undefined : limit) : limit * this.steps);
  }

  /** The fewest stars a review needs to show: `min-rating`, unless the visitor asked to see them all. */
  private get minStars(): number {
    return this.all ? 1 : Math.min(5, Math.max(1, Math.ceil(Number(this.minRating) || 1)));
  }

  /**
   * The product's number of reviews when what this element can show is a selection of them, else 0: reviews
   * left out by `min-rating`, a carousel with more reviews than slides, or a feed (without a next page) that
   * carries fewer reviews than its aggregate counts. The star filter is the visitor's own, and says so itself.
   */
  private selectionTotal(feed: Feed): number {
    const loaded = this.reviews.length;
    const total = Math.max(summarise(feed).own.count, loaded);
    const more = !!this.nextUrl;
    const carousel = this.layoutName === 'carousel' && !this.all && (more || this.matching.length > this.pageSize);
    return this.minStars > 1 || carousel || (!more && loaded < total) ? total : 0;
  }

  private get layoutName(): TestimonialsLayout {
    return LAYOUTS.includes(this.layout) ? this.layout : 'list';
  }

  private get sortOrder(): SortOrder {
    return SORT_ORDERS.includes(this.sort) ? this.sort : 'recent';
  }

  private get pageSize(): number {
    const limit = Math.floor(Number(this.limit));
    return limit > 0 ? limit : 6;
  }

  /** The product this element shows: its attribute, else the feed's. */
  private get productId(): string | undefined {
    return this.product ?? this.feedController.value?.feed.product.id;
  }

  /** The URL of the page after the last one loaded, when it is a safe one. */
  private get nextUrl(): string | undefined {
    const last = this.pages.at(-1) ?? this.feedController.value?.feed;
    return last?.next ? safeUrl(last.next, this.pageUrls.at(-1) ?? this.baseUrl) : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('zmot-filter', this.onFilter);
    // Measured in the next frame, so a "Read more" that appears never resizes the element inside this callback.
    this.resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.measure()));
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('zmot-filter', this.onFilter);
    this.resizeObserver?.disconnect();
    this.pagingAbort?.abort();
    if (this.paging === 'loading') this.paging = 'idle';
    const feed = this.feedController.value?.feed;
    if (feed && this.structuredKey) writeShownReviews(feed.product, undefined, this, []);
    this.structuredKey = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const feed = this.feedController.value?.feed;
    if (feed !== this.feedShown) {
      // A new feed (first load, or a new product or feed URL): start again from its first page.
      this.feedShown = feed;
      this.pagingAbort?.abort();
      this.pages = [];
      this.pageUrls = [this.firstPageUrl()];
      this.steps = 1;
      this.paging = 'idle';
      this.carousel.index = 0;
    }
    // A new min-rating is a new selection: its notice shows again.
    if (changed.has('minRating')) this.all = false;
    if (changed.has('stars') || changed.has('minRating')) {
      this.steps = 1;
      this.carousel.index = 0;
    }
    this.carousel.count = this.layoutName === 'carousel' ? this.shown.length : 0;
    if (this.carousel.index >= this.carousel.count) this.carousel.index = 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // An update can still come after the element left the page (a focusout as it is removed): nothing to report.
    if (!this.feedController.value || !this.isConnected || !this.langReady) return;
    this.telemetry.rendered();
    this.measure();
    this.writeStructuredData();
  }

  protected override render(): TemplateResult {
    const layout = this.layoutName;
    // Until the messages of the element's language are in, the reserved box: never a flash of English.
    const ready = this.langReady;
    const feed = ready ? this.feedController.value?.feed : undefined;
    if (feed) return this.renderReviews(feed, layout);
    if (this.feedController.failed && ready) {
      return html`<div part="base" class=${layout}>
        <slot name="fallback"><p part="fallback">${this.l.t('unavailable')}</p></slot>
      </div>`;
    }
    return html`<div part="base" class=${layout} aria-busy="true"></div>`;
  }

  private renderReviews(feed: Feed, layout: TestimonialsLayout): TemplateResult {
    const shown = this.shown;
    const l = this.l;
    const context: CardContext = { l, sources: this.sources(feed), seller: feed.product.brand, now: Date.now(), base: this.baseUrl };
    const card = (review: Review, index: number) => {
      const key = String(review.id);
      return renderTestimonial(review, context, {
        id: `text-${index}`,
        expanded: this.expanded.has(key),
        clamped: this.clamped.has(key),
        avatarFailed: this.brokenAvatars.has(review.author?.avatar ?? ''),
        onToggle: () => this.toggle(key),
        onAvatarError: () => (this.brokenAvatars = new Set(this.brokenAvatars).add(review.author?.avatar ?? '')),
      });
    };
    const empty = shown.length
      ? nothing
      : html`<p part="empty" class="empty">
            ${starIcons(0)}${this.stars === null ? l.t('noReviews') : l.t('noMatches', { stars: l.t('starCount', { count: this.stars }) })}
          </p>
          ${this.stars === null && layout !== 'carousel' ? this.renderWrite() : nothing}`;
    if (layout === 'carousel') return this.renderCarousel(feed, shown, card, empty);
    return html`<div part="base" class=${layout}>
      ${this.noSummary ? nothing : this.renderSummary(feed)}
      ${this.renderPolicy(feed)}
      ${this.renderControls(feed)}
      ${shown.length
        ? html`<ul part="list" class="items" aria-label=${l.t('testimonialsLabel')}>
            ${repeat(shown, (review) => String(review.id), (review, index) => html`<li>${card(review, index)}</li>`)}
          </ul>`
        : empty}
      ${this.renderMore(shown.length)}
    </div>`;
  }

  /**
   * The summary header: the site's own score, stars and count (the same as the product's JSON-LD). Nothing for
   * a product without reviews of its own (the empty note says so). The distribution is `<zmot-rating
   * variant="full">`'s, whose rows filter these reviews: in this element it would cost more than its budget.
   */
  private renderSummary(feed: Feed): TemplateResult | typeof nothing {
    const l = this.l;
    const { rating, count } = summarise(feed).own;
    if (!count) return nothing;
    const reviews = l.t('reviewCount', { count });
    return html`<div part="summary" class="summary">
      <p class="score" role="img" aria-label=${l.t('ratingLabel', { rating: l.score(rating), reviews })}>
        <span part="average">${l.score(rating)}</span>${starIcons(rating)}<span part="count">${reviews}</span>
      </p>
      ${this.renderWrite()}
    </div>`;
  }

  /** "Write a review", to `review-url`; nothing without one (or with an unsafe one). */
  private renderWrite(): TemplateResult | typeof nothing {
    const href = safeUrl(this.reviewUrl, this.baseUrl);
    return href
      ? html`<a part="write-review" class="link write" href=${href} @click=${() => this.interaction('review')}>${this.l.t('writeReview')}</a>`
      : nothing;
  }

  /** "How reviews work here", stating the order this element opens with. */
  private renderPolicy(feed: Feed): TemplateResult | typeof nothing {
    return policyDisclosure(this.l, feed.policy, this.getAttribute('sort') ?? 'recent');
  }

  private renderControls(feed: Feed): TemplateResult {
    const l = this.l;
    const sort = this.sortOrder;
    const total = this.selectionTotal(feed);
    const allUrl = safeUrl(this.allUrl, this.baseUrl);
    const reviews = l.t('reviewCount', { count: total });
    const selection = total
      ? html`<p part="selection" class="selection">
          ${this.minStars > 1 ? l.t('selectedMin', { rating: l.number(this.minStars) }) : l.t('selected')}${' · '}${allUrl
            ? html`<a part="see-all" href=${allUrl}>${l.t('seeAll', { reviews })}</a>`
            : this.minStars > 1 || this.layoutName === 'carousel'
              ? html`<button part="see-all" class="link" type="button" @click=${this.showAll}>${l.t('seeAll', { reviews })}</button>`
              : reviews}
        </p>`
      : nothing;
    return html`<div part="controls" class="controls">
      ${this.noSort || !this.reviews.length
        ? nothing
        : html`<label class="sort"
            >${l.t('sortLabel')}
            <select part="sort" @change=${this.onSort}>
              ${SORT_ORDERS.map((order) => html`<option value=${order} ?selected=${order === sort}>${l.t(SORT_LABELS[order])}</option>`)}
            </select></label
          >`}
      <p part="filter" class="filter" role="status">
        ${this.stars === null ? nothing : l.t('filterActive', { stars: l.t('starCount', { count: this.stars }) })}
      </p>
      ${this.stars === null
        ? nothing
        : html`<button part="clear-filter" class="button" type="button" @click=${this.clearFilter}>${l.t('clearFilter')}</button>`}
      ${selection}
    </div>`;
  }

  private renderMore(shownCount: number): TemplateResult | typeof nothing {
    const l = this.l;
    if (this.paging === 'failed') {
      return html`<div class="more">
        <p part="more-error" class="more-error" role="alert">${l.t('moreFailed')}</p>
        <button part="retry" class="button" type="button" @click=${this.showMore}>${l.t('retry')}</button>
      </div>`;
    }
    const loading = this.paging === 'loading';
    if (!loading && shownCount >= this.matching.length && !this.nextUrl) return nothing;
    return html`<div class="more">
      <button part="show-more" class="button" type="button" aria-disabled=${loading ? 'true' : 'false'} @click=${this.showMore}>
        ${l.t(loading ? 'loadingMore' : 'showMore')}
      </button>
    </div>`;
  }

  private renderCarousel(
    feed: Feed,
    slides: Review[],
    card: (review: Review, index: number) => TemplateResult,
    empty: TemplateResult | typeof nothing,
  ): TemplateResult {
    const l = this.l;
    const c = this.carousel;
    const review = slides[c.index];
    const position = { index: l.number(c.index + 1), count: l.number(slides.length) };
    // The sort menu sits before the carousel, so its rotation control is the first thing Tab reaches in it.
    return html`<div part="base" class="carousel">
      ${this.renderPolicy(feed)}
      ${this.renderControls(feed)}
      <section part="carousel" aria-roledescription="carousel" aria-label=${l.t('testimonialsLabel')}
      @pointerenter=${c.onPointerEnter} @pointerleave=${c.onPointerLeave} @focusin=${c.onFocusIn} @focusout=${c.onFocusOut}
      @keydown=${c.onKeyDown}>
      ${slides.length > 1
        ? html`<div part="carousel-controls" class="nav">
            ${this.autoplay
              ? html`<button part="rotation" class="button" type="button" @click=${c.toggle}>
                  ${l.t(c.playing ? 'stopRotation' : 'startRotation')}
                </button>`
              : nothing}
            <button part="previous" class="button icon-button" type="button" @click=${c.prev}>
              ${CHEVRON}<span class="sr">${l.t('previousSlide')}</span>
            </button>
            <span part="position" class="position">${l.t('slideStatus', position)}</span>
            <button part="next" class="button icon-button" type="button" @click=${c.next}>
              ${CHEVRON}<span class="sr">${l.t('nextSlide')}</span>
            </button>
          </div>`
        : nothing}
      <div class="slides" aria-live=${c.rotating ? 'off' : 'polite'} @pointerdown=${c.onPointerDown} @pointerup=${c.onPointerUp}
        @pointercancel=${c.onPointerCancel}>
        ${review
          ? html`<div part="slide" class="slide" role="group" aria-roledescription="slide" aria-label=${l.t('slideLabel', position)}>
              ${card(review, c.index)}
            </div>`
          : empty}
      </div>
    </section></div>`;
  }

  private sources(feed: Feed): Map<string, Source> {
    if (!this.sourceMap || this.sourceMap.sources !== feed.sources) {
      this.sourceMap = { sources: feed.sources, map: new Map((feed.sources ?? []).map((s) => [s.id, s])) };
    }
    return this.sourceMap.map;
  }

  /** The feed's own URL, against which its `next` link resolves; the page's for a feed given as `data`. */
  private firstPageUrl(): string | undefined {
    const base = this.baseUrl;
    if (this.data !== undefined && this.data !== null) return base;
    try {
      return new URL(feedUrl(this.feed ?? config.feed ?? '', this.product), base).href;
    } catch {
      return base;
    }
  }

  private interaction(action: TestimonialsAction): void {
    this.telemetry.interaction(action);
  }

  private readonly onFilter = (event: ZmotFilterEvent): void => {
    const { product, rating } = event.detail ?? {};
    if (!product || product !== this.productId) return;
    const stars = rating === null ? null : Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : undefined;
    if (stars === undefined || stars === this.stars) return;
    this.stars = stars;
    this.interaction('filter');
  };

  private readonly clearFilter = (): void => {
    // Through the document, so the <zmot-rating> and every other testimonials for the product follow.
    const product = this.productId;
    if (product) this.dispatchEvent(new ZmotFilterEvent({ product, rating: null }));
  };

  private readonly onSort = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value as SortOrder;
    if (value === this.sort) return;
    this.sort = value;
    this.interaction('sort');
  };

  /** "See all" without `all-url`: every review in place; focus moves to the first review. */
  private readonly showAll = async (): Promise<void> => {
    this.all = true;
    this.interaction('all');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="testimonial"]')?.focus();
  };

  private toggle(key: string): void {
    const expanded = new Set(this.expanded);
    if (expanded.delete(key)) {
      this.expanded = expanded;
      return;
    }
    this.expanded = expanded.add(key);
    this.interaction('expand');
  }

  /** "Show more": the next `limit` loaded reviews, else the feed's next page(s); focus moves to the first new one. */
  private readonly showMore = async (): Promise<void> => {
    if (this.paging === 'loading') return;
    this.interaction('more');
    const before = this.shown.length;
    if (this.matching.length <= before) await this.loadPages(before);
    if (this.paging === 'failed' || !this.isConnected) return;
    this.steps += 1;
    await this.updateComplete;
    const first = this.renderRoot.querySelectorAll<HTMLElement>('[part~="testimonial"]')[before];
    first?.focus();
  };

  /** Loads further pages until one brings a review that passes the filter, or there are no more. */
  private async loadPages(shownCount: number): Promise<void> {
    this.paging = 'loading';
    const abort = (this.pagingAbort = new AbortController());
    const feed = this.feedShown;
    try {
      for (let i = 0; i < MAX_PAGES_PER_CLICK && this.matching.length <= shownCount; i++) {
        const url = this.nextUrl;
        if (!url) break;
        const page = await loadFeed(url, { signal: abort.signal, timeout: config.timeout });
        if (abort.signal.aborted || feed !== this.feedShown) return;
        this.pageUrls = [...this.pageUrls, url];
        this.pages = [...this.pages, page.feed];
      }
      this.paging = 'idle';
    } catch (error) {
      if (abort.signal.aborted || feed !== this.feedShown) return;
      const message = error instanceof Error ? error.message : String(error);
      console.warn(`zmot: <zmot-testimonials${this.product ? ` product="${this.product}"` : ''}> could not load more reviews: ${message}`);
      this.paging = 'failed';
    }
  }

  /** Finds which shown texts overflow their clamp, so only those offer "Read more". */
  private measure(): void {
    const clamped = new Set(this.clamped);
    const shown = this.shown;
    const carousel = this.layoutName === 'carousel';
    this.renderRoot.querySelectorAll<HTMLElement>('[part~="testimonial"]').forEach((card, i) => {
      const review = shown[carousel ? this.carousel.index : i];
      // An expanded card clamps nothing: nothing to measure.
      if (!review || !card.classList.contains('clamp')) return;
      const overflows = [...card.querySelectorAll<HTMLElement>('.body, .reply-body, .title, .name, .role')].some(
        (el) => el.scrollHeight > el.clientHeight + 1,
      );
      if (overflows) clamped.add(String(review.id));
      else clamped.delete(String(review.id));
    });
    if (clamped.size !== this.clamped.size || [...clamped].some((key) => !this.clamped.has(key))) this.clamped = clamped;
  }

  private writeStructuredData(): void {
    const feed = this.feedController.value?.feed;
    if (!feed || this.noStructuredData) return;
    const shown = this.shown;
    const key = JSON.stringify([feed.product.id, shown.map((review) => review.id)]);
    if (key === this.structuredKey) return;
    this.structuredKey = key;
    const reviews = shown.map(reviewJsonLd).filter((review): review is JsonLd => review !== undefined);
    const data = productJsonLd(feed.product, summarise(feed).own, location.origin + location.pathname);
    writeShownReviews(feed.product, data, this, reviews);
  }
}

function same(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-testimonials': ZmotTestimonials;
  }
}
