import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { config } from '../../config.js';
import { fetchOptions } from '../../fetch-options.js';
import { addEnglish, LOCALES, resolveLang } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { HONEYPOT_FIELD, REVIEW_LIMITS } from '../../reviews/limits.js';
import { STAR } from '../core/stars.js';
import { TelemetryController } from '../core/telemetry-controller.js';
import { tokens } from '../core/tokens.styles.js';
import { ZmotElement } from '../core/zmot-element.js';
import { forgetInvitation, readInvitation, type Invitation } from './invitation.js';
import { reviewFormMessages } from './review-form.messages.js';
import { styles } from './review-form.styles.js';

// The English of the messages only this element shows: in its chunk, not in the one the elements share.
addEnglish(reviewFormMessages);

/** The fields that can be wrong, in the order of the form (the first wrong one gets the focus). */
const FIELDS = ['rating', 'title', 'body', 'name', 'role', 'company', 'lang', 'consent'] as const;
export type ReviewField = (typeof FIELDS)[number];
type TextField = 'title' | 'body' | 'name' | 'role' | 'company';
type Draft = Record<TextField, string> & { rating: number; consent: boolean; lang?: string };

/** The languages a review may be written in: zmot's twelve. */
const LANGUAGES = ['en', ...LOCALES] as const;
const RATINGS = [1, 2, 3, 4, 5] as const;
/** Characters before the body's limit from which the count left is announced. */
const NEAR_LIMIT = 100;
/** Milliseconds before a review that was sent and not answered counts as not sent. */
const SEND_TIMEOUT = 20_000;
/** The wait after a 429 when its `Retry-After` cannot be read (the collector lets one review through a minute). */
const DEFAULT_RETRY_S = 60;

/**
 * The form's field a 400 names (`{"error":"body: at least 20 characters"}`): `author.name` (or `author`) is the
 * name, `author.role` the role …; `undefined` for one the visitor cannot correct (`site`, `product`, `token`).
 */
function collectorField(error: string): ReviewField | undefined {
  const name = error.split(':')[0]!.trim().replace(/^author\.?/, '') || 'name';
  return (FIELDS as readonly string[]).includes(name) ? (name as ReviewField) : undefined;
}

/** The body's length against its limits: what is announced when it changes. */
type BodyBand = 'short' | 'ok' | 'near' | 'full';

/** A language's own name for itself ("Deutsch", "العربية"), capitalised as a list item. */
function endonym(lang: string): string {
  try {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  } catch {
    return lang;
  }
}

/** Seconds to wait from a `Retry-After` header in seconds, as the collector sends it (a minute when unreadable). */
function retryAfter(header: string | null): number {
  const seconds = Number(header);
  return header && seconds >= 0 ? seconds : DEFAULT_RETRY_S;
}

/**
 * A form to write a review of a product: a rating (a radio group of five stars), a title, the review with live
 * character counts, the name to show, job title and company with `b2b`, the language it is written in, and
 * consent to publish. It sends the review to the collector's `POST /v1/reviews` (contract §8), which keeps it
 * for moderation. Opened from an invitation link (`#zmot-invite=<token>`), it says the review will be marked as a
 * verified purchase once the collector has checked the invitation, and discloses any incentive the invitation
 * carries; the token is taken out of the address at once. Bots are kept out by a field people never see and by
 * the time the form was open, never by a captcha.
 *
 * @tagname zmot-review-form
 * @summary Review form: star rating, title, text, name, consent; sends to the collector for moderation.
 *
 * @slot heading - The heading above the form (default: "Write a review of {name}", or "Write a review").
 *
 * @csspart base - The outer box.
 * @csspart form - The `<form>`.
 * @csspart heading - The heading above the form, and the thanks after sending.
 * @csspart invitation - The note that the review was invited after an order.
 * @csspart incentive - The disclosure of the incentive the invitation offered.
 * @csspart errors - The summary of what to correct, with a link to each field.
 * @csspart rating - The fieldset of the rating.
 * @csspart star - One star of the rating (the label that wraps its radio button).
 * @csspart field - The box of one field: its label, hint, error and control.
 * @csspart label - A field's label.
 * @csspart hint - The body's limits.
 * @csspart count - The body's live character count.
 * @csspart error - The message under a field that is wrong.
 * @csspart control - Every text field, text area and select.
 * @csspart consent - The consent checkbox and its label.
 * @csspart status - What went wrong sending (too many reviews, no connection), kept beside the send button.
 * @csspart actions - The row with the send button.
 * @csspart button - The send button.
 * @csspart success - The thanks and the moderation note shown once the review is sent.
 *
 * @cssprop --zmot-color-accent - The send button and the ticked consent box (default `#0969da`, `#58a6ff` in dark mode).
 * @cssprop --zmot-color-on-accent - Text on the accent colour (default white, near-black in dark mode).
 * @cssprop --zmot-color-error - Errors and the fields they are about (default `#cf222e`, `#ff7b72` in dark mode).
 * @cssprop --zmot-color-star - The chosen stars.
 * @cssprop --zmot-color-star-empty - The stars not chosen.
 * @cssprop --zmot-color-text - Text colour (default: the page's).
 * @cssprop --zmot-color-muted - Hints, counts and notes.
 * @cssprop --zmot-color-focus - Focus ring colour.
 * @cssprop --zmot-color-surface - Background of the box (default transparent).
 * @cssprop --zmot-color-border - Border of the box and the fields.
 * @cssprop --zmot-radius - Corner radius.
 * @cssprop --zmot-space - Base spacing.
 * @cssprop --zmot-font-family - Font family (default: the page's).
 * @cssprop --zmot-font-size - Font size (default: the page's).
 *
 * @fires {ZmotTelemetryEvent} zmot-event - Telemetry (widget `review-form`): `render`, `impression`, `interaction` with `start` (first input), `invalid` (errors shown before sending) and `submit` (the collector accepted the review), `error`.
 * @fires {ZmotErrorEvent} zmot-error - A feed was configured for the product's name but could not be loaded; the form works on without it.
 */
export class ZmotReviewForm extends ZmotElement {
  static override styles = [tokens, styles];
  static override feedOptional = true;

  /** The product's name in the heading (default: the feed's product name; no feed is needed with it). */
  @property() name?: string;

  /** Also ask for the reviewer's job title and company (B2B reviews). */
  @property({ type: Boolean }) b2b = false;

  /** Where reviews are sent (default: the `/v1/reviews` beside the `endpoint` events go to, e.g. `https://c.example/v1/events` → `https://c.example/v1/reviews`). */
  @property() action?: string;

  /** The site id sent with the review (default: the script's `data-site`). */
  @property() site?: string;

  @state() private invitation?: Invitation;
  /** What the visitor entered; `lang` stays unset until they choose one (the element's language until then). */
  @state() private values: Draft = { rating: 0, title: '', body: '', name: '', role: '', company: '', consent: false };
  @state() private errors: Partial<Record<ReviewField, MessageKey>> = {};
  /** The summary of errors is shown (after a send was refused). */
  @state() private summary = false;
  /** A problem sending, shown beside the button; `time` fills `{time}`. */
  @state() private problem?: { key: MessageKey; time?: string };
  @state() private sending = false;
  @state() private sent = false;
  /** What the polite live region says: the body's length crossing a limit, "Sending…". */
  @state() private announcement = '';

  private band: BodyBand = 'short';
  private started = false;
  private shownAt?: number;
  private focusNext?: string;
  private readonly telemetry = new TelemetryController(this, 'review-form', () => this.reviewProduct);

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this.invitation ??= readInvitation();
    } catch {
      // Never into the host page: the form works without an invitation.
    }
  }

  /** The feed is only asked for the product's name, when `name` does not give it. @internal */
  feedWanted(): boolean {
    return this.name === undefined;
  }

  /** The product reviewed: the `product` attribute, else the invitation's. */
  get reviewProduct(): string | undefined {
    return this.product || this.invitation?.product;
  }

  /** The URL reviews are sent to: `action`, else `/v1/reviews` beside the events endpoint. */
  get reviewsUrl(): string | undefined {
    try {
      if (this.action) return new URL(this.action, document.baseURI).href;
      const endpoint = this.endpoint ?? config.endpoint;
      if (!endpoint) return undefined;
      const url = new URL(endpoint, document.baseURI);
      url.pathname = url.pathname.replace(/\/(events\/?)?$/, (end) => (end === '/' ? '/v1/reviews' : '/reviews'));
      url.search = url.hash = '';
      return url.href;
    } catch {
      return undefined;
    }
  }

  private get waiting(): boolean {
    return this.feedController.loading || !this.langReady;
  }

  /** The language a review is written in unless the reviewer picks another: the element's, if zmot has it. */
  private get defaultLang(): string {
    const base = resolveLang(this).toLowerCase().split('-')[0]!;
    return (LANGUAGES as readonly string[]).includes(base) ? base : 'en';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.waiting) return;
    this.telemetry.rendered();
    if (!this.sent) this.shownAt ??= performance.now();
    const target = this.focusNext;
    if (target) {
      this.focusNext = undefined;
      this.renderRoot.querySelector<HTMLElement>(target)?.focus();
    }
  }

  // ——— input ———

  private onInput(event: Event): void {
    if (!this.started) {
      this.started = true;
      this.telemetry.interaction('start');
    }
    const target = event.target as HTMLInputElement;
    const field = target.dataset.field as ReviewField | undefined;
    if (!field) return;
    this.values = { ...this.values, [field]: field === 'rating' ? Number(target.value) : field === 'consent' ? target.checked : target.value };
    if (field === 'body') this.announceLength();
    // A field that was wrong is checked again as it changes; the others wait for the next send.
    if (this.errors[field]) {
      const errors = { ...this.errors };
      const now = this.check()[field];
      if (now) errors[field] = now;
      else delete errors[field];
      this.errors = errors;
    }
  }

  /** Announces the body's length, politely, only when it crosses a limit: not on every key. */
  private announceLength(): void {
    const body = this.values.body;
    const length = body.length;
    const trimmed = body.trim().length;
    const band: BodyBand =
      trimmed < REVIEW_LIMITS.bodyMin ? 'short' : length >= REVIEW_LIMITS.body ? 'full' : REVIEW_LIMITS.body - length <= NEAR_LIMIT ? 'near' : 'ok';
    if (band === this.band) return;
    const from = this.band;
    this.band = band;
    const l = this.l;
    this.announcement =
      band === 'short'
        ? l.t('formNeeded', { count: l.number(REVIEW_LIMITS.bodyMin - trimmed) })
        : band === 'ok'
          ? from === 'short'
            ? l.t('formEnough')
            : ''
          : l.t('formLeft', { count: l.number(Math.max(0, REVIEW_LIMITS.body - length)) });
  }

  /** What is wrong before sending, by field. */
  private check(): Partial<Record<ReviewField, MessageKey>> {
    const errors: Partial<Record<ReviewField, MessageKey>> = {};
    const body = this.values.body.trim();
    if (!this.values.rating) errors.rating = 'formRatingMissing';
    if (!body) errors.body = 'formBodyMissing';
    else if (body.length < REVIEW_LIMITS.bodyMin) errors.body = 'formBodyShort';
    if (!this.values.name.trim()) errors.name = 'formNameMissing';
    if (!this.values.consent) errors.consent = 'formConsentMissing';
    return errors;
  }

  /** Shows `errors` by their fields and in the summary, and moves the focus to the first. */
  private showErrors(errors: Partial<Record<ReviewField, MessageKey>>): void {
    this.errors = errors;
    this.summary = true;
    const first = FIELDS.find((field) => errors[field]);
    if (first) this.focusNext = selector(first);
  }

  /** The review as contract §8 has it, with the bot checks. */
  private review(site: string, product: string): Record<string, unknown> {
    const text = (field: TextField) => this.values[field].trim() || undefined;
    const author: Record<string, string | undefined> = { name: text('name') };
    if (this.b2b) {
      author.role = text('role');
      author.company = text('company');
    }
    const honeypot = this.renderRoot.querySelector<HTMLInputElement>(`[name="${HONEYPOT_FIELD}"]`)?.value ?? '';
    return {
      site,
      product,
      rating: this.values.rating,
      title: text('title'),
      body: this.values.body.trim(),
      author,
      lang: this.values.lang ?? this.defaultLang,
      token: this.invitation?.token,
      consent: true,
      [HONEYPOT_FIELD]: honeypot,
      elapsed: Math.round(performance.now() - (this.shownAt ?? performance.now())),
    };
  }

  private async send(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    this.problem = undefined;
    const errors = this.check();
    if (Object.keys(errors).length) {
      this.showErrors(errors);
      this.telemetry.interaction('invalid');
      return;
    }
    this.errors = {};
    this.summary = false;
    const url = this.reviewsUrl;
    const site = this.site ?? config.site;
    const product = this.reviewProduct;
    if (!url || !site || !product) {
      console.warn(`zmot: <zmot-review-form> cannot send reviews without data-endpoint or action, data-site or site, and a product`);
      this.problem = { key: 'formFailed' };
      return;
    }
    this.sending = true;
    this.announcement = this.l.t('formSending');
    try {
      const response = await fetch(
        url,
        fetchOptions({
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(this.review(site, product)),
          credentials: 'omit',
          signal: AbortSignal.timeout(SEND_TIMEOUT),
        }),
      );
      await this.answered(response);
    } catch {
      this.problem = { key: 'formOffline' };
    } finally {
      this.sending = false;
      this.announcement = '';
    }
  }

  /** The collector's answer: thanks, the field it names, or when to try again. Everything typed stays. */
  private async answered(response: Response): Promise<void> {
    if (response.ok) {
      this.sent = true;
      forgetInvitation();
      this.telemetry.interaction('submit');
      this.focusNext = '[part~="success"]';
      return;
    }
    if (response.status === 429) {
      this.problem = { key: 'formTooMany', time: this.inTime(retryAfter(response.headers.get('retry-after'))) };
      return;
    }
    let message = '';
    try {
      const answer: unknown = await response.json();
      if (answer && typeof answer === 'object' && typeof (answer as { error?: unknown }).error === 'string') message = (answer as { error: string }).error;
    } catch {
      // No JSON: said as a failure below.
    }
    const field = response.status === 400 ? collectorField(message) : undefined;
    if (!field) {
      console.warn(`zmot: the collector refused the review: ${response.status} ${message}`);
      this.problem = { key: 'formFailed' };
      return;
    }
    this.showErrors({ [field]: this.check()[field] ?? 'formFieldInvalid' });
  }

  /** "in 30 seconds", "in 2 minutes" in the element's language. */
  private inTime(seconds: number): string {
    const format = new Intl.RelativeTimeFormat(this.l.locale, { numeric: 'always' });
    return seconds < 60 ? format.format(Math.max(1, Math.ceil(seconds)), 'second') : format.format(Math.ceil(seconds / 60), 'minute');
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const waiting = this.waiting;
    return html`<div part="base" class=${waiting ? 'loading' : ''} aria-busy=${waiting ? 'true' : nothing}>
      ${this.sent ? this.renderSent() : this.renderForm()}
    </div>`;
  }

  private renderSent(): TemplateResult {
    return html`<div part="success" class="success" tabindex="-1" role="group" aria-labelledby="thanks moderation">
      <p part="heading" id="thanks">${this.l.t('formThanks')}</p>
      <p id="moderation">${this.l.t('formModeration')}</p>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const l = this.l;
    const name = this.name ?? this.feedController.value?.feed.product.name;
    const incentive = this.invitation?.incentive;
    const lang = this.values.lang ?? this.defaultLang;
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.send} @input=${this.onInput}>
      <p part="heading" id="heading"><slot name="heading">${name ? l.t('formHeadingProduct', { name }) : l.t('formHeading')}</slot></p>
      ${this.invitation ? html`<p part="invitation" class="note">${l.t('formInvited')}</p>` : nothing}
      ${incentive ? html`<p part="incentive" class="note">${l.t('formIncentive', { incentive })}</p>` : nothing}
      ${this.renderSummary()}
      <fieldset part="rating" aria-describedby=${this.errors.rating ? 'rating-error' : nothing}>
        <legend part="label">${l.t('formRating')}</legend>
        <div class="choices">
          ${RATINGS.map(
            (n) => html`<label part="star">
              <input
                type="radio"
                name="rating"
                data-field="rating"
                value=${n}
                required
                .checked=${this.values.rating === n}
                aria-invalid=${this.errors.rating ? 'true' : nothing}
              /><svg class=${n <= this.values.rating ? 'star on' : 'star'} viewBox="0 0 24 24" aria-hidden="true" focusable="false">${svg`<path d=${STAR}></path>`}</svg
              ><span class="sr">${l.t('starCount', { count: n })}</span>
            </label>`,
          )}
        </div>
        ${this.renderError('rating')}
      </fieldset>
      ${this.renderText('title', 'formTitleLabel', REVIEW_LIMITS.title)}
      ${this.renderBody()}
      ${this.renderText('name', 'formNameLabel', REVIEW_LIMITS.name, true, 'name')}
      ${this.b2b
        ? html`${this.renderText('role', 'formRoleLabel', REVIEW_LIMITS.role, false, 'organization-title')}
          ${this.renderText('company', 'formCompanyLabel', REVIEW_LIMITS.company, false, 'organization')}`
        : nothing}
      <div part="field" class="field">
        <label part="label" for="lang">${l.t('formLangLabel')}</label>
        <select part="control" id="lang" data-field="lang" .value=${lang}>
          ${LANGUAGES.map((code) => html`<option value=${code} lang=${code} ?selected=${code === lang}>${endonym(code)}</option>`)}
        </select>
      </div>
      <div part="consent" class="consent">
        <label>
          <input
            type="checkbox"
            id="consent"
            data-field="consent"
            required
            .checked=${this.values.consent}
            aria-invalid=${this.errors.consent ? 'true' : nothing}
            aria-describedby=${this.errors.consent ? 'consent-error' : nothing}
          /><span class="box" aria-hidden="true"></span><span>${l.t('formConsent')}</span>
        </label>
        ${this.renderError('consent')}
      </div>
      <div class="sr hp" aria-hidden="true">
        <label for=${HONEYPOT_FIELD}>${l.t('formHoneypot')}</label>
        <input id=${HONEYPOT_FIELD} name=${HONEYPOT_FIELD} type="text" tabindex="-1" autocomplete="off" />
      </div>
      <p part="status" class="status" role="alert">${this.problem ? l.t(this.problem.key, { time: this.problem.time ?? '' }) : ''}</p>
      <p class="sr" role="status">${this.announcement}</p>
      <div part="actions" class="actions">
        <button part="button" type="submit" aria-disabled=${this.sending ? 'true' : nothing}>
          ${this.sending ? l.t('formSending') : l.t('formSend')}
        </button>
      </div>
    </form>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const wrong = FIELDS.filter((field) => this.errors[field]);
    if (!this.summary || !wrong.length) return nothing;
    return html`<div part="errors" class="errors">
      <p>${this.l.t('formErrors')}</p>
      <ul>
        ${wrong.map(
          (field) => html`<li>
            <a
              href=${`#${field}`}
              @click=${(event: Event) => {
                event.preventDefault();
                this.renderRoot.querySelector<HTMLElement>(selector(field))?.focus();
              }}
              >${this.errorText(field)}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private errorText(field: ReviewField): string {
    const key = this.errors[field];
    return key ? this.l.t(key, { min: this.l.number(REVIEW_LIMITS.bodyMin) }) : '';
  }

  private renderError(field: ReviewField): TemplateResult | typeof nothing {
    return this.errors[field] ? html`<p part="error" class="error" id=${`${field}-error`}>${this.errorText(field)}</p>` : nothing;
  }

  private describedBy(field: ReviewField, ...others: string[]): string | typeof nothing {
    const ids = [...others, ...(this.errors[field] ? [`${field}-error`] : [])];
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderText(field: TextField, label: MessageKey, max: number, required = false, autocomplete = 'off'): TemplateResult {
    return html`<div part="field" class="field">
      <label part="label" for=${field}>${this.l.t(label)}</label>
      <input
        part="control"
        type="text"
        id=${field}
        data-field=${field}
        maxlength=${max}
        autocomplete=${autocomplete}
        ?required=${required}
        .value=${this.values[field]}
        aria-invalid=${this.errors[field] ? 'true' : nothing}
        aria-describedby=${this.describedBy(field)}
      />
      ${this.renderError(field)}
    </div>`;
  }

  private renderBody(): TemplateResult {
    const l = this.l;
    const length = this.values.body.length;
    return html`<div part="field" class="field">
      <label part="label" for="body">${l.t('formBodyLabel')}</label>
      <p part="hint" class="hint" id="body-hint">
        ${l.t('formBodyHint', { min: l.number(REVIEW_LIMITS.bodyMin), max: l.number(REVIEW_LIMITS.body) })}
      </p>
      <textarea
        part="control"
        id="body"
        data-field="body"
        rows="6"
        minlength=${REVIEW_LIMITS.bodyMin}
        maxlength=${REVIEW_LIMITS.body}
        required
        .value=${this.values.body}
        aria-invalid=${this.errors.body ? 'true' : nothing}
        aria-describedby=${this.describedBy('body', 'body-hint', 'body-count')}
      ></textarea>
      <p part="count" class="count" id="body-count">${l.number(length)} / ${l.number(REVIEW_LIMITS.body)}</p>
      ${this.renderError('body')}
    </div>`;
  }
}

/** The control a field's error sends the focus to: its own, or the rating's first star. */
function selector(field: ReviewField): string {
  return field === 'rating' ? 'input[name="rating"]' : `#${field}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-review-form': ZmotReviewForm;
  }
}
