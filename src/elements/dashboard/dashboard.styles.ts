import { css } from 'lit';

/**
 * uPlot's own stylesheet (uPlot 1.6, MIT), less the parts the dashboard does not use (title, drag select),
 * with its legend set in the dashboard's text colour. It lives here because the charts draw inside the
 * shadow root, where the page's stylesheets do not reach.
 */
const uplot = css`
  .uplot,
  .uplot *,
  .uplot *::before,
  .uplot *::after {
    box-sizing: border-box;
  }
  .uplot {
    font-family: inherit;
    line-height: 1.5;
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-legend {
    font-size: 0.8125rem;
    margin: 0.25rem auto 0;
    text-align: start;
  }
  .u-inline {
    display: block;
  }
  .u-inline * {
    display: inline-block;
  }
  .u-inline tr {
    margin-inline-end: 1rem;
  }
  .u-legend th {
    font-weight: 500;
  }
  .u-legend th > * {
    vertical-align: middle;
    display: inline-block;
  }
  .u-legend .u-marker {
    width: 1em;
    height: 1em;
    margin-inline-end: 4px;
    background-clip: padding-box !important;
  }
  .u-inline.u-live th::after {
    content: ':';
    vertical-align: middle;
  }
  .u-inline:not(.u-live) .u-value {
    display: none;
  }
  .u-series > * {
    padding: 2px 4px;
  }
  .u-series th {
    cursor: pointer;
  }
  .u-legend .u-off > * {
    opacity: 0.3;
  }
  .u-select {
    display: none;
  }
  .u-cursor-x,
  .u-cursor-y {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
    will-change: transform;
  }
  .u-hz .u-cursor-x {
    height: 100%;
    border-right: 1px dashed var(--_chart-text);
  }
  .u-hz .u-cursor-y {
    display: none;
  }
  .u-cursor-pt {
    position: absolute;
    top: 0;
    left: 0;
    border-radius: 50%;
    border: 0 solid;
    pointer-events: none;
    will-change: transform;
    background-clip: padding-box !important;
  }
  .u-axis.u-off,
  .u-cursor-x.u-off,
  .u-cursor-y.u-off,
  .u-cursor-pt.u-off {
    display: none;
  }
`;

export const styles = [
  uplot,
  css`
    :host {
      display: block;
      container-type: inline-size;
      color-scheme: light dark;
      background: var(--_surface);
      --_text: var(--zmot-color-text, CanvasText);
      --_muted: var(--zmot-dashboard-color-muted, #57606a);
      --_surface: var(--zmot-color-surface, Canvas);
      --_border: var(--zmot-color-border, #d0d7de);
      --_bar: var(--zmot-dashboard-color-bar, #0969da);
      --_track: var(--zmot-color-track, #eaeef2);
      --_up: var(--zmot-dashboard-color-up, #1a7f37);
      --_down: var(--zmot-dashboard-color-down, #cf222e);
      --_error: var(--zmot-dashboard-color-error, #cf222e);
      --_series-1: var(--zmot-dashboard-series-1, #0969da);
      --_series-2: var(--zmot-dashboard-series-2, #bf3989);
      --_series-3: var(--zmot-dashboard-series-3, #1a7f37);
      --_series-4: var(--zmot-dashboard-series-4, #9a6700);
      --_nps-detractor: var(--zmot-dashboard-nps-detractor, #cf222e);
      --_nps-passive: var(--zmot-dashboard-nps-passive, #8c959f);
      --_nps-promoter: var(--zmot-dashboard-nps-promoter, #1a7f37);
      --_chart-text: var(--_muted);
      --_chart-grid: var(--zmot-dashboard-color-grid, #d8dee4);
      --_gap: calc(var(--_space) * 2);
      color: var(--_text);
    }
    @media (prefers-color-scheme: dark) {
      :host {
        --_muted: var(--zmot-dashboard-color-muted, #9198a1);
        --_border: var(--zmot-color-border, #3d444d);
        --_bar: var(--zmot-dashboard-color-bar, #4493f8);
        --_track: var(--zmot-color-track, #262c36);
        --_up: var(--zmot-dashboard-color-up, #3fb950);
        --_down: var(--zmot-dashboard-color-down, #f85149);
        --_error: var(--zmot-dashboard-color-error, #f85149);
        --_series-1: var(--zmot-dashboard-series-1, #4493f8);
        --_series-2: var(--zmot-dashboard-series-2, #db61a2);
        --_series-3: var(--zmot-dashboard-series-3, #3fb950);
        --_series-4: var(--zmot-dashboard-series-4, #d29922);
        --_nps-detractor: var(--zmot-dashboard-nps-detractor, #f85149);
        --_nps-passive: var(--zmot-dashboard-nps-passive, #9198a1);
        --_nps-promoter: var(--zmot-dashboard-nps-promoter, #3fb950);
        --_chart-grid: var(--zmot-dashboard-color-grid, #30363d);
      }
    }
    @media (forced-colors: active) {
      :host {
        --_muted: CanvasText;
        --_bar: CanvasText;
        --_up: CanvasText;
        --_down: CanvasText;
        --_error: CanvasText;
        --_series-1: CanvasText;
        --_series-2: CanvasText;
        --_series-3: CanvasText;
        --_series-4: CanvasText;
        --_nps-detractor: CanvasText;
        --_nps-passive: GrayText;
        --_nps-promoter: CanvasText;
        --_chart-grid: GrayText;
      }
    }
    [part~='base'] {
      display: grid;
      gap: var(--_gap);
    }
    h2,
    h3 {
      margin: 0;
      line-height: 1.25;
    }
    h2 {
      font-size: 1.375em;
    }
    h3 {
      font-size: 1.0625em;
    }
    p {
      margin: 0;
    }
    .muted,
    .note {
      color: var(--_muted);
    }
    button,
    input,
    select,
    textarea {
      font: inherit;
      color: inherit;
    }
    button,
    input,
    select,
    textarea {
      min-block-size: 2.5rem;
      padding: 0.375rem 0.75rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    button {
      cursor: pointer;
      font-weight: 500;
    }
    button.primary {
      background: var(--_bar);
      border-color: var(--_bar);
      color: var(--_surface);
    }
    input:focus-visible,
    select:focus-visible,
    summary:focus-visible,
    .scroll:focus-visible,
    textarea:focus-visible,
    h2:focus-visible,
    h4:focus-visible,
    [data-reviews-status]:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-size: 0.875em;
      color: var(--_muted);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: default;
      opacity: 0.6;
    }
    label > :is(input, select, textarea) {
      font-size: 1rem;
      color: var(--_text);
    }

    /* Language choice */
    .languages {
      display: flex;
      justify-content: end;
    }

    /* Header and toolbar */
    header {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_gap);
      align-items: end;
      justify-content: space-between;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: end;
    }
    .period-note {
      margin-block-start: 0.25rem;
      font-size: 0.875em;
    }
    .problem,
    .field-error {
      color: var(--_error);
      font-weight: 500;
    }

    /* Panels: sign-in, states */
    .panel {
      display: grid;
      gap: var(--_space);
      max-inline-size: 44rem;
      padding: var(--_gap);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .panel.error {
      border-inline-start: 4px solid var(--_error);
    }
    form.sign-in {
      display: grid;
      gap: var(--_space);
      max-inline-size: 28rem;
    }
    form.sign-in .row {
      display: flex;
      gap: var(--_space);
      align-items: end;
      flex-wrap: wrap;
    }
    form.sign-in label {
      flex: 1 1 14rem;
    }
    pre {
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      overflow-x: auto;
      border-radius: var(--_radius);
      background: var(--_track);
      font-size: 0.8125em;
      line-height: 1.6;
    }
    .loading {
      min-block-size: 24rem;
      display: grid;
      place-items: center;
      color: var(--_muted);
    }

    /* Cards */
    .cards {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .card {
      display: grid;
      align-content: start;
      gap: 0.125rem;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }
    .card .label {
      font-size: 0.875em;
      color: var(--_muted);
    }
    .card .value {
      font-size: 1.75em;
      font-weight: 600;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
    }
    .card .note {
      font-size: 0.8125em;
    }
    .change {
      font-size: 0.875em;
      font-weight: 500;
    }
    .change.up {
      color: var(--_up);
    }
    .change.down {
      color: var(--_down);
    }
    .change .muted {
      font-weight: 400;
    }
    [aria-busy='true'] .cards,
    [aria-busy='true'] .sections {
      opacity: 0.6;
    }

    /* Sections, tables, bars */
    .sections {
      display: grid;
      gap: calc(var(--_gap) * 1.5);
    }
    section {
      display: grid;
      gap: var(--_space);
      min-inline-size: 0;
    }
    .pair {
      display: grid;
      gap: calc(var(--_gap) * 1.5);
    }
    @container (min-inline-size: 52rem) {
      .pair {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      }
    }
    figure {
      margin: 0;
      display: grid;
      gap: var(--_space);
      min-inline-size: 0;
    }
    figcaption {
      font-weight: 600;
    }
    .chart {
      min-block-size: 250px;
      min-inline-size: 0;
    }
    details > summary {
      cursor: pointer;
      color: var(--_muted);
      font-size: 0.875em;
      inline-size: max-content;
      max-inline-size: 100%;
    }
    /* Grid and flex children may shrink below their content's width; wide content scrolls or stacks inside. */
    section > *,
    figure > *,
    .breakdown,
    details {
      min-inline-size: 0;
    }
    .scroll {
      overflow-x: auto;
      max-inline-size: 100%;
      background: var(--_surface);
    }
    table {
      border-collapse: collapse;
      font-size: 0.875em;
      font-variant-numeric: tabular-nums;
      inline-size: 100%;
    }
    caption {
      text-align: start;
    }
    th,
    td {
      padding: 0.375rem 0.5rem;
      border-block-end: 1px solid var(--_border);
      text-align: end;
      white-space: nowrap;
    }
    th:first-child,
    td:first-child {
      text-align: start;
    }
    thead th {
      font-weight: 600;
      color: var(--_muted);
      /* Long column names (German, Polish …) wrap instead of widening the table. */
      white-space: normal;
      vertical-align: bottom;
    }
    td.key {
      max-inline-size: 18rem;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    td.bar {
      inline-size: 40%;
      min-inline-size: 6rem;
    }
    .track {
      display: block;
      block-size: 0.75rem;
      border-radius: 2px;
      background: var(--_track);
    }
    .fill {
      display: block;
      block-size: 100%;
      border-radius: 2px;
      background: var(--_bar);
      min-inline-size: 0;
    }
    .funnel td.bar {
      inline-size: 50%;
    }
    .more {
      justify-self: start;
    }

    /* Narrow boxes (phones, 200 % zoom): each table row becomes a stacked block, every value beside its
       column's name; the header row is left to screen readers. */
    @container (max-inline-size: 40rem) {
      table,
      caption,
      tbody,
      tr,
      th,
      td {
        display: block;
      }
      thead {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
        white-space: nowrap;
      }
      tbody tr {
        padding-block: 0.375rem;
        border-block-end: 1px solid var(--_border);
      }
      tbody th,
      tbody td {
        padding: 0.125rem 0;
        border: 0;
        white-space: normal;
        overflow-wrap: anywhere;
        text-align: start;
      }
      tbody th[scope='row'] {
        font-weight: 600;
      }
      tbody td {
        display: flex;
        justify-content: space-between;
        gap: var(--_space);
      }
      tbody td[data-label]::before {
        content: attr(data-label);
        color: var(--_muted);
        text-align: start;
      }
      td.key {
        max-inline-size: none;
      }
      td.bar,
      .funnel td.bar {
        inline-size: auto;
        min-inline-size: 0;
      }
      td.bar .track {
        flex: 1;
      }
    }

    tr.combined th,
    tr.combined td {
      font-weight: 600;
    }

    /* Lines whose text arrives after the report (when the live view was checked, how many comments): one
       line reserved from the start, so nothing below them moves when it comes. */
    [data-live-checked],
    [data-comments-status] {
      min-block-size: 1lh;
    }

    /* Live */
    .live {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space) calc(var(--_space) * 2);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .live li {
      display: grid;
    }
    .live .label {
      font-size: 0.875em;
      color: var(--_muted);
    }
    .live .value {
      font-size: 1.25em;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .minutes {
      display: flex;
      align-items: end;
      gap: 2px;
      block-size: 3rem;
      border-block-end: 1px solid var(--_border);
    }
    .minute {
      flex: 1;
      display: flex;
      align-items: end;
      block-size: 100%;
    }
    .minute .fill {
      inline-size: 100%;
    }

    /* What customers said */
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .filters select {
      max-inline-size: 100%;
    }
    .comments {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .comment {
      display: grid;
      gap: 0.375rem;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-inline-size: 0;
    }
    .comment .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .comment .score {
      font-weight: 600;
    }
    .comment .score.detractor {
      color: var(--_down);
    }
    .comment .product {
      overflow-wrap: anywhere;
    }
    .comment .text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    label.handled {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      justify-self: start;
      color: var(--_text);
    }
    label.handled input {
      min-block-size: 1.25rem;
      inline-size: 1.25rem;
      margin: 0;
    }

    /* Pages: the report and the reviews */
    .pages {
      flex-basis: 100%;
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .pages [aria-current='page'] {
      border-color: var(--_bar);
      box-shadow: inset 0 -3px 0 var(--_bar);
    }

    /* Reviews and moderation */
    [data-reviews-announce] {
      min-block-size: 1lh;
    }
    .reviews {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .review {
      display: grid;
      gap: 0.5rem;
      padding: var(--_space) calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      min-inline-size: 0;
    }
    .review h4 {
      margin: 0;
      font-size: 1em;
      overflow-wrap: anywhere;
    }
    .review .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .review .stars {
      color: var(--_text);
      letter-spacing: 0.05em;
    }
    .review :is(.author, .product, .text) {
      overflow-wrap: anywhere;
    }
    .review .text {
      white-space: pre-wrap;
    }
    .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.8125em;
    }
    .labels li {
      padding: 0.125rem 0.5rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      overflow-wrap: anywhere;
      min-inline-size: 0;
    }
    .review .reply {
      display: grid;
      gap: 0.25rem;
      padding-inline-start: var(--_space);
      border-inline-start: 3px solid var(--_border);
    }
    .review .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: end;
    }
    form.reject {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      align-items: end;
      min-inline-size: 0;
    }
    form.reject label,
    form.reject select {
      max-inline-size: 100%;
      min-inline-size: 0;
    }
    .reply-form form {
      display: grid;
      gap: var(--_space);
      margin-block-start: var(--_space);
    }
    .reply-form textarea {
      inline-size: 100%;
      box-sizing: border-box;
      resize: vertical;
      font-size: 1rem;
    }
    .history ol {
      display: grid;
      gap: 0.25rem;
      margin: 0.5rem 0 0;
      padding-inline-start: 1.25rem;
      font-size: 0.875em;
    }
    .history li {
      overflow-wrap: anywhere;
    }
    .history time {
      color: var(--_muted);
      margin-inline-end: 0.5rem;
    }
    .history .text {
      display: block;
    }
    .paging {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
  `,
];
