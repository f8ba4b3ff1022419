/**
 * Loads the host's feed with `@lit/task`: from its `data` property, else from its `feed` attribute or the
 * page's feed template. Failures become a `zmot-error` event, an `error` telemetry event and one console
 * warning; they never throw.
 */
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { config, onConfigure } from '../config.js';
import { ZmotErrorEvent } from '../events.js';
import { acceptFeed, feedUrl, FeedError, loadFeed } from '../feed/load.js';
import type { ParsedFeed } from '../feed/schema.js';
import { track } from '../telemetry/index.js';

export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  product?: string | undefined;
  feed?: string | undefined;
  data?: unknown;
}

type Args = [data: unknown, template: string | undefined, product: string | undefined, timeout: number];

const warned = new WeakSet<ParsedFeed>();

function describeHost(host: HTMLElement): string {
  const product = host.getAttribute('product');
  return `<${host.localName}${product ? ` product="${product}"` : ''}>`;
}

export class FeedController implements ReactiveController {
  readonly task: Task<Args, ParsedFeed>;
  private stopListening?: () => void;
  private interrupted = false;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
    this.task = new Task<Args, ParsedFeed>(host, {
      args: () => [host.data, host.feed ?? config.feed, host.product, config.timeout],
      task: ([data, template, product, timeout], { signal }) => {
        if (data !== undefined && data !== null) return acceptFeed(data);
        if (!template) {
          throw new FeedError('config', 'no feed: set the script’s data-feed, the element’s feed attribute, or its data property');
        }
        const url = new URL(feedUrl(template, product), document.baseURI).href;
        return loadFeed(url, { signal, timeout });
      },
      onComplete: (parsed) => this.warnSkipped(parsed),
      onError: (error) => this.fail(error),
    });
  }

  /** The feed, once loaded and valid. */
  get value(): ParsedFeed | undefined {
    return this.task.value;
  }

  hostConnected(): void {
    this.stopListening = onConfigure(() => this.host.requestUpdate());
    if (this.interrupted) {
      this.interrupted = false;
      void this.task.run();
    }
  }

  hostDisconnected(): void {
    this.stopListening?.();
    // An element taken out of the page stops waiting; the shared request goes on for the others.
    if (this.task.status === TaskStatus.PENDING) {
      this.interrupted = true;
      this.task.abort();
    }
  }

  private warnSkipped(parsed: ParsedFeed): void {
    if (!parsed.skipped.length || warned.has(parsed)) return;
    warned.add(parsed);
    const first = parsed.skipped[0]?.problem;
    console.warn(`zmot: ${describeHost(this.host)} left out ${parsed.skipped.length} invalid review(s); first: ${first}`);
  }

  private fail(error: unknown): void {
    if (!(error instanceof FeedError)) {
      // Aborted by the element itself (moved out of the page, or newer arguments): nothing to report.
      if (this.interrupted || (error instanceof DOMException && error.name === 'AbortError')) return;
      error = new FeedError('invalid', String(error instanceof Error ? error.message : error));
    }
    const { reason, message, url } = error as FeedError;
    console.warn(`zmot: ${describeHost(this.host)} shows its fallback: ${message}${url ? ` (${url})` : ''}`);
    const product = this.host.product;
    this.host.dispatchEvent(
      new ZmotErrorEvent({ reason, message, ...(url ? { url } : {}), ...(product ? { product } : {}) }),
    );
    // The site owner's endpoint hears it too; the feed URL stays out of the event.
    track(this.host, { type: 'error', message: `${reason}: ${message}` });
  }
}
