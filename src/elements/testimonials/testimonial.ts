/**
 * One testimonial: stars, title, body, the author (avatar or initials, name, role and company), how it was
 * verified (and whether it was invited or incentivized), date, language marker and the merchant's reply. Every string in a review is untrusted: it
 * reaches the DOM only as text, in elements with `dir="auto"` (or between isolate marks inside a sentence)
 * so bidirectional overrides stay inside it, and every URL passes `safeUrl`.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Review, Source } from '../../feed/schema.js';
import { isOwnReview } from '../../feed/aggregate.js';
import { safeUrl } from '../../feed/safe-url.js';
import type { Localizer } from '../../i18n/i18n.js';
import { stars } from '../core/stars.js';
import {
  absoluteDate,
  differentLanguage,
  initials,
  isolate,
  languageName,
  languageTag,
  machineDate,
  relativeDate,
  visibleText,
} from './format.js';
import { parseDate, reviewDate } from './select.js';

export interface CardContext {
  l: Localizer;
  /** Platforms by id, for "on Google". */
  sources: ReadonlyMap<string, Source>;
  /** Who replies for the merchant when the reply names no one (the product's brand). */
  seller: string | undefined;
  now: number;
  /** The page's URL, for relative URLs in the feed (none on the server). */
  base: string | undefined;
}

export interface CardState {
  /** An id for `aria-controls`, unique in the shadow root. */
  id: string;
  expanded: boolean;
  /** The text overflows its clamp, so "Read more" is offered. */
  clamped: boolean;
  avatarFailed: boolean;
  onToggle: () => void;
  onAvatarError: () => void;
}

const CHECK = svg`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M6.2 11.6 2.8 8.2l1.1-1.1 2.3 2.3 5.9-5.9 1.1 1.1z"></path></svg>`;

/** Avatars load only over https: no mixed content, no `data:` or `javascript:` URLs. */
function avatarUrl(value: string | undefined, base: string | undefined): string | undefined {
  const url = safeUrl(value, base);
  return url?.startsWith('https:') ? url : undefined;
}

function renderAvatar(name: string, src: string | undefined, state: CardState): TemplateResult {
  if (src && !state.avatarFailed) {
    return html`<img part="avatar" class="avatar" src=${src} alt="" width="40" height="40" loading="lazy" decoding="async"
      referrerpolicy="no-referrer" @error=${state.onAvatarError} />`;
  }
  return html`<span part="avatar" class="avatar initials" aria-hidden="true">${initials(name)}</span>`;
}

export function renderTestimonial(review: Review, c: CardContext, state: CardState): TemplateResult {
  const { l } = c;
  const name = visibleText(review.author?.name) ? review.author!.name.trim() : l.t('anonymous');
  const role = visibleText(review.author?.role) ? review.author!.role!.trim() : '';
  const company = visibleText(review.author?.company) ? review.author!.company!.trim() : '';
  const title = visibleText(review.title) ? review.title! : '';
  const body = visibleText(review.body) ? review.body! : '';
  const reply = visibleText(review.reply?.body) ? review.reply! : undefined;

  const tag = languageTag(review.lang);
  const foreign = tag && differentLanguage(tag, l.locale) ? tag : undefined;

  const date = reviewDate(review);
  const incentive = visibleText(review.incentive) ? review.incentive!.trim() : '';
  const replyName = visibleText(reply?.author) ? reply!.author! : c.seller;
  const replyDate = parseDate(reply?.date);

  // Until expanded, the texts are clamped (the body to a few lines, a title, name or role of pathological
  // length to three); "Read more" shows the whole card.
  return html`<article part="testimonial" class=${state.expanded ? 'card' : 'card clamp'} id=${state.id} tabindex="-1">
    <p class="rating">${stars(review.rating)}<span class="sr">${l.t('reviewRating', { rating: review.rating })}</span></p>
    ${title ? html`<p part="title" class="title" dir="auto" lang=${ifDefined(foreign)}>${title}</p>` : nothing}
    ${body || reply
      ? html`<div class="text">
          ${body ? html`<p part="body" class="body" dir="auto" lang=${ifDefined(foreign)}>${body}</p>` : nothing}
          ${reply
            ? html`<div part="reply" class="reply">
                <p class="reply-from">
                  ${replyName ? l.t('replyFrom', { name: isolate(replyName) }) : l.t('replyFromSeller')}${replyDate
                    ? html`${' · '}<time datetime=${machineDate(replyDate)}>${absoluteDate(l.locale, replyDate)}</time>`
                    : nothing}
                </p>
                <p class="reply-body" dir="auto">${reply.body}</p>
              </div>`
            : nothing}
        </div>`
      : nothing}
    ${state.clamped || state.expanded
      ? html`<button part="read-more" class="link" type="button" aria-expanded=${state.expanded ? 'true' : 'false'}
          aria-controls=${state.id} @click=${state.onToggle}>${l.t(state.expanded ? 'readLess' : 'readMore')}</button>`
      : nothing}
    <div part="author" class="author">
      ${renderAvatar(name, avatarUrl(review.author?.avatar, c.base), state)}
      <p class="who">
        <span part="author-name" class="name" dir="auto">${name}</span>
        ${role || company
          ? html`<span part="author-role" class="role" dir="auto"
              >${role && company ? l.t('authorRole', { role: isolate(role), company: isolate(company) }) : role || company}</span
            >`
          : nothing}
      </p>
    </div>
    <p part="meta" class="meta">
      ${verification(review, c)}
      ${review.invited ? html`<span part="invited">${l.t('invited')}</span>` : nothing}
      ${review.incentivized
        ? html`<span part="incentive">${incentive ? l.t('incentivizedWith', { incentive: isolate(incentive) }) : l.t('incentivized')}</span>`
        : nothing}
      ${date
        ? html`<time part="date" datetime=${machineDate(date)} title=${absoluteDate(l.locale, date)}
            >${relativeDate(l.locale, date, c.now)}<span class="sr">${` (${absoluteDate(l.locale, date)})`}</span></time
          >`
        : nothing}
      ${foreign ? html`<span part="language">${l.t('writtenIn', { language: languageName(l.locale, foreign) })}</span>` : nothing}
    </p>
  </article>`;
}

/**
 * How the review was verified (contract §8, reviews-spec "Labels in widgets"): a verified purchase (written
 * through an invitation sent after an order); imported from another platform, named and linked; not verified;
 * or, in a feed that says only `verified: true`, marked verified by the shop (zmot did not check it).
 */
function verification(review: Review, c: CardContext): TemplateResult {
  const { l } = c;
  if (review.verification === 'purchase') {
    return html`<span part="verification verified" class="verified">${CHECK}${l.t('verifiedPurchase')}</span>`;
  }
  const source = isOwnReview(review) ? undefined : review.source!;
  if (source || review.verification === 'imported') {
    const name = source ? (c.sources.get(source)?.name ?? source) : '';
    const href = source ? (safeUrl(review.url, c.base) ?? safeUrl(c.sources.get(source)?.url, c.base)) : undefined;
    const text = name ? l.t('importedFrom', { source: isolate(name) }) : l.t('imported');
    return html`<span part="verification source">${href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${text}</a>` : text}</span>`;
  }
  return html`<span part="verification">${l.t(!review.verification && review.verified ? 'markedVerified' : 'notVerified')}</span>`;
}
