/**
 * Loads the host's feed: from its `data` property (at once), else from its `feed` attribute or the page's feed
 * template. It loads again when one of those (or the product, or the page's settings) changes, and drops a
 * load that newer arguments replaced. Failures become a `zmot-error` event, an `error` telemetry event and one
 * console warning; they never throw. A host whose feed is optional (`static feedOptional`) loads none when
 * none is configured and says it works on without one when it fails. (A few lines instead of `@lit/task`,
 * which costs every page 0.7 KB gzip.)
 */
import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { config, onConfigure } from '../../config.js';
import { ZmotErrorEvent } from '../../events.js';
import { acceptFeed, feedUrl, FeedError, loadFeed } from '../../feed/load.js';
import type { ParsedFeed } from '../../feed/schema.js';
import { track } from '../../telemetry/index.js';

export interface FeedHost extends ReactiveControllerHost, HTMLElement {
  product?: string | undefined;
  feed?: string | undefined;
  data?: unknown;
  /** False when the host needs nothing from a feed right now (default true). */
  feedWanted?(): boolean;
}

type Args = [data: unknown, template: string | undefined, product: string | undefined, timeout: number];

const warned = new WeakSet<ParsedFeed>();

/** Resolves in a later task: `scheduler.yield()` where there is one (it keeps its place in line), else a timeout. */
function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function describeHost(host: HTMLElement): string {
  const product = host.getAttribute('product');
  return `<${host.localName}${product ? ` product="${product}"` : ''}>`;
}

export class FeedController implements ReactiveController {
  /** The feed, once loaded and valid; the previous one while a new one loads. */
  value?: ParsedFeed;
  /** The last load failed: the host shows its fallback. */
  failed = false;
  private args?: Args;
  private loads = 0;
  /** Set while a load is under way. */
  private pending?: AbortController;
  private stopListening?: () => void;
  private interrupted = false;

  constructor(private readonly host: FeedHost) {
    host.addController(this);
  }

  /** True while a feed is being fetched. */
  get loading(): boolean {
    return this.pending !== undefined;
  }

  private get optional(): boolean {
    return (this.host.constructor as { feedOptional?: boolean }).feedOptional === true;
  }

  hostConnected(): void {
    this.stopListening = onConfigure(() => this.host.requestUpdate());
    if (this.interrupted && this.args) {
      this.interrupted = false;
      void this.load(this.args);
    }
  }

  hostDisconnected(): void {
    this.stopListening?.();
    // An element taken out of the page stops waiting; the shared request goes on for the others.
    if (this.pending) {
      this.interrupted = true;
      this.pending.abort();
      this.pending = undefined;
    }
  }

  /** Before each render: loads when the arguments changed; a feed given as `data` is taken at once. */
  hostUpdate(): void {
    const host = this.host;
    const wanted = host.feedWanted?.() ?? true;
    const args: Args = wanted ? [host.data, host.feed ?? config.feed, host.product, config.timeout] : [null, undefined, undefined, 0];
    if (this.args?.every((arg, i) => Object.is(arg, args[i]))) return;
    this.args = args;
    const [data] = args;
    if (data === undefined || data === null) {
      void this.load(args);
      return;
    }
    this.pending?.abort();
    this.pending = undefined;
    this.loads++;
    try {
      this.value = acceptFeed(data);
      this.failed = false;
      this.warnSkipped(this.value);
    } catch (error) {
      this.value = undefined;
      this.failed = true;
      this.fail(error);
    }
  }

  private async load([, template, product, timeout]: Args): Promise<void> {
    this.pending?.abort();
    this.pending = undefined;
    const load = ++this.loads;
    this.failed = false;
    if (!template || (this.optional && template.includes('{product}') && !product)) {
      this.value = undefined;
      if (this.optional) return;
      this.failed = true;
      this.fail(new FeedError('config', 'no feed: set the script’s data-feed, the element’s feed attribute, or its data property'));
      return;
    }
    if (isServer) return;
    const pending = (this.pending = new AbortController());
    this.host.requestUpdate();
    let value: ParsedFeed | undefined;
    let error: unknown;
    let failed = false;
    try {
      const url = new URL(feedUrl(template, product), document.baseURI).href;
      value = await loadFeed(url, { signal: pending.signal, timeout });
      // Every element of a product gets its feed in the same task: each renders in a task of its own, so
      // the page never has one long task for all of them (Total Blocking Time).
      await nextTask();
    } catch (caught) {
      failed = true;
      error = caught;
    }
    // Newer arguments started another load: this one no longer counts.
    if (load !== this.loads) return;
    this.pending = undefined;
    this.value = value;
    this.failed = failed;
    if (failed) this.fail(error);
    else if (value) this.warnSkipped(value);
    this.host.requestUpdate();
  }

  private warnSkipped(parsed: ParsedFeed): void {
    if (!parsed.skipped.length || warned.has(parsed) || isServer) return;
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
    // zmot/ssr checks the feed before it renders: there is no page to tell here.
    if (isServer) return;
    const outcome = this.optional ? 'uses the page’s name and URL' : 'shows its fallback';
    console.warn(`zmot: ${describeHost(this.host)} ${outcome}: ${message}${url ? ` (${url})` : ''}`);
    const product = this.host.product;
    this.host.dispatchEvent(
      new ZmotErrorEvent({ reason, message, ...(url ? { url } : {}), ...(product ? { product } : {}) }),
    );
    // The site owner's endpoint hears it too; the feed URL stays out of the event.
    track(this.host, { type: 'error', message: `${reason}: ${message}` });
  }
}
