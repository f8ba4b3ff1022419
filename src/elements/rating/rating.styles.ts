import { css } from 'lit';

/*
 * Every row has a fixed block size and single-line text, so the reserved space before data arrives is
 * the space the data takes: the host page never shifts (CLS 0) for the layouts described in the README.
 */
export const styles = css`
  :host {
    --_star-size: var(--zmot-rating-star-size, 1.25em);
    --_row: 1.75em;
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
    min-block-size: var(--zmot-rating-min-block-size, calc(var(--_row) * 2));
  }
  .full[part='base'] {
    min-block-size: var(--zmot-rating-min-block-size, calc(var(--_row) * 8 + var(--_space)));
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
    white-space: nowrap;
  }
  .header {
    display: flex;
    align-items: center;
    flex-wrap: nowrap;
    gap: 0.4em;
    block-size: var(--_row);
    overflow: hidden;
    white-space: nowrap;
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
  [part='provenance'],
  .label {
    display: block;
    margin: 0;
    block-size: var(--_row);
    line-height: var(--_row);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.875em;
  }
  .label {
    font-weight: 600;
    font-size: 0.875em;
  }
  .details {
    margin-block-start: var(--_space);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    display: grid;
    align-items: center;
    gap: 0.5em;
    block-size: var(--_row);
    font-size: 0.875em;
    white-space: nowrap;
  }
  [part='distribution'] li {
    grid-template-columns: 3.5em minmax(3em, 1fr) 7.5em;
  }
  [part='distribution'] li:has(> .row) {
    display: block;
  }
  .row {
    display: grid;
    grid-template-columns: 3.5em minmax(3em, 1fr) 7.5em;
    align-items: center;
    gap: 0.5em;
    inline-size: 100%;
    block-size: 100%;
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
  [part='sources'] li > * {
    overflow: hidden;
    text-overflow: ellipsis;
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
