/**
 * The one base class, on `LitElement`: the attributes every widget shares (`product`, `feed`, `endpoint`,
 * `data`), its feed and its language, and hydration of the HTML `zmot/ssr` rendered on the server.
 * Everything else lives in the elements and in small controllers.
 */
import { adoptStyles, isServer, LitElement, render, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { loadLocale, resolveLang, type Localizer } from '../../i18n/i18n.js';
import { LangController, langUpdateComplete } from './lang-controller.js';
import { FeedController } from './feed-controller.js';

/** The attribute `zmot/ssr` puts on an element it rendered: hydrate once the feed and the language are in. */
export const DEFER_HYDRATION = 'defer-hydration';

/**
 * @fires {ZmotTelemetryEvent} zmot-event - Every event the widget reports (`render`, `impression`, `interaction`, `error` …); `detail` is the event as it goes on the wire.
 * @fires {ZmotErrorEvent} zmot-error - The feed is missing, slow, not JSON or invalid; the fallback is shown.
 */
export abstract class ZmotElement extends LitElement {
  /**
   * A feed this element can do without (`<zmot-recommend>` only takes the product's name and URL from it): no
   * feed configured is no error, and a failed one leaves the element working. @internal
   */
  static feedOptional = false;

  /** The product id; fills `{product}` in the feed URL template. */
  @property() product?: string;

  /** Feed URL (template) for this element, overriding the script's `data-feed`. */
  @property() feed?: string;

  /** Where this element's events go, overriding the script's `data-endpoint`. */
  @property() endpoint?: string;

  /** A feed object given directly (contract section 3); used instead of fetching. */
  @property({ attribute: false }) data?: unknown;

  protected readonly feedController = new FeedController(this);
  private readonly langController = new LangController(this);
  /** Server-rendered and ready to hydrate: the same feed and language as on the server. */
  private hydrating = false;

  /** Messages and `Intl` formatting in this element's language. */
  protected get l(): Localizer {
    return this.langController.l;
  }

  /** False while the messages of the element's language load: render the reserved, empty box meanwhile. */
  protected get langReady(): boolean {
    return this.langController.ready;
  }

  /** Also waits for the element's language to load and the render in it. */
  protected override getUpdateComplete(): Promise<boolean> {
    return langUpdateComplete(this.langController, () => super.getUpdateComplete());
  }

  override connectedCallback(): void {
    if (this.hasAttribute(DEFER_HYDRATION) && this.shadowRoot) void this.prepareHydration();
    super.connectedCallback();
  }

  /**
   * Server-rendered (`zmot/ssr`): the element keeps the server's nodes until the feed embedded beside them is
   * accepted and its language's messages are in, so its first render here is the server's; then it hydrates.
   * Without an embedded feed it renders afresh in the same box.
   */
  private async prepareHydration(): Promise<void> {
    const embedded = this.querySelector(':scope > script[type="application/json"][data-zmot-feed]');
    if (embedded && this.data == null) {
      try {
        this.data = JSON.parse(embedded.textContent ?? '');
        this.hydrating = true;
      } catch {
        // Not JSON: the feed loads as on any page, and the element renders afresh.
      }
    }
    await loadLocale(resolveLang(this));
    this.removeAttribute(DEFER_HYDRATION);
  }

  /** The server's shadow root: hydrated when the element is ready for it, else emptied and rendered into. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = this.shadowRoot;
    if (!root || this.hydrating || isServer) return super.createRenderRoot();
    root.replaceChildren();
    adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  /**
   * Hydration expects this render to be the server's; should it differ all the same (a server of another
   * version, HTML changed on its way), the element renders afresh in the same box instead of throwing into the
   * page.
   */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.hydrating) return super.update(changed);
    this.hydrating = false;
    try {
      super.update(changed);
    } catch (error) {
      console.warn(`zmot: <${this.localName}> rendered afresh: the server's HTML did not match (${String(error)})`);
      const root = this.renderRoot as ShadowRoot;
      root.replaceChildren();
      adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
      render(this.render(), root, this.renderOptions);
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // On the server Lit calls no controller's hostUpdate: the feed given to zmot/ssr is taken here.
    if (isServer) this.feedController.hostUpdate();
  }

  /** The page's URL, against which relative URLs from a feed resolve (none on the server). */
  protected get baseUrl(): string | undefined {
    return isServer ? undefined : document.baseURI;
  }
}
