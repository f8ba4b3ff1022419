/**
 * Telemetry for every widget (contract section 4): `track()` turns what a widget reports into an event
 * with an id, time, page view and URL, dispatches it in the page as `zmot-event` (and onto the tag
 * manager's `dataLayer` with `data-datalayer`), and queues it for the endpoint, consent permitting.
 * Never throws into the host page.
 */
import { config, configure } from '../config.js';
import { privacySignal } from './consent.js';
import { clean, type EventInput, type ZmotEvent } from './event.js';
import { uuidv7 } from './ids.js';
import { pageUrl, pageView, sampled } from './page.js';
import { currentArm } from './holdout.js';
import { enqueue, flush as flushQueue, startTransport as startTelemetry } from './transport.js';
import { warnOnce } from './warn.js';

export type { EventInput, EventType, ZmotEvent } from './event.js';

/** The `zmot-event` every event is dispatched as; `detail` is the event as it goes on the wire. */
export type ZmotTelemetryEvent = CustomEvent<ZmotEvent>;

declare global {
  interface GlobalEventHandlersEventMap {
    'zmot-event': ZmotTelemetryEvent;
  }
}

/** The widget name each element reports as (set by its `TelemetryController`). */
export const widgets = new WeakMap<EventTarget, string>();

/**
 * With `data-datalayer`, the event goes onto the tag manager's array, where ad tags may read it (and the
 * referral codes some events carry): only while consent is granted, and never under Global Privacy Control
 * or Do-Not-Track.
 */
function toDataLayer(event: ZmotEvent): void {
  if (!config.dataLayer || config.consent !== 'granted' || privacySignal()) return;
  const page = window as unknown as Record<string, { push?: (item: unknown) => void } | undefined>;
  const layer = (page[config.dataLayer] ??= [] as unknown[]);
  if (typeof layer.push === 'function') layer.push({ event: `zmot_${event.type}`, zmot: { ...event } });
}

/** Starts listening to the page's lifecycle and sends what earlier page views left. Once per page. */
export { startTelemetry };

/**
 * Records one event from `source` (a widget, or the document). `widget` and `product` default to the
 * source's; the event goes to the source's `endpoint`, else the page's. Returns the event, or `undefined`
 * when consent was withdrawn or the event is invalid.
 */
export function track(source: Element | Document, input: EventInput): ZmotEvent | undefined {
  try {
    startTelemetry();
    if (config.consent === 'denied') return undefined;
    if ((document as Document & { prerendering?: boolean }).prerendering) {
      // Nothing counts before a prerendered page is shown.
      document.addEventListener('prerenderingchange', () => track(source, input), { once: true });
      return undefined;
    }
    const host = source as Element & { product?: unknown; endpoint?: unknown };
    const event = clean({
      id: uuidv7(),
      ts: Date.now(),
      pv: pageView(),
      url: pageUrl(),
      widget: widgets.get(source),
      product: host.product,
      arm: currentArm(),
      ...input,
    });
    if (!event) {
      warnOnce(`invalid ${String(input.type)} event not recorded`);
      return undefined;
    }
    source.dispatchEvent(new CustomEvent('zmot-event', { bubbles: true, composed: true, detail: { ...event } }));
    toDataLayer(event);
    const endpoint = (typeof host.endpoint === 'string' && host.endpoint) || config.endpoint;
    if (endpoint && sampled(config.sample)) {
      if (config.site) enqueue({ p: new URL(endpoint, document.baseURI).href, s: config.site, r: config.sample, e: event });
      else warnOnce('no data-site: events not sent');
    }
    return event;
  } catch (error) {
    warnOnce(`telemetry failed: ${String(error)}`);
    return undefined;
  }
}

/** `zmot.consent(granted)`: `true` sends what waited; `false` discards it and stops collecting. */
export function consent(granted: boolean): void {
  configure({ consent: granted ? 'granted' : 'denied' });
}

/** `zmot.flush()`: sends what is queued now; resolves when the endpoint has answered. */
export function flush(): Promise<void> {
  return flushQueue(true);
}
