/**
 * The host's language: its `Localizer`, whether that language's messages are in yet (loading them when
 * not), and a re-render when any `lang` attribute on the page changes (one shared MutationObserver).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLocale, localizer, resolveLang, type Localizer } from '../../i18n/i18n.js';

type Host = ReactiveControllerHost & Element;

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

function watch(): void {
  if (observer) return;
  observer = new MutationObserver(() => hosts.forEach((host) => host.requestUpdate()));
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

export class LangController implements ReactiveController {
  /** The last language whose messages were in: shown while a newly set language loads. */
  private shown: string | undefined;
  private waiting: Promise<void> | undefined;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The localizer for the host's language, or, while that loads, for the language shown before. */
  get l(): Localizer {
    return localizer(this.lang());
  }

  /**
   * False until the messages of the host's first language are in (English and loaded languages at once):
   * render the reserved, empty box until then, never English first. A later change of `lang` keeps the
   * old language on screen until the new one is in.
   */
  get ready(): boolean {
    this.lang();
    return this.shown !== undefined;
  }

  /** Settles when the messages the host waits for are in (`undefined`: waiting for none). */
  get pending(): Promise<void> | undefined {
    this.lang();
    return this.waiting;
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

  private lang(): string {
    const lang = resolveLang(this.host);
    const loading = loadLocale(lang);
    if (!loading) {
      this.waiting = undefined;
      return (this.shown = lang);
    }
    if (loading !== this.waiting) {
      this.waiting = loading;
      void loading.then(() => this.host.requestUpdate());
    }
    return this.shown ?? lang;
  }
}

/**
 * `updateComplete` for a host with a `LangController`: also waits for its language's messages and the
 * render that follows, so `await el.updateComplete` sees the element in its own language.
 */
export async function langUpdateComplete(controller: LangController, update: () => Promise<boolean>): Promise<boolean> {
  let result = await update();
  for (let pending = controller.pending; pending; pending = controller.pending) {
    await pending;
    result = await update();
  }
  return result;
}
