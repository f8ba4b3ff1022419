import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { STARS, summarise, type Provenance, type Summary } from '../../feed/aggregate.js';
import { ZmotFilterEvent } from '../../events.js';
import { safeUrl } from '../../feed/safe-url.js';
import { productJsonLd } from '../../feed/structured-data.js';
import { addEnglish } from '../../i18n/i18n.js';
import { policyDisclosure, policyStyles } from '../core/policy.js';
import { TelemetryController } from '../core/telemetry-controller.js';
import { stars } from '../core/stars.js';
import { writeStructuredData } from '../core/structured-data.js';
import { tokens } from '../core/tokens.styles.js';
import { inlineSize } from '../core/inline-size.js';
import { ZmotElement } from '../core/zmot-element.js';
import { ratingMessages } from './rating.messages.js';
import { styles } from './rating.styles.js';

// The English of the messages only this element shows: in its chunk, not in the one the elements share.
addEnglish(ratingMessages);

export type RatingVariant = 'summary' | 'full' | 'compact';

/**
 * The aggregate score of a product: average, fractional stars and review count, combined honestly across
 * the site's own reviews and other platforms, always with where the numbers come from. When the feed has a
 * `policy`, the summary and full variants end the provenance line with "How reviews work here".
 *
 * @tagname zmot-rating
 * @summary Aggregate review score: stars, average, count; distribution and sources in the full variant.
 *
 * @slot fallback - Shown instead of the score when the feed cannot be loaded. Defaults to a short muted sentence.
 *
 * @csspart base - The outer box.
 * @csspart stars - The stars (an SVG).
 * @csspart average - The average score.
 * @csspart count - The number of reviews.
 * @csspart provenance - The line that says where the score comes from.
 * @csspart policy - "How reviews work here" (a `<details>` at the end of the provenance line), from the feed's `policy`; not in the compact variant.
 * @csspart distribution - The star distribution (full variant).
 * @csspart sources - The per-source breakdown (full variant).
 * @csspart fallback - The default fallback text.
 *
 * @cssprop --zmot-rating-star-size - Height of one star (default `1.25em`, `1em` in the compact variant).
 * @cssprop --zmot-rating-min-block-size - Space reserved before the data arrives (default: exactly what the data takes in the common layouts).
 * @cssprop --zmot-rating-compact-min-inline-size - Width reserved by the compact badge (default `11em`).
 * @cssprop --zmot-color-star - Filled star colour.
 * @cssprop --zmot-color-star-empty - Empty star colour.
 * @cssprop --zmot-color-bar - Distribution bar colour.
 * @cssprop --zmot-color-track - Distribution track colour.
 * @cssprop --zmot-color-text - Text colour (default: the page's).
 * @cssprop --zmot-color-muted - Secondary text colour (default: the page's).
 * @cssprop --zmot-color-link - Link colour (default: the page's).
 * @cssprop --zmot-color-focus - Focus ring colour.
 * @cssprop --zmot-color-surface - Background (default transparent).
 * @cssprop --zmot-color-border - Border colour (default transparent).
 * @cssprop --zmot-radius - Corner radius.
 * @cssprop --zmot-space - Base spacing.
 * @cssprop --zmot-font-family - Font family (default: the page's).
 * @cssprop --zmot-font-size - Font size (default: the page's).
 *
 * @fires zmot-error - The feed is missing, slow, not JSON or invalid; the fallback is shown.
 * @fires zmot-filter - The visitor picked a star row of the distribution (`rating`: 1–5), or picked it again to clear the filter (`rating: null`); `<zmot-testimonials>` for the same product show only those reviews.
 */
export class ZmotRating extends ZmotElement {
  static override styles = [tokens, policyStyles, styles];

  /** `summary` (absent): stars, average, count and provenance. `full` adds the distribution and sources. `compact`: a one-line badge. */
  @property({ reflect: true }) variant: RatingVariant = 'summary';

  /** Don't write the product's JSON-LD (`Product` + `AggregateRating`) into the page. */
  @property({ type: Boolean, attribute: 'no-structured-data' }) noStructuredData = false;

  /** Full variant: keep the distribution rows plain text instead of buttons that filter `<zmot-testimonials>`. */
  @property({ type: Boolean, attribute: 'no-filter' }) noFilter = false;

  /** The star row picked to filter the product's testimonials, as the last `zmot-filter` for it said. */
  @state() private filtered: number | null = null;

  private readonly telemetry = new TelemetryController(this, 'rating', () => this.productId);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('zmot-filter', this.onFilter);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('zmot-filter', this.onFilter);
  }

  /** The product the filter events name: the attribute, else the feed's. */
  private get productId(): string | undefined {
    return this.product ?? this.feedController.value?.feed.product.id;
  }

  private readonly onFilter = (event: ZmotFilterEvent): void => {
    if (event.detail?.product === this.productId) this.filtered = event.detail.rating;
  };

  private filterBy(star: number): void {
    const product = this.productId;
    if (!product) return;
    this.dispatchEvent(new ZmotFilterEvent({ product, rating: this.filtered === star ? null : star }));
    this.telemetry.interaction('filter');
  }

  /** The computed summary of the loaded feed, if any. */
  get summary(): Summary | undefined {
    const parsed = this.feedController.value;
    return parsed ? summarise(parsed.feed) : undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const parsed = this.feedController.value;
    if (parsed && this.langReady) this.telemetry.rendered();
    if (!parsed || this.noStructuredData) return;
    const { product } = parsed.feed;
    const data = productJsonLd(product, summarise(parsed.feed).own, location.origin + location.pathname);
    if (data) writeStructuredData(product, data);
  }

  protected override render(): TemplateResult {
    const variant = this.variant === 'full' || this.variant === 'compact' ? this.variant : 'summary';
    // Until the messages of the element's language are in, the reserved box: never a flash of English.
    const summary = this.langReady ? this.summary : undefined;
    if (summary) return this.renderSummary(summary, variant);
    if (this.feedController.failed && this.langReady) {
      return html`<div part="base" class=${variant}>
        <slot name="fallback"><p part="fallback">${this.l.t('unavailable')}</p></slot>
      </div>`;
    }
    // Loading: the same box, empty, so nothing on the page moves when the data arrives.
    return html`<div part="base" class=${variant} aria-busy="true"></div>`;
  }

  private label(summary: Summary): string {
    const l = this.l;
    const rating = l.score(summary.rating);
    const reviews = l.t('reviewCount', { count: summary.count });
    if (!summary.combined) return l.t('ratingLabel', { rating, reviews });
    return l.t('ratingLabelSources', { rating, reviews, sources: l.list(summary.parts.map((p) => this.partName(p))) });
  }

  private partName(part: Provenance): string {
    return part.id === 'own' ? this.l.t('ownSource') : part.name;
  }

  private renderSummary(summary: Summary, variant: RatingVariant): TemplateResult {
    const l = this.l;
    if (summary.count === 0) {
      return html`<div part="base" class="${variant} none" role=${variant === 'compact' ? 'img' : 'group'} aria-label=${l.t('noReviews')}>
        <div class="header" aria-hidden="true">${stars(0)}<span part="count">${l.t('noReviews')}</span></div>
      </div>`;
    }
    const label = this.label(summary);
    const sources = summary.combined ? l.t('sourceCount', { count: summary.parts.length }) : '';
    if (variant === 'compact') {
      return html`<div part="base" class="compact" role="img" aria-label=${label}>
        ${stars(summary.rating)}<span part="average">${l.score(summary.rating)}</span>
        <span part="count">(${l.number(summary.count)}${sources ? ` · ${sources}` : ''})</span>
      </div>`;
    }
    const provenance = summary.combined
      ? l.t('provenanceCombined', { sources: l.list(summary.parts.map((p) => this.partName(p))) })
      : l.t('provenanceOwn');
    return html`<div part="base" class=${variant} role="group" aria-label=${label}>
      <div class="header" aria-hidden="true">
        ${stars(summary.rating)}<span part="average">${l.score(summary.rating)}</span>
        <span class="scale">${l.t('outOfFive')}</span>
        <span part="count">· ${l.t('reviewCount', { count: summary.count })}</span>
      </div>
      <div class="provenance"><p part="provenance">${provenance}</p> ${policyDisclosure(l, this.feedController.value?.feed.policy)}</div>
      ${variant === 'full' ? this.renderDetails(summary) : nothing}
    </div>`;
  }

  private renderDetails(summary: Summary): TemplateResult {
    const l = this.l;
    const { distribution } = summary.own;
    // Shares of the distribution's own total: a feed whose distribution does not add up to its count
    // still shows shares that add up to 100 %.
    const total = distribution ? STARS.reduce((sum, star) => sum + distribution[star], 0) : 0;
    return html`<div class="details">
      ${distribution
        ? html`<div part="distribution">
            <p class="label" id="distribution-label">${l.t('distributionLabel')}</p>
            <ul aria-labelledby="distribution-label">
              ${STARS.map((star) => {
                const n = distribution[star];
                const share = total ? n / total : 0;
                const starsText = l.t('starCount', { count: star });
                // The bar's width goes through the CSSOM in the browser: a `style` attribute is blocked by a
                // strict `style-src` (SECURITY.md); the server writes one (inline-size.ts).
                const row = html`<span class="sr">${l.t('distributionRow', {
                    stars: starsText,
                    reviews: l.t('reviewCount', { count: n }),
                    percent: l.percent(share),
                  })}</span>
                  <span aria-hidden="true">${starsText}</span>
                  <span class="track" aria-hidden="true"><span class="fill" style=${inlineSize(share)}></span></span>
                  <span class="num" aria-hidden="true">${l.number(n)} · ${l.percent(share)}</span>`;
                return html`<li>
                  ${this.noFilter
                    ? row
                    : html`<button class="row" type="button" aria-pressed=${this.filtered === star ? 'true' : 'false'}
                        @click=${() => this.filterBy(star)}>${row}</button>`}
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}
      ${summary.combined ? this.renderSources(summary) : nothing}
    </div>`;
  }

  private renderSources(summary: Summary): TemplateResult {
    const l = this.l;
    return html`<div part="sources" class="sources">
      <p class="label" id="sources-label">${l.t('sourcesLabel')}</p>
      <ul aria-labelledby="sources-label">
        ${summary.parts.map((part) => {
          const name = this.partName(part);
          const href = safeUrl(part.url, this.baseUrl);
          const rating = l.number(part.rating, { maximumFractionDigits: 1 });
          const scale = l.number(part.scale);
          const reviews = l.t('reviewCount', { count: part.count });
          return html`<li>
            <span>${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${name}</a>` : name}<span class="sr"
                >: ${l.t('sourceScore', { rating, scale, reviews })}</span
              ></span>
            <span aria-hidden="true">${l.t('sourceRating', { rating, scale })}</span>
            <span class="num" aria-hidden="true">${reviews}</span>
          </li>`;
        })}
      </ul>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-rating': ZmotRating;
  }
}
