/**
 * The live view's polling: `GET /v1/live` every few seconds while the element is connected and its page is
 * visible, with the last ETag in `If-None-Match`, so an unchanged answer costs a 304 and no re-render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveAnswer } from '../../report/types.js';

export interface LiveSource {
  base: string;
  token: string;
  site: string;
}

export class LiveController implements ReactiveController {
  value: LiveAnswer | undefined;
  /** When the last answer (200 or 304) arrived. */
  checked: Date | undefined;
  failed = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #etag = '';
  #for = '';
  #busy = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly source: () => LiveSource | undefined,
    private readonly interval: () => number,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => void this.poll(), this.interval());
    document.addEventListener('visibilitychange', this.#visible);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#visible);
  }

  hostUpdated(): void {
    const source = this.source();
    const key = source ? `${source.base}\u0000${source.site}` : '';
    if (key !== this.#for) {
      this.#for = key;
      this.#etag = '';
      this.value = undefined;
      void this.poll();
    }
  }

  readonly #visible = (): void => {
    if (document.visibilityState === 'visible') void this.poll();
  };

  async poll(): Promise<void> {
    const source = this.source();
    if (!source || this.#busy || document.visibilityState === 'hidden') return;
    this.#busy = true;
    const key = this.#for;
    try {
      const url = new URL('v1/live', source.base);
      url.searchParams.set('site', source.site);
      const headers: Record<string, string> = { authorization: `Bearer ${source.token}`, accept: 'application/json' };
      if (this.#etag) headers['if-none-match'] = this.#etag;
      const response = await fetch(url, { headers, cache: 'no-store', credentials: 'omit' });
      if (key !== this.#for) return;
      if (response.status === 200) {
        this.value = (await response.json()) as LiveAnswer;
        this.#etag = response.headers.get('etag') ?? '';
      } else if (response.status !== 304) {
        throw new Error(`HTTP ${response.status}`);
      }
      this.failed = false;
      this.checked = new Date();
    } catch {
      this.failed = true;
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }
}
