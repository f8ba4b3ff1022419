import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--zmot-color-accent, #0969da);
    --_on-accent: var(--zmot-color-on-accent, #fff);
    --_line: var(--zmot-color-border, #8c959f);
    /* Every control at least 44 × 44 px, whatever the page's font size. */
    --_target: max(2.75em, 44px);
    display: block;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--zmot-color-accent, #58a6ff);
      --_on-accent: var(--zmot-color-on-accent, #0d1117);
    }
  }
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .loading {
    visibility: hidden;
  }
  dialog {
    inline-size: min(34rem, calc(100vw - 2rem));
    padding: 0;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--zmot-color-dialog, Canvas);
    color: var(--zmot-color-text, CanvasText);
  }
  dialog [part~='base'] {
    border: 0;
    padding-inline-end: calc(var(--_space) * 6);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  .close {
    position: absolute;
    inset-block-start: var(--_space);
    inset-inline-end: var(--_space);
    inline-size: var(--_target);
    padding: 0;
    font-size: 1em;
    line-height: 1;
  }
  form,
  .share {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  form {
    container-type: inline-size;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend,
  [part~='heading'] {
    padding: 0;
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  [part~='heading']:focus {
    outline: none;
  }
  .scale {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
    gap: 0.25em;
  }
  /* Too narrow for eleven 44 px targets in a row (a phone): two rows, 0–5 and 6–10. */
  @container (max-inline-size: 540px) {
    .scale {
      grid-template-columns: repeat(6, minmax(44px, 1fr));
      gap: 2px;
    }
  }
  .scale label {
    position: relative;
    display: block;
  }
  .scale input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .box {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    padding-inline: 2px;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    font-variant-numeric: tabular-nums;
  }
  .scale input:hover + .box {
    border-color: var(--_accent);
  }
  .scale input:checked + .box {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .scale input:checked + .box {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
  .scale input:focus-visible + .box {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    margin-block-start: 0.25em;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .feedback {
    display: grid;
    gap: 0.25em;
  }
  .feedback label,
  .label {
    font-weight: 600;
  }
  textarea,
  input[type='text'] {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5em;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  textarea:focus-visible,
  input[type='text']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .review {
    margin: 0;
  }
  .note,
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .actions,
  .row,
  .channels {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .row textarea {
    flex: 1 1 14em;
    inline-size: auto;
  }
  /* The whole referral link, wrapping, its code at the end included: never cut off in a one-line field. */
  [part~='link'] {
    field-sizing: content;
    resize: none;
    overflow-wrap: anywhere;
  }
  .channels {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0 1em;
    font: inherit;
    color: inherit;
    text-decoration: none;
    background: transparent;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  [part~='button']:hover {
    border-color: var(--_accent);
  }
  [part~='primary'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  a[part~='button']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
`;
