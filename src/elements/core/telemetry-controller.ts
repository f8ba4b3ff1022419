/**
 * Telemetry for one widget: `render` once its data is shown, `impression` once it has been viewable, each
 * once per page view (and again after a back/forward-cache restore, a new page view), plus its
 * interactions and answers, with `widget` and `product` filled in.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EventInput } from '../../telemetry/event.js';
import { track, widgets } from '../../telemetry/index.js';
import { onPageView, pageView } from '../../telemetry/page.js';
import { unwatch, watch } from '../../telemetry/viewability.js';

export interface TelemetryHost extends ReactiveControllerHost, HTMLElement {
  product?: string | undefined;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class TelemetryController implements ReactiveController {
  /** The page view and product the widget last rendered for, and was last viewable for. */
  private shown = '';
  private seen = '';
  private stop?: () => void;

  constructor(
    private readonly host: TelemetryHost,
    /** The widget name in events: `rating`, `testimonials`, `recommend` … */
    readonly widget: string,
    /** The product events name; the host's `product` unless given (e.g. the feed's product id). */
    private readonly product: () => string | undefined = () => host.product,
  ) {
    widgets.set(host, widget);
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = onPageView(() => {
      if (this.shown) {
        this.shown = '';
        this.rendered();
      }
    });
    if (this.shown) this.watch();
  }

  hostDisconnected(): void {
    this.stop?.();
    unwatch(this.host);
  }

  /** Call whenever the widget shows data: sends `render` and starts viewability, once per page view and product. */
  rendered(): void {
    const key = `${pageView()} ${this.product() ?? ''}`;
    if (this.shown === key) return;
    this.shown = key;
    this.track({ type: 'render' });
    this.watch();
  }

  /** A visitor used the widget: `filter`, `sort`, `page`, `expand`, `carousel` … */
  interaction(action: string): void {
    this.track({ type: 'interaction', action });
  }

  /** Any other event from this widget; `widget` and `product` are filled in. */
  track(event: DistributiveOmit<EventInput, 'widget'>): void {
    const product = this.product();
    track(this.host, product ? { product, ...event } : event);
  }

  private watch(): void {
    const key = this.shown;
    if (!key || this.seen === key || !this.host.isConnected) return;
    watch(this.host, () => {
      if (this.shown !== key) return;
      this.seen = key;
      this.track({ type: 'impression' });
    });
  }
}
