import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--zmot-color-accent, #0969da);
    --_on-accent: var(--zmot-color-on-accent, #fff);
    --_error: var(--zmot-color-error, #cf222e);
    --_line: var(--zmot-color-border, #8c959f);
    /* Every control at least 44 × 44 px, whatever the page's font size. */
    --_target: max(2.75em, 44px);
    display: block;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--zmot-color-accent, #58a6ff);
      --_on-accent: var(--zmot-color-on-accent, #0d1117);
      --_error: var(--zmot-color-error, #ff7b72);
    }
  }
  [part~='base'] {
    position: relative;
    padding: calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .loading {
    visibility: hidden;
  }
  form,
  .field,
  .success {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .field {
    gap: 0.25em;
  }
  p {
    margin: 0;
  }
  [part~='heading'] {
    font-weight: 600;
    font-size: 1.125em;
  }
  .success:focus {
    outline: none;
  }
  .note,
  .hint,
  .count {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .count {
    text-align: end;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  [part~='label'] {
    padding: 0;
    font-weight: 600;
  }
  .choices {
    display: flex;
    gap: 0.25em;
    margin-block-start: 0.25em;
  }
  [part~='star'] {
    position: relative;
    display: grid;
    place-items: center;
    inline-size: var(--_target);
    block-size: var(--_target);
  }
  /* The radio button covers its star: a click anywhere on it chooses, the keyboard moves between them. */
  [part~='star'] input,
  .consent input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .star {
    inline-size: 2em;
    block-size: 2em;
    fill: var(--_star-empty);
    /* An outline of 3:1 against the page, so an empty star reads as a control (WCAG 1.4.11). */
    stroke: var(--_line);
    stroke-width: 1;
  }
  .star.on {
    fill: var(--_star);
    stroke: var(--_star);
  }
  [part~='star'] input:hover + .star {
    fill: var(--_star);
  }
  [part~='star'] input:focus-visible + .star,
  .consent input:focus-visible + .box {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  [part~='control'] {
    inline-size: 100%;
    min-block-size: var(--_target);
    padding: 0.5em;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  textarea[part~='control'] {
    resize: vertical;
  }
  [part~='control']:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  [aria-invalid='true'][part~='control'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .error,
  .errors,
  .status {
    color: var(--_error);
    font-weight: 600;
  }
  .errors {
    padding: var(--_space);
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .errors ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .consent label {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.75em;
    min-block-size: var(--_target);
  }
  .box {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 1.5em;
    block-size: 1.5em;
    border: 2px solid var(--_line);
    border-radius: 0.25em;
  }
  .consent input:checked + .box {
    background: var(--_accent);
    border-color: var(--_accent);
  }
  /* The tick: two borders of a rotated box, which forced colours keep. */
  .consent input:checked + .box::after {
    content: '';
    inline-size: 0.4em;
    block-size: 0.8em;
    margin-block-start: -0.2em;
    border: solid var(--_on-accent);
    border-width: 0 0.18em 0.18em 0;
    rotate: 45deg;
  }
  .consent input[aria-invalid='true'] + .box {
    border-color: var(--_error);
  }
  /* The field people never see (with .sr): bots that fill every field fill it too. */
  .hp {
    opacity: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  [part~='button'] {
    min-block-size: var(--_target);
    min-inline-size: var(--_target);
    padding: 0 1.25em;
    font: inherit;
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    cursor: pointer;
  }
`;
