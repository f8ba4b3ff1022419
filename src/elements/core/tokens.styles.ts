/**
 * Global design tokens (`--zmot-*`) with light and dark defaults, and the helpers every element shares.
 * Text takes the host page's colour unless a token says otherwise, so contrast follows the page.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --_text: var(--zmot-color-text, inherit);
    --_muted: var(--zmot-color-muted, inherit);
    --_star: var(--zmot-color-star, #b7791f);
    --_star-empty: var(--zmot-color-star-empty, #d0d7de);
    --_bar: var(--zmot-color-bar, #b7791f);
    --_track: var(--zmot-color-track, #eaeef2);
    --_link: var(--zmot-color-link, inherit);
    --_focus: var(--zmot-color-focus, #0969da);
    --_surface: var(--zmot-color-surface, transparent);
    --_border: var(--zmot-color-border, transparent);
    --_radius: var(--zmot-radius, 0.375rem);
    --_space: var(--zmot-space, 0.5rem);
    font-family: var(--zmot-font-family, inherit);
    font-size: var(--zmot-font-size, inherit);
    line-height: 1.5;
    color: var(--_text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_star: var(--zmot-color-star, #e3b341);
      --_star-empty: var(--zmot-color-star-empty, #484f58);
      --_bar: var(--zmot-color-bar, #e3b341);
      --_track: var(--zmot-color-track, #30363d);
      --_focus: var(--zmot-color-focus, #58a6ff);
    }
  }
  @media (forced-colors: active) {
    :host {
      --_star: CanvasText;
      --_star-empty: GrayText;
      --_bar: CanvasText;
      --_track: Canvas;
    }
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  a {
    color: var(--_link);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .stars {
    display: inline-block;
    block-size: var(--_star-size, 1em);
    inline-size: calc(var(--_star-size, 1em) * 5);
    flex: none;
    vertical-align: -0.125em;
  }
  .stars .empty {
    fill: var(--_star-empty);
  }
  .stars .filled {
    fill: var(--_star);
  }
  :host(:dir(rtl)) .stars {
    transform: scaleX(-1);
  }
`;
