/**
 * Every zmot element by tag, and the function that registers them. Safe to call more than once (a second
 * copy of the script, or both the drop-in and a bundled import): a tag already defined is left alone.
 */
import { ZmotDashboardLoader } from './elements/dashboard/loader.js';
import { ZmotRating } from './elements/rating/rating.js';
import { ZmotRecommend } from './elements/recommend/recommend.js';
import { ZmotTestimonials } from './elements/testimonials/testimonials.js';

export const elements = {
  'zmot-rating': ZmotRating,
  'zmot-recommend': ZmotRecommend,
  'zmot-testimonials': ZmotTestimonials,
  // A loader: the dashboard itself is in zmot-dashboard.js, fetched on first use (see its file).
  'zmot-dashboard': ZmotDashboardLoader,
} as const;

export function defineElements(): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
