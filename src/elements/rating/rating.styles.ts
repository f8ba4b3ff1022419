import { css } from 'lit';

/*
 * Every row has a fixed minimum block size, so the reserved space before data arrives is the space the data
 * takes: the host page never shifts (CLS 0) for the layouts described in the README. Text is never cut off:
 * a line that does not fit (a long headline, provenance or source name) wraps, and the box grows with it.
 * The distribution's rows are 44 px tall (touch targets) and share their columns (subgrid), the label column
 * as wide as the longest label in the visitor's language.
 */
export const styles = css`
  :host {
    --_star-size: var(--zmot-rating-star-size, 1.25em);
    --_row: 1.75em;
    --_target: max(var(--_row), 44px);
    display: block;
    container-type: inline-size;
  }
  :host([variant='compact']) {
    --_star-size: var(--zmot-rating-star-size, 1em);
    display: inline-flex;
    container-type: normal;
    vertical-align: middle;
  }
  [part='base'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* Text never touches a border a theme draws (--zmot-color-border). */
    padding-inline: var(--_space);
    min-block-size: var(--zmot-rating-min-block-size, calc(var(--_row) * 2));
    overflow-wrap: anywhere;
  }
  .full[part='base'] {
    /* The header, provenance and label rows, five 44 px distribution rows and the space between. */
    min-block-size: var(--zmot-rating-min-block-size, calc(var(--_row) * 3 + 220px + var(--_space)));
  }
  @container (min-inline-size: 34em) {
    .full .details {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: calc(var(--_space) * 3);
    }
  }
  .compact[part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    block-size: var(--_row);
    min-block-size: 0;
    min-inline-size: var(--zmot-rating-compact-min-inline-size, 11em);
    padding-inline: 0.5em;
    white-space: nowrap;
  }
  /* No reviews yet: empty stars and the sentence in the middle of the reserved box, framed by a dashed line. */
  .full.none {
    display: grid;
    place-content: center;
    border: 1px dashed var(--zmot-color-border, color-mix(in srgb, currentColor 25%, transparent));
  }
  .header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.25em 0.4em;
    min-block-size: var(--_row);
    line-height: 1.2;
  }
  [part='average'] {
    font-size: 1.25em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
  }
  .compact [part='average'] {
    font-size: 1em;
  }
  [part='count'],
  [part='provenance'],
  .scale {
    color: var(--_muted);
  }
  .provenance,
  .label {
    display: block;
    margin: 0;
    min-block-size: var(--_row);
    line-height: 1.4;
    padding-block: calc((var(--_row) - 1.4em) / 2);
    font-size: 0.875em;
  }
  /*
   * "How reviews work here" ends the provenance line, in it (no row of its own: the reserved space stays
   * right); opened, its list takes the lines below. Where <details> cannot be inline it takes a line of its own.
   */
  [part='provenance'],
  .provenance .policy,
  .policy summary {
    display: inline;
  }
  /*
   * A target taller than its line (WCAG 2.5.8 exempts it inline all the same), without making the line taller;
   * apart from the provenance before it (the built template has no space between them: Polish read
   * "witrynieJak działają…").
   */
  .policy summary {
    padding-block: calc(12px - 0.5em);
    margin-inline-start: 0.4em;
  }
  .label {
    font-weight: 600;
    font-size: 0.875em;
  }
  .details {
    margin-block-start: var(--_space);
  }
  .details ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .details li {
    display: grid;
    align-items: center;
    gap: 0.5em;
    min-block-size: var(--_row);
    font-size: 0.875em;
  }
  [part='distribution'] ul {
    display: grid;
    grid-template-columns: max-content minmax(3em, 1fr) max-content;
    column-gap: 0.5em;
  }
  [part='distribution'] li,
  .row {
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
    block-size: var(--_target);
    white-space: nowrap;
  }
  .row {
    display: grid;
    align-items: center;
    inline-size: 100%;
    padding: 0;
    border: 0;
    background: none;
    font: inherit;
    color: inherit;
    text-align: start;
    cursor: pointer;
  }
  .row:hover > :nth-child(2),
  .row[aria-pressed='true'] > :nth-child(2) {
    text-decoration: underline;
  }
  .row[aria-pressed='true'] {
    font-weight: 700;
  }
  [part='sources'] li {
    grid-template-columns: minmax(0, 1fr) auto auto;
  }
  [part='sources'] li > :not(:first-child) {
    white-space: nowrap;
  }
  .track {
    display: block;
    block-size: 0.5em;
    border-radius: 0.25em;
    background: var(--_track);
    overflow: hidden;
  }
  .fill {
    display: block;
    block-size: 100%;
    background: var(--_bar);
  }
  @media (forced-colors: active) {
    /* The whole track outlined, so the unfilled part of a bar shows in high contrast too. */
    .track {
      border: 1px solid CanvasText;
    }
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .sources {
    margin-block-start: var(--_space);
  }
  @container (min-inline-size: 34em) {
    .sources {
      margin-block-start: 0;
    }
  }
  [part='fallback'] {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0;
    line-height: var(--_row);
  }
  .placeholder {
    visibility: hidden;
  }
`;
