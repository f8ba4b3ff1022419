/**
 * The one base class: the attributes every feed-driven widget shares (`product`, `feed`, `data`), its feed
 * and its language. Everything else lives in the elements and in small controllers.
 */
import { property, ReactiveElement } from './reactive.js';
import { LangController, langUpdateComplete } from '../i18n/lang-controller.js';
import type { Localizer } from '../i18n/i18n.js';
import { FeedController } from './feed-controller.js';

/**
 * @fires {ZmotTelemetryEvent} zmot-event - Every event the widget reports (`render`, `impression`, `interaction`, `error` …); `detail` is the event as it goes on the wire.
 * @fires {ZmotErrorEvent} zmot-error - The feed is missing, slow, not JSON or invalid; the fallback is shown.
 */
export abstract class ZmotElement extends ReactiveElement {
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
}
