/**
 * `<zmot-dashboard>` in the drop-in: a loader of a few hundred bytes, so the shoppers who download the drop-in
 * never pay for the dashboard and its charts. On first connection it imports `zmot-dashboard.js` from beside
 * the drop-in script (or waits for a bundler's `import 'zmot/dashboard'`), then shows the real element,
 * `<zmot-dashboard-app>`, in its shadow root, with its attributes and `token` passed down.
 */

/** The tag the dashboard module defines for the loader to show. */
export const APP_TAG = 'zmot-dashboard-app';

const ATTRIBUTES = ['src', 'site', 'from', 'to', 'product'];
const PARTS = 'base,header,sign-in,state,card,funnel,chart,table';

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

type App = HTMLElement & { token?: string | undefined };

/**
 * The drop-in's `zmot-dashboard`: loads and shows the dashboard. Its attributes, parts and events are
 * `ZmotDashboard`'s (`zmot/dashboard`), which the manifest documents under the same tag.
 */
export class ZmotDashboardLoader extends HTMLElement {
  static observedAttributes = ATTRIBUTES;
  private app?: App;
  private ownToken?: string | undefined;

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
      },
      (error: unknown) => {
        console.warn(`zmot: could not load the dashboard from ${moduleUrl}`, error);
        root.append(Object.assign(document.createElement('p'), { textContent: 'The dashboard could not be loaded.' }));
      },
    );
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (value === null) this.app?.removeAttribute(name);
    else this.app?.setAttribute(name, value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'zmot-dashboard-app': HTMLElement;
  }
}
