/**
 * Every zmot element by tag (the catalog's, checked by type), and the function that registers them. Safe to
 * call more than once (a second copy of the script, or both the drop-in and a bundled import): a tag already
 * defined is left alone.
 */
import type { ZmotTag } from './catalog.js';
import { ZmotDashboardLoader } from './dashboard/loader.js';
import { ZmotRating } from './rating/rating.js';
import { ZmotRecommend } from './recommend/recommend.js';
import { ZmotReviewForm } from './review-form/review-form.js';
import { ZmotTestimonials } from './testimonials/testimonials.js';

export const elements = {
  'zmot-rating': ZmotRating,
  'zmot-recommend': ZmotRecommend,
  'zmot-review-form': ZmotReviewForm,
  'zmot-testimonials': ZmotTestimonials,
  // A loader: the dashboard itself is in zmot-dashboard.js, fetched on first use (see its file).
  'zmot-dashboard': ZmotDashboardLoader,
} as const satisfies Record<ZmotTag, CustomElementConstructor>;

export function defineElements(): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
