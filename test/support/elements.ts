// Helpers the element tests share: serving a feed through msw, capturing the warnings a test expects, and
// mounting an element that may fire zmot-error before a listener on it could be added.
import { fixture, html, oneEvent } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import { http, HttpResponse } from 'msw';
import type { ZmotErrorEvent } from '../../src/events.js';
import { worker } from './msw.js';

/** Answers GET `path` with `feed`; returns a function that tells how many requests came. */
export function serve(feed: object, path = '/feeds/:product.json'): () => number {
  let requests = 0;
  worker.use(
    http.get(path, () => {
      requests += 1;
      return HttpResponse.json(feed);
    }),
  );
  return () => requests;
}

/** Captures console.warn for the test that expects warnings, so the console stays quiet. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

/** Mounts `template` inside a wrapper that already listens, so an early zmot-error is not missed. */
export async function mountExpectingError(template: TemplateResult): Promise<{ wrapper: HTMLElement; event: ZmotErrorEvent }> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const fired = oneEvent(wrapper, 'zmot-error') as Promise<ZmotErrorEvent>;
  render(template, wrapper);
  return { wrapper, event: await fired };
}
