/**
 * The space an element takes before its code has arrived. The drop-in defines each element only once its
 * module has loaded, after the page may have painted; until then `<zmot-rating>` and `<zmot-testimonials>`
 * are unknown elements, and would take no space. These rules (zero specificity, so a site's own styles win)
 * give them the box they reserve while their feed loads, so nothing on the page moves when they upgrade.
 * `<zmot-recommend>` takes the size of its question, which depends on its width and language: nothing is
 * reserved for it. The same rules are `dist/zmot.css`, for pages whose script runs after the first paint
 * (`type="module"`, `async`, `defer`, tag managers). What each element reserves is in its row of the catalog.
 */
import { ELEMENTS, type ElementEntry } from './elements/catalog.js';

/** The rules, computed once by the build (from the catalog, below) so the classic loader carries no catalog. */
declare const __ZMOT_RESERVE__: string | undefined;

export const RESERVE = typeof __ZMOT_RESERVE__ === 'string' ? __ZMOT_RESERVE__ : reserveRules();

export function reserveRules(): string {
  const waiting = ':not(:defined,[hidden])';
  const reserved = Object.entries(ELEMENTS as Record<string, ElementEntry>).filter(([, entry]) => entry.reserve);
  const rules = reserved.flatMap(([tag, entry]) =>
    Object.entries(entry.reserve!).map(([selector, declarations]) => `:where(${tag}${selector}${waiting}){${declarations}}`),
  );
  const tags = reserved.map(([tag]) => tag).join(',');
  return `:where(${tags}):where(${waiting}){display:block;font-size:var(--zmot-font-size,inherit)}${rules.join('')}`;
}

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
