/**
 * Re-renders a host when any `lang` attribute on the page changes, through one shared MutationObserver.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localizer, resolveLang, type Localizer } from './i18n.js';

type Host = ReactiveControllerHost & Element;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function watch(): void {
  if (observer) return;
  observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

export class LangController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The localizer for the host's language as it is now. */
  get l(): Localizer {
    return localizer(resolveLang(this.host));
  }

  hostConnected(): void {
    hosts.add(this.host);
    watch();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }
}
