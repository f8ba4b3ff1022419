/**
 * The drop-in entry (`dist/zmot.js` and `dist/zmot.iife.js`): reads the configuration from its own
 * `<script>` tag, defines every element, and exposes `window.zmot`. Loading it twice does nothing the
 * second time.
 */
import { configure, readScriptConfig } from './config.js';
import { conversion, startAttribution, type ConversionInput } from './referral/attribution.js';
import { setDashboardModule } from './elements/dashboard/loader.js';
import { localesFrom, setLocaleLoader } from './i18n/i18n.js';
import { defineElements } from './registry.js';
import { consent, flush, startTelemetry } from './telemetry/index.js';

declare const __ZMOT_VERSION__: string;

export interface ZmotGlobal {
  version: string;
  /** Reports an order; carries the referral code while the visitor is inside the attribution window. */
  conversion(order: ConversionInput): void;
  /** `true` sends the events that waited (`data-consent="pending"`); `false` discards them and stops collecting. */
  consent(granted: boolean): void;
  /** Sends the queued events now; resolves when the endpoint has answered. */
  flush(): Promise<void>;
}

declare global {
  interface Window {
    zmot?: ZmotGlobal;
  }
}

/** The `<script>` that loaded this file. A module has no `document.currentScript`, so match by URL. */
function ownScript(): HTMLOrSVGScriptElement | null {
  if (document.currentScript) return document.currentScript;
  const url = import.meta.url;
  for (const script of document.querySelectorAll('script[src]')) {
    if ((script as HTMLScriptElement).src === url) return script as HTMLScriptElement;
  }
  // Loaded from a URL we can't match (a redirect, or a bundler): the tag that carries our settings.
  return document.querySelector<HTMLScriptElement>('script[data-feed], script[data-site], script[data-endpoint]');
}

function start(): void {
  if (window.zmot) return;
  const script = ownScript();
  if (script) configure(readScriptConfig(script));
  // <zmot-dashboard> loads zmot-dashboard.js from beside this file.
  if (script instanceof HTMLScriptElement && script.src) {
    setDashboardModule(new URL('zmot-dashboard.js', script.src).href);
    // Languages other than English: locales/<lang>.js beside this file, each imported the first time it is needed.
    setLocaleLoader(localesFrom(new URL('locales/', script.src).href));
  }
  window.zmot = { version: __ZMOT_VERSION__, conversion, consent, flush };
  startTelemetry();
  defineElements();
  startAttribution();
}

try {
  start();
} catch (error) {
  // Never throw into the host page.
  console.warn('zmot: could not start', error);
}
