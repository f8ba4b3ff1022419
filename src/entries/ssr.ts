/**
 * `zmot/ssr`: server rendering for Node (contract §7). `renderElement(tag, attributes, feed?)` resolves to the
 * element's HTML with a declarative shadow root, rendered by Lit's own server renderer (`@lit-labs/ssr`): the
 * stars, the score, the count, the reviews and their accessible names are in the page before any script runs.
 * The feed it used travels inside the element (`<script type="application/json" data-zmot-feed>`), and the
 * element carries `defer-hydration`: when the drop-in arrives, it hydrates those same nodes from that feed,
 * with no second request and nothing moving.
 *
 * Node only, no browser globals needed: Lit's Node build brings its own stand-ins for `HTMLElement` and
 * `customElements`.
 */
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { ZmotRating } from '../elements/rating/rating.js';
import { ZmotTestimonials } from '../elements/testimonials/testimonials.js';
import { DEFER_HYDRATION } from '../elements/core/zmot-element.js';
import { acceptFeed } from '../feed/load.js';
import { bundledLocales } from '../i18n/bundled-locales.js';
import { LOCALES, loadLocale, setLocaleLoader } from '../i18n/i18n.js';

/** The elements `zmot/ssr` renders; the others need a visitor (`<zmot-recommend>`, `<zmot-review-form>`) or an owner (`<zmot-dashboard>`). */
export const SERVER_RENDERED = { 'zmot-rating': ZmotRating, 'zmot-testimonials': ZmotTestimonials } as const;
export type ServerRenderedTag = keyof typeof SERVER_RENDERED;

/** Attributes every element takes besides its own. */
const GLOBAL_ATTRIBUTES = ['lang', 'dir', 'id', 'class', 'title', 'hidden', 'slot'];

/** The languages `zmot/ssr` renders in: English and every locale zmot ships. */
export const SERVER_LANGUAGES = ['en', ...LOCALES] as const;

export class RenderError extends Error {
  override name = 'RenderError';
}

let defined = false;
function defineOnce(): void {
  if (defined) return;
  defined = true;
  setLocaleLoader(bundledLocales);
  for (const [tag, element] of Object.entries(SERVER_RENDERED)) if (!customElements.get(tag)) customElements.define(tag, element);
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** JSON that cannot end its `<script>` or open a comment in it: every `<` (and the line separators) escaped. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The element's own attributes, and the global ones; anything else is refused by name. */
function openingTag(tag: ServerRenderedTag, attributes: Record<string, string | boolean | number | undefined | null>): string {
  const element = SERVER_RENDERED[tag];
  const allowed = new Set([...(element.observedAttributes ?? []), ...GLOBAL_ATTRIBUTES]);
  let markup = `${tag} ${DEFER_HYDRATION}`;
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (!allowed.has(name) || name === DEFER_HYDRATION) {
      throw new RenderError(`<${tag}> has no attribute "${name}" (it takes ${[...allowed].sort().join(', ')})`);
    }
    markup += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
  }
  return markup;
}

async function feedFrom(attributes: Record<string, unknown>): Promise<unknown> {
  const url = typeof attributes.feed === 'string' ? attributes.feed : undefined;
  if (!url || !/^https?:\/\//.test(url) || url.includes('{product}')) {
    throw new RenderError('no feed: pass the feed object, or an absolute http(s) URL as the "feed" attribute');
  }
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new RenderError(`the feed at ${url} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * The HTML of `<zmot-rating>` or `<zmot-testimonials>` with `attributes` (`product`, `variant`, `layout`,
 * `limit`, `lang` …), rendered from `feed` (contract §3; fetched from an absolute `feed` attribute when not
 * given). Rejects with a `RenderError` for an unknown tag or attribute, or a feed that fails validation.
 */
export async function renderElement(
  tag: string,
  attributes: Record<string, string | boolean | number | undefined | null> = {},
  feed?: unknown,
): Promise<string> {
  if (!Object.hasOwn(SERVER_RENDERED, tag)) {
    throw new RenderError(`zmot/ssr renders ${Object.keys(SERVER_RENDERED).join(' and ')}, not <${tag}>`);
  }
  defineOnce();
  const name = tag as ServerRenderedTag;
  const opening = openingTag(name, attributes);
  const data = feed ?? (await feedFrom(attributes));
  try {
    acceptFeed(data);
  } catch (error) {
    throw new RenderError(`the feed is not valid: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The element's language: its messages are in before it renders, as the browser's will be before it hydrates.
  await loadLocale(typeof attributes.lang === 'string' && attributes.lang ? attributes.lang : 'en');
  const template = html`<${unsafeStatic(opening)} .data=${data}><script type="application/json" data-zmot-feed>${unsafeStatic(
    scriptJson(data),
  )}</script></${unsafeStatic(name)}>`;
  return collectResult(render(template));
}
