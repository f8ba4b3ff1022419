import { css } from 'lit';

/*
 * Untrusted text must not break the layout: every box may shrink (`min-inline-size: 0`), long words wrap
 * anywhere, and long texts are clamped until the visitor expands them ("Read more"). Titles, names, roles
 * and companies are shown in full, wrapping: who said it is the point of a B2B reference. Every control is
 * at least 44 × 44 px. The grid follows the element's own width (container queries), not the viewport's.
 */
export const styles = css`
  :host {
    --_avatar: var(--zmot-testimonials-avatar-size, 2.5em);
    --_lines: var(--zmot-testimonials-lines, 5);
    --_line: color-mix(in srgb, currentColor 20%, transparent);
    --_card-border: var(--zmot-testimonials-card-border, var(--_line));
    --_gap: calc(var(--_space) * 2);
    --_star-size: 1em;
    --_target: max(2.75em, 44px);
    display: block;
    container-type: inline-size;
  }
  [part='base'] {
    min-block-size: var(--zmot-testimonials-min-block-size, 12em);
    overflow-wrap: anywhere;
  }
  .carousel[part='base'] {
    min-block-size: var(--zmot-testimonials-min-block-size, 18em);
  }
  p {
    margin: 0;
  }
  /* The summary header: the score large, its stars and the number of reviews beside it. */
  .summary {
    margin-block-end: var(--_gap);
  }
  .score {
    --_star-size: 1.5em;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  [part='average'] {
    font-size: 2.5em;
    font-weight: 700;
    line-height: 1.2;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) var(--_gap);
    margin-block-end: var(--_gap);
  }
  .controls:not(:has(select, button)) {
    margin: 0;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-size: 0.875em;
  }
  select,
  .button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    min-block-size: var(--_target);
    padding: 0.25em 0.75em;
  }
  .button {
    cursor: pointer;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .filter {
    font-size: 0.875em;
    font-weight: 600;
  }
  /* "How reviews work here": its summary a 44 px target; the selection notice beside the reviews. */
  .policy,
  .selection {
    font-size: 0.875em;
  }
  .policy {
    margin-block-end: var(--_space);
  }
  .policy summary {
    padding-block: calc((44px - 1.5em) / 2);
  }
  .selection .link {
    font-size: inherit;
  }
  .write {
    display: inline-flex;
    align-items: center;
  }
  .items {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_gap);
  }
  .items > li {
    display: flex;
    min-inline-size: 0;
  }
  @container (min-inline-size: 36em) {
    .grid .items {
      grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--zmot-testimonials-grid-min, 17em)), 1fr));
    }
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    inline-size: 100%;
    min-inline-size: 0;
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_card-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .rating {
    line-height: 1;
  }
  .title {
    font-weight: 600;
    font-size: 1.0625em;
  }
  .text {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .clamp .body,
  .clamp .reply-body {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    overflow: hidden;
  }
  .clamp .reply-body {
    -webkit-line-clamp: 2;
  }
  .clamp :is(.title, .name, .role) {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .body,
  .reply-body {
    white-space: pre-line;
  }
  .link {
    align-self: flex-start;
    font: inherit;
    font-size: 0.875em;
    color: var(--_link);
    background: none;
    border: 0;
    padding: 0;
    min-block-size: 44px;
    min-inline-size: 44px;
    text-decoration: underline;
    cursor: pointer;
  }
  .reply {
    border-inline-start: 3px solid var(--_line);
    padding-inline-start: var(--_gap);
    font-size: 0.9375em;
  }
  .reply-from {
    font-weight: 600;
    font-size: 0.875em;
  }
  .author {
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-inline-size: 0;
    margin-block-start: auto;
  }
  .avatar {
    flex: none;
    inline-size: var(--_avatar);
    block-size: var(--_avatar);
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: grid;
    place-items: center;
    overflow: hidden;
    background: var(--_line);
    font-weight: 600;
    font-size: 0.875em;
    line-height: 1;
    white-space: nowrap;
  }
  .who {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  .name {
    font-weight: 600;
  }
  .role,
  .meta,
  [part='count'],
  .position,
  .empty,
  .more-error {
    color: var(--_muted);
  }
  .role,
  .meta {
    font-size: 0.875em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
  }
  .meta:not(:has(*)) {
    display: none;
  }
  .verified {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font-weight: 600;
    color: var(--_text);
  }
  .icon {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
    flex: none;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--_space) var(--_gap);
    margin-block-start: var(--_gap);
  }
  /* Previous, position and next always on one row, the position between them; the rotation control above. */
  .nav {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--_space);
    margin-block-end: var(--_space);
  }
  [part~='rotation'] {
    grid-column: 1 / -1;
    justify-self: start;
  }
  .position {
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }
  .icon-button {
    display: inline-grid;
    place-items: center;
    inline-size: var(--_target);
    padding: 0;
  }
  [part~='next'] .chevron,
  :host(:dir(rtl)) [part~='previous'] .chevron {
    transform: scaleX(-1);
  }
  :host(:dir(rtl)) [part~='next'] .chevron {
    transform: none;
  }
  .slides {
    display: flex;
    touch-action: pan-y;
  }
  .slide {
    display: flex;
    inline-size: 100%;
    min-inline-size: 0;
  }
  [part='fallback'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* No reviews (yet, or matching the filter): a quiet, framed note with empty stars, not an error. */
  .empty {
    --_star-size: 1.5em;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--_space);
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    border: 1px dashed var(--_card-border);
    border-radius: var(--_radius);
    text-align: center;
  }
`;
