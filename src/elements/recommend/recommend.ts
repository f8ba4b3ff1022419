import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Product } from '../../feed/schema.js';
import { safeUrl } from '../../feed/safe-url.js';
import { addEnglish } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/messages/en.js';
import { keepCode, shownCode, referralLink } from '../../referral/code.js';
import { load, save } from '../../referral/storage.js';
import { TelemetryController } from '../core/telemetry-controller.js';
import { tokens } from '../core/tokens.styles.js';
import { ZmotElement } from '../core/zmot-element.js';
import { recommendMessages } from './recommend.messages.js';
import { styles } from './recommend.styles.js';
import { canShareNatively, channelUrl, copyText, parseChannels, redact, type Channel, type LinkChannel } from './share.js';

// The English of the messages only this element shows: in its chunk, not in the one the elements share.
addEnglish(recommendMessages);

export type RecommendAsk = 'nps' | 'share';

/** localStorage: when the visitor last answered or dismissed the question (ms since the epoch). */
export const ANSWERED_KEY = 'zmot:nps';

const DAY = 86_400_000;
const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
const NETWORKS: Record<LinkChannel, string> = {
  email: '',
  whatsapp: 'WhatsApp',
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
};

type Answer = 'promoter' | 'passive' | 'detractor';

/** NPS groups: 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsGroup(score: number): Answer {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}

/**
 * "Recommend to a friend": the NPS question as a 0–10 radio group; promoters then get a share panel with
 * their personal referral link, passives thanks and a softer share option, detractors a private, anonymous
 * "What could we do better?" box. Once answered or dismissed it stays away for `cooldown-days`. Inline by
 * default; `open()` shows it as a modal dialog. With `review-url`, every answer alike — promoter, passive or
 * detractor — is offered "Write a review": never only the happy ones (no review gating).
 *
 * @tagname zmot-recommend
 * @summary NPS question, then a referral share panel for promoters and a private feedback box for detractors.
 *
 * @slot question - The question (default: "How likely are you to recommend {name} to a friend or colleague?").
 * @slot feedback-label - The detractors' prompt (default: "What could we do better?").
 * @slot promoter-heading - What promoters read above their link.
 * @slot passive-heading - What passives read above the "Share a link" button.
 * @slot share-heading - The heading of the share panel with `ask="share"`.
 * @slot thanks - What detractors read after sending.
 *
 * @csspart base - The outer box (inside the dialog when open as one).
 * @csspart dialog - The `<dialog>` used by `open()`.
 * @csspart close - The dialog's close button.
 * @csspart question - The fieldset with the question and the scale.
 * @csspart scale - The row of 11 scores.
 * @csspart score - One score (the label that wraps its radio button).
 * @csspart ends - The "Not likely" / "Very likely" labels under the scale.
 * @csspart feedback - The detractors' feedback box and its note.
 * @csspart actions - The row with the send and dismiss buttons.
 * @csspart button - Every button and share link.
 * @csspart primary - The main action: the send button, and the copy button of the share panel.
 * @csspart heading - The text that opens each follow-up panel.
 * @csspart share - The share panel.
 * @csspart link - The read-only field with the referral link (a `<textarea>`: the whole link shows, wrapping, its code included).
 * @csspart channels - The list of share buttons.
 * @csspart status - The "Link copied" confirmation.
 * @csspart review - The "Write a review" link (with `review-url`), after every answer alike.
 *
 * @cssprop --zmot-color-accent - The send button and the chosen score (default `#0969da`, `#58a6ff` in dark mode).
 * @cssprop --zmot-color-on-accent - Text on the accent colour (default white, near-black in dark mode).
 * @cssprop --zmot-color-dialog - The dialog's background (default the system `Canvas`).
 * @cssprop --zmot-color-text - Text colour (default: the page's; `CanvasText` in the dialog).
 * @cssprop --zmot-color-muted - Secondary text colour.
 * @cssprop --zmot-color-focus - Focus ring colour.
 * @cssprop --zmot-color-surface - Background of the inline box (default transparent).
 * @cssprop --zmot-color-border - Border of the inline box and the buttons.
 * @cssprop --zmot-radius - Corner radius.
 * @cssprop --zmot-space - Base spacing.
 * @cssprop --zmot-font-family - Font family (default: the page's).
 * @cssprop --zmot-font-size - Font size (default: the page's).
 *
 * @fires {ZmotTelemetryEvent} zmot-event - Telemetry: `nps` (`score`, `comment`?), `share` (`channel`, `ref`), `render`, `impression`, `interaction` (`dismiss`, `review`), `error`.
 * @fires {ZmotErrorEvent} zmot-error - A feed was configured for the product's name and URL but could not be loaded; the element works on with the page's.
 */
export class ZmotRecommend extends ZmotElement {
  static override styles = [tokens, styles];
  static override feedOptional = true;

  /** `nps` (default): ask the question first. `share`: show the share panel straight away. */
  @property() ask: RecommendAsk = 'nps';

  /** The share buttons, in order: any of `native,copy,email,whatsapp,x,linkedin,facebook`. */
  @property() channels = 'native,copy,email,whatsapp,x,linkedin,facebook';

  /** Days the question stays away after it was answered or dismissed; `0` asks every time. */
  @property({ type: Number, attribute: 'cooldown-days' }) cooldownDays = 90;

  /** What to recommend, in the question and the shared message (default: the feed's product name or brand, the site's name). */
  @property() name?: string;

  /** The page the referral link points to (default: the feed's product URL, else the page's canonical URL). */
  @property() url?: string;

  /** Show nothing inline: the element only appears through `open()`. */
  @property({ type: Boolean }) modal = false;

  /** Replaces the default question; `{name}` is filled in. The `question` slot wins over it. */
  @property() question?: string;

  /** Replaces the sentence sent along with the link; `{name}` is filled in. */
  @property({ attribute: 'share-text' }) shareText?: string;

  /** Replaces the e-mail subject; `{name}` is filled in. */
  @property({ attribute: 'share-subject' }) shareSubject?: string;

  /** Replaces the detractors' prompt. The `feedback-label` slot wins over it. */
  @property({ attribute: 'feedback-label' }) feedbackLabel?: string;

  /** Replaces the thanks after feedback. The `thanks` slot wins over it. */
  @property() thanks?: string;

  /**
   * The page with the review form. Once the question is answered, every score alike is offered "Write a
   * review" there (as is the share panel of `ask="share"`); without it, none is.
   */
  @property({ attribute: 'review-url' }) reviewUrl?: string;

  @state() private score?: number;
  @state() private answer?: Answer;
  @state() private sharing = false;
  @state() private dismissed = false;
  @state() private isOpen = false;
  @state() private copied?: 'copied' | 'manual';
  /** The referral code the share panel shows: the visitor's own, kept in storage only once they share. */
  @state() private ref?: string;

  private comment = '';
  private answeredAt?: number;
  private returnFocus?: HTMLElement;
  private focusHeading = false;
  private readonly telemetry = new TelemetryController(this, 'recommend');

  override connectedCallback(): void {
    super.connectedCallback();
    const answered = Number(load('local', ANSWERED_KEY));
    if (Number.isFinite(answered) && answered > 0) this.answeredAt = answered;
  }

  /** The feed is only asked for the product's name and URL, when the attributes do not give both. @internal */
  feedWanted(): boolean {
    return this.name === undefined || this.url === undefined;
  }

  /** The product the feed describes, if one was asked for and came. */
  private get feedProduct(): Product | undefined {
    return this.feedWanted() ? this.feedController.value?.feed.product : undefined;
  }

  /** True while the question is in its cooldown (answered or dismissed within `cooldown-days`). */
  get coolingDown(): boolean {
    return this.answeredAt !== undefined && Date.now() - this.answeredAt < this.cooldownDays * DAY;
  }

  /**
   * Shows the element as a modal dialog: focus moves in, Escape or the close button closes it and focus
   * returns where it was. Returns false (and shows nothing) while the question is cooling down.
   */
  open(): boolean {
    if (this.isOpen) return true;
    if (this.ask === 'nps' && !this.answer && this.coolingDown) return false;
    this.dismissed = false;
    const active = deepActiveElement();
    this.returnFocus = active instanceof HTMLElement ? active : undefined;
    this.isOpen = true;
    return true;
  }

  /** Closes the dialog opened by `open()`; an unanswered question counts as dismissed. */
  close(): void {
    this.dialog?.close();
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Holding its space, hidden: the product's name is loading, or the messages of the element's language. */
  private get waiting(): boolean {
    return this.feedController.loading || !this.langReady;
  }

  /** What is shown now, or undefined for nothing. */
  private stage(): 'question' | 'share' | 'passive' | 'thanks' | undefined {
    if (this.dismissed) return undefined;
    if (this.ask === 'share') return 'share';
    if (this.answer === 'promoter' || (this.answer === 'passive' && this.sharing)) return 'share';
    if (this.answer) return this.answer === 'passive' ? 'passive' : 'thanks';
    return this.coolingDown ? undefined : 'question';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The code shown in the share panel: the visitor's own if they have one, else one for this page view,
    // kept in storage only when they share it (never by showing it).
    if (this.stage() === 'share') this.ref ??= shownCode();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const dialog = this.dialog;
    if (this.isOpen && dialog && !dialog.open) dialog.showModal();
    if (this.focusHeading) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('[part~="heading"]')?.focus();
    }
    if (!this.waiting && this.stage() && (this.isOpen || !this.modal)) this.telemetry.rendered();
  }

  /** What to recommend: the `name` attribute, the feed's product name or brand, the site's name. */
  private recommendName(): string | undefined {
    const siteName = document.querySelector<HTMLMetaElement>('meta[property="og:site_name"]')?.content;
    return (this.name || this.feedProduct?.name || this.feedProduct?.brand || siteName)?.trim() || undefined;
  }

  /** The page the link points to: `url`, the feed's product URL, the canonical URL, this page without query. */
  private targetUrl(): string {
    const base = document.baseURI;
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
    return (
      safeUrl(this.url, base) ??
      safeUrl(this.feedProduct?.url, base) ??
      safeUrl(canonical, base) ??
      // Not origin + pathname, which is no URL at all in an about:srcdoc or about:blank frame.
      document.URL.replace(/[?#].*$/s, '')
    );
  }

  /** An attribute's text with `{name}` filled, else the message. */
  private text(custom: string | undefined, key: MessageKey, name = this.recommendName() ?? document.title): string {
    return (custom ?? this.l.t(key)).replace(/\{name\}/g, name);
  }

  // ——— actions ———

  private remember(): void {
    this.answeredAt = Date.now();
    save('local', ANSWERED_KEY, this.answeredAt);
  }

  private choose(event: Event): void {
    this.score = Number((event.target as HTMLInputElement).value);
  }

  private send(event: SubmitEvent): void {
    event.preventDefault();
    const score = this.score;
    if (score === undefined) return;
    const answer = npsGroup(score);
    const comment = answer === 'detractor' ? redact(this.comment).slice(0, 2000) : '';
    this.telemetry.track({ type: 'nps', score, ...(comment ? { comment } : {}) });
    this.remember();
    this.answer = answer;
    // A promoter is offered their link: the code they will share is theirs from now on.
    if (answer === 'promoter') keepCode((this.ref ??= shownCode()));
    this.focusHeading = true;
  }

  private dismiss(): void {
    if (this.isOpen) {
      this.close();
      return;
    }
    this.telemetry.interaction('dismiss');
    this.remember();
    this.dismissed = true;
  }

  private onDialogClose(): void {
    this.isOpen = false;
    if (this.ask === 'nps' && !this.answer) {
      this.telemetry.interaction('dismiss');
      this.remember();
      this.dismissed = true;
    }
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus();
  }

  private shared(channel: Channel, ref: string): void {
    keepCode(ref);
    this.telemetry.track({ type: 'share', channel, ref });
  }

  private async copy(ref: string): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('[part~="link"]');
    if (!input) return;
    this.copied = undefined;
    await this.updateComplete;
    const ok = await copyText(input);
    this.copied = ok ? 'copied' : 'manual';
    if (ok) this.shared('copy', ref);
  }

  private async shareNatively(link: string, ref: string): Promise<void> {
    const name = this.recommendName() ?? document.title;
    try {
      await navigator.share({ title: name, text: this.text(this.shareText, 'shareText', name), url: link });
      this.shared('native', ref);
    } catch {
      // Cancelled by the visitor, or refused by the browser: nothing was shared.
    }
  }

  // ——— rendering ———

  protected override render(): TemplateResult | typeof nothing {
    const stage = this.stage();
    if (!stage || (this.modal && !this.isOpen)) return nothing;
    const waiting = this.waiting;
    const content = html`<div part="base" class=${waiting ? 'loading' : ''} aria-busy=${waiting ? 'true' : nothing}>
      ${stage === 'question' ? this.renderQuestion()
      : stage === 'share' ? this.renderShare()
      : stage === 'passive' ? this.renderPassive()
      : this.renderThanks()}
    </div>`;
    if (!this.isOpen) return content;
    // The close button comes last, so focus lands on the question first; CSS puts it in the corner.
    return html`<dialog part="dialog" aria-labelledby="title" @close=${this.onDialogClose}>
      ${content}
      <button part="button close" class="close" type="button" aria-label=${this.l.t('close')} @click=${this.close}>
        <span aria-hidden="true">×</span>
      </button>
    </dialog>`;
  }

  private renderQuestion(): TemplateResult {
    const l = this.l;
    const name = this.recommendName();
    const question = this.question ? this.text(this.question, 'npsQuestion') : name ? l.t('npsQuestion', { name }) : l.t('npsQuestionUs');
    const detractor = this.score !== undefined && npsGroup(this.score) === 'detractor';
    return html`<form @submit=${this.send}>
      <fieldset part="question">
        <legend id="title"><slot name="question">${question}</slot></legend>
        <div part="scale" class="scale" @change=${this.choose}>
          ${SCORES.map(
            (score) => html`<label part="score">
              <input type="radio" name="score" value=${score} required .checked=${this.score === score} />
              <span class="box">${score}${score === 0 || score === 10
                ? html`<span class="sr">${` (${l.t(score ? 'npsHigh' : 'npsLow')})`}</span>`
                : nothing}</span>
            </label>`,
          )}
        </div>
        <div part="ends" class="ends" aria-hidden="true"><span>${l.t('npsLow')}</span><span>${l.t('npsHigh')}</span></div>
      </fieldset>
      ${detractor
        ? html`<div part="feedback" class="feedback">
            <label for="comment"><slot name="feedback-label">${this.feedbackLabel ?? l.t('npsFeedback')}</slot></label>
            <textarea
              id="comment"
              rows="3"
              maxlength="2000"
              aria-describedby="anonymous"
              .value=${this.comment}
              @input=${(event: Event) => (this.comment = (event.target as HTMLTextAreaElement).value)}
            ></textarea>
            <p id="anonymous" class="note">${l.t('npsAnonymous')}</p>
          </div>`
        : nothing}
      <div part="actions" class="actions">
        <button part="button primary" type="submit">${l.t('npsSend')}</button>
        ${this.isOpen ? nothing : html`<button part="button" type="button" @click=${this.dismiss}>${l.t('npsDismiss')}</button>`}
      </div>
    </form>`;
  }

  private renderHeading(slot: string, text: string): TemplateResult {
    return html`<p part="heading" id="title" tabindex="-1"><slot name=${slot}>${text}</slot></p>`;
  }

  private renderThanks(): TemplateResult {
    return html`${this.renderHeading('thanks', this.thanks ?? this.l.t('npsThanks'))}${this.renderReview()}`;
  }

  /** "Write a review", the same after every answer: promoters, passives and detractors alike. */
  private renderReview(): TemplateResult | typeof nothing {
    const href = safeUrl(this.reviewUrl, document.baseURI);
    return href
      ? html`<p class="review"><a part="button review" href=${href} @click=${() => this.telemetry.interaction('review')}>${this.l.t('writeReview')}</a></p>`
      : nothing;
  }

  private renderPassive(): TemplateResult {
    return html`${this.renderHeading('passive-heading', this.l.t('npsPassive'))}
      <button
        part="button"
        type="button"
        @click=${() => {
          this.sharing = true;
          keepCode((this.ref ??= shownCode()));
          this.focusHeading = true;
        }}
      >
        ${this.l.t('shareOpen')}
      </button>
      ${this.renderReview()}`;
  }

  private renderShare(): TemplateResult {
    const l = this.l;
    const ref = this.ref;
    if (!ref) return html``;
    const link = referralLink(this.targetUrl(), ref);
    const name = this.recommendName() ?? document.title;
    const message = {
      url: link,
      text: this.text(this.shareText, 'shareText', name),
      subject: this.text(this.shareSubject, 'shareSubject', name),
    };
    const channels = parseChannels(this.channels).filter((channel) => channel !== 'native' || canShareNatively(link));
    const heading =
      this.answer === 'promoter'
        ? this.renderHeading('promoter-heading', l.t('npsPromoter'))
        : this.renderHeading('share-heading', l.t('shareHeading'));
    return html`<div part="share" class="share">
      ${heading}
      <label for="link" class="label">${l.t('shareLink')}</label>
      <div class="row">
        <textarea id="link" part="link" rows="2" readonly .value=${link} @focus=${(e: Event) => {
          (e.target as HTMLTextAreaElement).select();
          keepCode(ref);
        }}></textarea>
        ${channels.includes('copy')
          ? html`<button part="button primary" type="button" @click=${() => this.copy(ref)}>${l.t('shareCopy')}</button>`
          : nothing}
      </div>
      <p part="status" class="status" role="status">
        ${this.copied === 'copied' ? l.t('shareCopied') : this.copied === 'manual' ? l.t('shareCopyManual') : ''}
      </p>
      <ul part="channels" class="channels" aria-label=${l.t('shareVia')}>
        ${channels.map((channel) => {
          if (channel === 'copy') return nothing;
          if (channel === 'native') {
            return html`<li>
              <button part="button" type="button" @click=${() => this.shareNatively(link, ref)}>${l.t('shareNative')}</button>
            </li>`;
          }
          const href = channelUrl(channel, message);
          if (channel === 'email') {
            return html`<li><a part="button" href=${href} @click=${() => this.shared(channel, ref)}>${l.t('shareEmail')}</a></li>`;
          }
          return html`<li>
            <a part="button" href=${href} target="_blank" rel="noopener noreferrer" @click=${() => this.shared(channel, ref)}
              >${NETWORKS[channel]}<span class="sr">${` (${l.t('newWindow')})`}</span></a
            >
          </li>`;
        })}
      </ul>
      ${this.renderReview()}
    </div>`;
  }
}

/** The focused element, looking inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-recommend': ZmotRecommend;
  }
}
