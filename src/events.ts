/**
 * The DOM events zmot elements fire. Each bubbles and crosses shadow roots, so a listener on `document`
 * hears every widget.
 */
import type { FeedErrorReason } from './feed/load.js';

export interface ZmotErrorDetail {
  /** What went wrong: `config`, `network`, `timeout`, `http`, `parse` or `invalid`. */
  reason: FeedErrorReason;
  /** A sentence a developer can act on. */
  message: string;
  /** The feed URL, when a request was made. */
  url?: string;
  product?: string;
}

/** Fired when a widget cannot show its data and falls back. */
export class ZmotErrorEvent extends CustomEvent<ZmotErrorDetail> {
  constructor(detail: ZmotErrorDetail) {
    super('zmot-error', { bubbles: true, composed: true, detail });
  }
}

export interface ZmotFilterDetail {
  /** The product whose reviews to filter. */
  product: string;
  /** Show only reviews with exactly this many stars (1–5), or every review again when `null`. */
  rating: number | null;
}

/**
 * Fired when a visitor picks a star row in `<zmot-rating variant="full">` (or clears the filter in
 * `<zmot-testimonials>`); every `<zmot-testimonials>` for the same product listens on `document`.
 */
export class ZmotFilterEvent extends CustomEvent<ZmotFilterDetail> {
  constructor(detail: ZmotFilterDetail) {
    super('zmot-filter', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'zmot-error': ZmotErrorEvent;
    'zmot-filter': ZmotFilterEvent;
  }
}
