/**
 * Five stars as one SVG, filled to any fraction (4.6 fills four stars and six tenths of the fifth).
 * Decorative: the element around it carries the accessible text.
 */
import { svg, type SVGTemplateResult } from 'lit';

/** One five-pointed star in a 24×24 cell (the review form draws its own, one per choice). */
export const STAR = 'M12 1.8l3.1 6.6 7.2.9-5.3 5 1.4 7.1L12 17.9l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z';
const PATHS = [0, 1, 2, 3, 4].map((i) => svg`<path transform=${`translate(${i * 24} 0)`} d=${STAR}></path>`);

let nextId = 0;

/** `rating` on a scale of 5; the fill is clamped to 0–5. */
export function stars(rating: number): SVGTemplateResult {
  const id = `zmot-stars-${++nextId}`;
  const width = Math.max(0, Math.min(5, rating)) * 24;
  return svg`<svg part="stars" class="stars" viewBox="0 0 120 24" aria-hidden="true" focusable="false">
    <defs><clipPath id=${id}><rect width=${width} height="24"></rect></clipPath></defs>
    <g class="empty">${PATHS}</g>
    <g class="filled" clip-path=${`url(#${id})`}>${PATHS}</g>
  </svg>`;
}
