/**
 * `<zmot-dashboard>` in the drop-in: a loader of a few hundred bytes, so the shoppers who download the drop-in
 * never pay for the dashboard and its charts. On first connection it imports `zmot-dashboard.js` from beside
 * the drop-in script (or waits for a bundler's `import 'zmot/dashboard'`), then shows the real element,
 * `<zmot-dashboard-app>`, in its shadow root, with its attributes and `token` passed down.
 */

/** The tag the dashboard module defines for the loader to show. */
export const APP_TAG = 'zmot-dashboard-app';

const ATTRIBUTES = ['src', 'site', 'from', 'to', 'product', 'page'];
const PARTS = 'base,header,sign-in,state,card,funnel,chart,table,comment,review';

let moduleUrl: string | undefined;
let loading: Promise<unknown> | undefined;

/** Where `zmot-dashboard.js` is: the drop-in sets it from its own script's URL. */
export function setDashboardModule(url: string): void {
  moduleUrl = url;
}

function load(): Promise<unknown> {
  if (customElements.get(APP_TAG)) return Promise.resolve();
  // A failed import is tried again by the next element.
  if (moduleUrl) loading ??= import(/* @vite-ignore */ moduleUrl).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading ? loading.then(() => customElements.whenDefined(APP_TAG)) : customElements.whenDefined(APP_TAG);
}

type App = HTMLElement & { token?: string | undefined; toCSV?(): string | undefined; signOut?(): void; view?: unknown };

/**
 * The drop-in's `zmot-dashboard`: loads and shows the dashboard. Its attributes, parts and events are
 * `ZmotDashboard`'s (`zmot/dashboard`), which the manifest documents under the same tag.
 */
export class ZmotDashboardLoader extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  private app?: App;
  private ownToken?: string | undefined;
  /** Keeps this element's attributes in step with the dashboard's (a period the owner picks, say). */
  private mirror?: MutationObserver;

  /** The collector's base URL (the `src` attribute). */
  get src(): string | undefined {
    return this.getAttribute('src') ?? undefined;
  }
  set src(value: string | undefined) {
    this.setOrRemove('src', value);
  }

  /** The site shown (the `site` attribute); follows the owner's choice. */
  get site(): string | undefined {
    return this.getAttribute('site') ?? undefined;
  }
  set site(value: string | undefined) {
    this.setOrRemove('site', value);
  }

  /** The first day of the period, `YYYY-MM-DD` (the `from` attribute); follows the owner's choice. */
  get from(): string | undefined {
    return this.getAttribute('from') ?? undefined;
  }
  set from(value: string | undefined) {
    this.setOrRemove('from', value);
  }

  /** The last day of the period, `YYYY-MM-DD` (the `to` attribute); follows the owner's choice. */
  get to(): string | undefined {
    return this.getAttribute('to') ?? undefined;
  }
  set to(value: string | undefined) {
    this.setOrRemove('to', value);
  }

  /** One product only (the `product` attribute). */
  get product(): string | undefined {
    return this.getAttribute('product') ?? undefined;
  }
  set product(value: string | undefined) {
    this.setOrRemove('product', value);
  }

  /** `reviews` for the Reviews page (the `page` attribute); follows the owner's choice. */
  get page(): string | undefined {
    return this.getAttribute('page') ?? undefined;
  }
  set page(value: string | undefined) {
    this.setOrRemove('page', value);
  }

  /** The CSV of what is shown, or undefined before the dashboard and its report have loaded. */
  toCSV(): string | undefined {
    return this.app?.toCSV?.();
  }

  /** Forgets the token, here and in the dashboard's session storage, and shows the sign-in. */
  signOut(): void {
    this.ownToken = undefined;
    this.app?.signOut?.();
  }

  private setOrRemove(name: string, value: string | undefined | null): void {
    if (value === undefined || value === null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  /** The owner's token, passed to the dashboard. */
  get token(): string | undefined {
    return this.app ? this.app.token : this.ownToken;
  }

  set token(value: string | undefined) {
    this.ownToken = value;
    if (this.app) this.app.token = value;
  }

  connectedCallback(): void {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(':host{display:block}');
    root.adoptedStyleSheets = [sheet];
    load().then(
      () => {
        const app = document.createElement(APP_TAG) as App;
        for (const name of ATTRIBUTES) {
          const value = this.getAttribute(name);
          if (value !== null) app.setAttribute(name, value);
        }
        app.setAttribute('exportparts', PARTS);
        if (this.ownToken !== undefined) app.token = this.ownToken;
        root.append(app);
        this.app = app;
        this.mirror = new MutationObserver(() => {
          for (const name of ATTRIBUTES) {
            const value = app.getAttribute(name);
            if (value !== this.getAttribute(name)) this.setOrRemove(name, value);
          }
        });
        this.mirror.observe(app, { attributes: true, attributeFilter: ATTRIBUTES });
      },
      (error: unknown) => {
        console.warn(`zmot: could not load the dashboard from ${moduleUrl}`, error);
        root.append(Object.assign(document.createElement('p'), { textContent: 'The dashboard could not be loaded.' }));
      },
    );
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (!this.app || this.app.getAttribute(name) === value) return;
    if (value === null) this.app.removeAttribute(name);
    else this.app.setAttribute(name, value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-dashboard-app': HTMLElement;
  }
}
