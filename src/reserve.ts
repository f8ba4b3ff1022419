/**
 * The space an element takes before its code has arrived. The drop-in defines each element only once its
 * module has loaded, after the page may have painted; until then `<zmot-rating>` and `<zmot-testimonials>`
 * are unknown elements, and would take no space. These rules (zero specificity, so a site's own styles win)
 * give them the box they reserve while their feed loads, so nothing on the page moves when they upgrade.
 * `<zmot-recommend>` takes the size of its question, which depends on its width and language: nothing is
 * reserved for it. The same rules are `dist/zmot.css`, for pages whose script runs after the first paint
 * (`type="module"`, `async`, `defer`, tag managers).
 */
export const RESERVE = [
  ':where(zmot-rating,zmot-testimonials):where(:not(:defined,[hidden])){display:block;font-size:var(--zmot-font-size,inherit)}',
  ':where(zmot-rating:not(:defined)){min-block-size:var(--zmot-rating-min-block-size,3.5em)}',
  ':where(zmot-rating[variant=full]:not(:defined)){min-block-size:var(--zmot-rating-min-block-size,calc(14em + var(--zmot-space,.5rem)))}',
  ':where(zmot-rating[variant=compact]:not(:defined,[hidden])){display:inline-block;vertical-align:middle;block-size:1.75em;min-block-size:0;min-inline-size:var(--zmot-rating-compact-min-inline-size,11em)}',
  ':where(zmot-testimonials:not(:defined)){min-block-size:var(--zmot-testimonials-min-block-size,12em)}',
  ':where(zmot-testimonials[layout=carousel]:not(:defined)){min-block-size:var(--zmot-testimonials-min-block-size,18em)}',
].join('');

/** One sheet per page, shared by every copy of the script (the classic loader and the module each apply it). */
const SHEET = Symbol.for('zmot.reserve');

/** Adopts the rules into `root` (the document, or a shadow root the elements are in), once. CSSOM only: CSP-safe. */
export function reserveSpace(root: Document | ShadowRoot = document): void {
  try {
    const page = document as Document & { [SHEET]?: CSSStyleSheet };
    let sheet = page[SHEET];
    if (!sheet) {
      sheet = page[SHEET] = new CSSStyleSheet();
      sheet.replaceSync(RESERVE);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A browser without constructable style sheets: the elements appear when they are defined.
  }
}
