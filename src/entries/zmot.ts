/**
 * The drop-in entry, `dist/zmot.js`, which `dist/zmot.iife.js` (src/entries/zmot.iife.ts) loads for classic scripts:
 * reads the configuration from its own `<script>` tag, starts telemetry and referral attribution, defines
 * each element the first time the page has it (`discover.ts`: its module, and the chunk every element shares,
 * are imported then), and exposes `window.zmot`. Loading it twice does nothing the second time.
 */
import { config, configure, onConfigure, readScriptConfig } from '../config.js';
import type { ConversionInput } from '../referral/attribution.js';
import { REF_PARAM } from '../referral/code.js';
import { discover, lazyElements, type ElementLoader } from '../discover.js';
import type { ZmotTag } from '../elements/catalog.js';
import { prefetchFeed } from '../feed/prefetch.js';
import { localesFrom, setLocaleLoader } from '../i18n/locale-loader.js';
import { reserveSpace } from '../reserve.js';
import { consent, flush, startTelemetry, track } from '../telemetry/index.js';
import { assignArm, forgetArm } from '../telemetry/holdout.js';

declare const __ZMOT_VERSION__: string;

export interface ZmotGlobal {
  version: string;
  /** Reports an order; carries the referral code while the visitor is inside the attribution window. */
  conversion(order: ConversionInput): void;
  /** `true` sends the events that waited (`data-consent="pending"`); `false` discards them and stops collecting. */
  consent(granted: boolean): void;
  /** Sends the queued events now; resolves when the endpoint has answered. */
  flush(): Promise<void>;
  /**
   * Defines the zmot elements in `root` (a shadow root, say, which the drop-in cannot see from the document)
   * and those added to it later; resolves when the ones found are defined. The document is watched already.
   */
  discover(root?: Document | DocumentFragment | Element): Promise<void>;
}

declare global {
  interface Window {
    zmot?: ZmotGlobal;
  }
}

/**
 * Referral attribution, imported when the page needs it: a landing (`zmot_ref` in the address), an order
 * (`zmot.conversion()`), or consent withdrawn (its stored codes are forgotten). Most pages have none of these.
 */
let attribution: Promise<typeof import('../referral/attribution.js')> | undefined;
/** Calls into it still on their way: `zmot.flush()` waits for them, so a conversion is sent with the flush. */
const arriving = new Set<Promise<void>>();

function withAttribution(use: (module: typeof import('../referral/attribution.js')) => void): void {
  attribution ??= import('../referral/attribution.js');
  const call = attribution.then(use).catch((error: unknown) => console.warn('zmot: referral attribution did not load', error));
  arriving.add(call);
  void call.finally(() => arriving.delete(call));
}

/** Where `zmot.iife.js` leaves its `<script>` for this module: the first copy's, as `document.currentScript` would be. */
const HANDOFF = Symbol.for('zmot.script');

/** A file name of zmot's own: `zmot.js`, `zmot.iife.js` (or `.min.js`), in any folder, with any query. */
const OWN_FILE = /\/zmot(\.iife)?(\.min)?\.js([?#]|$)/;

/**
 * The `<script>` that loaded this file: the classic loader's, else the module script with this URL, else (a
 * redirect, a bundler) the tag that is zmot's by its file name or a `data-zmot` marker — never another
 * vendor's tag that happens to carry `data-site` (Fathom Analytics uses it). Warns once when several tags
 * claim to be zmot's and it had to pick.
 */
function ownScript(): HTMLOrSVGScriptElement | null {
  const handed = (window as { [HANDOFF]?: HTMLScriptElement })[HANDOFF];
  if (handed) return handed;
  const url = import.meta.url;
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script')];
  const exact = scripts.find((script) => script.src && script.src === url);
  if (exact) return exact;
  const claims = scripts.filter((script) => script.hasAttribute('data-zmot') || OWN_FILE.test(script.src));
  if (claims.length > 1) {
    console.warn(`zmot: ${claims.length} script tags look like zmot's; reading the settings of the first (mark yours with data-zmot)`);
  }
  return claims[0] ?? null;
}

/**
 * `./chunks/elements-<hash>.js`, the chunk every element shares: a placeholder the build leaves as an
 * external import and then names (`elementsChunkUrl` in vite.config.ts); absent when this runs from source.
 */
declare const __ZMOT_ELEMENTS_CHUNK__: string | undefined;

/**
 * An element's module, and the chunk every element shares (Lit, the base class, feeds, styles), downloaded at
 * once instead of one after the other; on a page with server-rendered elements, Lit's hydration after them. The chunk is imported by its file name, as a module
 * outside the build, not as the build's own module `./elements/zmot-element.js`: for that, the bundler would
 * build a namespace object with a helper that walks inherited properties (`for…in`), which throws on a page
 * whose `Object.prototype` carries values, and no element would load there.
 */
function withShared<M>(load: Promise<M>): Promise<M> {
  const shared: Promise<unknown> =
    typeof __ZMOT_ELEMENTS_CHUNK__ === 'string' ? import(/* @vite-ignore */ __ZMOT_ELEMENTS_CHUNK__) : Promise.resolve();
  // Server-rendered elements on the page: Lit's hydration is in before their tags are defined.
  const hydration = serverRendered ? shared.then(() => import('../elements/core/hydrate.js')) : undefined;
  return Promise.all([load, hydration]).then(([module]) => module);
}

/** Whether the page has elements `zmot/ssr` rendered (a declarative shadow root, waiting to hydrate). */
let serverRendered = false;

/**
 * What the drop-in defines for each tag of the catalog (`src/elements/catalog.ts`; its type checks that none is
 * missing): the class from the element's module, imported the first time the page has its tag, with the chunk
 * every element shares for those the catalog marks `shared`.
 */
const elements = {
  'zmot-rating': () => withShared(import('../elements/rating/rating.js')).then((m) => m.ZmotRating),
  'zmot-testimonials': () => withShared(import('../elements/testimonials/testimonials.js')).then((m) => m.ZmotTestimonials),
  'zmot-recommend': () => withShared(import('../elements/recommend/recommend.js')).then((m) => m.ZmotRecommend),
  'zmot-review-form': () => withShared(import('../elements/review-form/review-form.js')).then((m) => m.ZmotReviewForm),
  'zmot-dashboard': () =>
    import('../elements/dashboard/loader.js').then((m) => {
      // <zmot-dashboard> loads zmot-dashboard.js from beside this file.
      m.setDashboardModule(new URL(/* @vite-ignore */ 'zmot-dashboard.js', import.meta.url).href);
      return m.ZmotDashboardLoader;
    }),
} satisfies Record<ZmotTag, ElementLoader>;

/**
 * Starts the request for the feed `element` will ask for (its `feed` attribute or the page's template, with its
 * product), unless it has its feed as `data` or lacks the product its template needs.
 */
function prefetch(element: Element): void {
  // Rendered on the server, with its feed inside: nothing to ask for.
  if (element.shadowRoot && element.hasAttribute('defer-hydration')) {
    serverRendered = true;
    if (element.querySelector(':scope > script[data-zmot-feed]')) return;
  }
  const template = element.getAttribute('feed') ?? config.feed;
  const product = element.getAttribute('product');
  if (element.localName === 'zmot-dashboard' || !template || Object.prototype.hasOwnProperty.call(element, 'data')) return;
  if (template.includes('{product}') && !product) return;
  try {
    prefetchFeed(new URL(template.split('{product}').join(encodeURIComponent(product ?? '')), document.baseURI).href, config.timeout);
  } catch {
    // A template that is not a URL: the element reports it.
  }
}

function start(): void {
  if (window.zmot) return;
  const script = ownScript();
  if (script) configure(readScriptConfig(script));
  if (script instanceof HTMLScriptElement && script.src) {
    // Languages other than English: locales/<lang>.js beside this file, each imported the first time it is needed.
    setLocaleLoader(localesFrom(new URL('locales/', script.src).href));
  }
  window.zmot = {
    version: __ZMOT_VERSION__,
    conversion: (order) => withAttribution((module) => module.conversion(order)),
    consent,
    flush: () => Promise.all(arriving).then(flush),
    discover,
  };
  startTelemetry();
  reserveSpace();
  // A browser in the holdout (contract §10) is not shown the visitor elements: they stay undefined, in the
  // space reserved for them, showing what the page put inside them; their code and feeds are not loaded.
  const held = assignArm((arm, share) => track(document, { type: 'assignment', arm, share })) === 'holdout';
  // The elements' feeds are asked for as soon as the elements are found, beside their code.
  lazyElements(held ? { 'zmot-dashboard': elements['zmot-dashboard'] } : elements, prefetch);
  void discover();
  if (new URLSearchParams(location.search).has(REF_PARAM)) withAttribution((module) => module.startAttribution());
  onConfigure(() => {
    if (config.consent !== 'denied') return;
    withAttribution((module) => module.forget());
    forgetArm();
  });
}

try {
  start();
} catch (error) {
  // Never throw into the host page.
  console.warn('zmot: could not start', error);
}
