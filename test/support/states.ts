// Every visible state of every visitor widget, mounted the way a visitor would bring it about, for the
// tests that must hold in all of them: axe, theme tokens, parts, languages and directions.
import { html, render, type TemplateResult } from 'lit';
import { waitUntil } from '@open-wc/testing';
import type { Feed } from '../../src/feed/schema.js';
import { b2b } from './feeds.js';
import { daysAgo } from './testimonials.js';

export type Tag = 'zmot-rating' | 'zmot-testimonials' | 'zmot-recommend';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };

export interface State {
  tag: Tag;
  name: string;
  /** Renders the widget into `container` and brings it to the state; resolves with the widget. */
  mount(container: HTMLElement): Promise<Widget>;
  /** The state logs a warning on purpose (a feed that fails). */
  warns?: boolean;
}

const LONG = 'The onboarding took a single afternoon and the reports have saved our controllers hours every month. '.repeat(6);

/** Reviews with everything a card can show: title, long text, reply, role and company, source, language. */
export const rich = {
  product: { id: 'state-1', name: 'Ledgerly Cloud', brand: 'Acme' },
  sources: [{ id: 'google', name: 'Google', url: 'https://g.example/acme', rating: 4.4, scale: 5, count: 80 }],
  reviews: [
    {
      id: 'r1',
      rating: 5,
      title: 'Closed our books in two days',
      body: LONG,
      author: { name: 'Ana Silva', role: 'Head of IT', company: 'Fujitsu' },
      date: daysAgo(3),
      verified: true,
      lang: 'en',
      reply: { body: 'Thank you, Ana!', date: daysAgo(2) },
    },
    {
      id: 'r2',
      rating: 4,
      title: 'Solide Buchhaltung',
      body: 'Schnell eingerichtet, gute Berichte.',
      author: { name: 'Jonas Weber', company: 'Bosch' },
      date: daysAgo(20),
      source: 'google',
      url: 'https://g.example/review/r2',
      lang: 'de',
    },
    { id: 'r3', rating: 2, body: 'Import of old invoices was painful.', author: { name: 'Chen Li', role: 'Controller' }, date: daysAgo(100) },
    { id: 'r4', rating: 4, body: 'Good support.', author: { name: 'Dee Kay' }, date: daysAgo(400) },
  ],
} satisfies Feed;

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function put(container: HTMLElement, template: TemplateResult, until?: (el: Widget) => unknown): Promise<Widget> {
  render(template, container);
  const el = container.querySelector<Widget>('zmot-rating, zmot-testimonials, zmot-recommend')!;
  await el.updateComplete;
  await waitUntil(() => (until ? until(el) : part(el, 'base')?.getAttribute('aria-busy') !== 'true'), `<${el.localName}> did not settle`);
  await el.updateComplete;
  return el;
}

const shown = (el: Widget) => part(el, 'testimonial') || part(el, 'empty');

async function click(el: Widget, name: string, selector = `[part~="${name}"]`): Promise<void> {
  el.shadowRoot!.querySelector<HTMLElement>(selector)!.click();
  await el.updateComplete;
}

export const STATES: State[] = [
  { tag: 'zmot-rating', name: 'summary', mount: (c) => put(c, html`<zmot-rating .data=${b2b}></zmot-rating>`) },
  { tag: 'zmot-rating', name: 'full', mount: (c) => put(c, html`<zmot-rating variant="full" .data=${b2b}></zmot-rating>`) },
  {
    tag: 'zmot-rating',
    name: 'full, a star row chosen',
    mount: async (c) => {
      const el = await put(c, html`<zmot-rating variant="full" .data=${b2b}></zmot-rating>`);
      await click(el, 'row', 'button.row');
      await waitUntil(() => el.shadowRoot!.querySelector('[aria-pressed="true"]'), 'the row is pressed');
      return el;
    },
  },
  { tag: 'zmot-rating', name: 'compact', mount: (c) => put(c, html`<zmot-rating variant="compact" .data=${b2b}></zmot-rating>`) },
  {
    tag: 'zmot-rating',
    name: 'no reviews yet',
    mount: (c) => put(c, html`<zmot-rating variant="full" .data=${{ product: { id: 'none' }, reviews: [] }}></zmot-rating>`),
  },
  {
    tag: 'zmot-rating',
    name: 'fallback',
    warns: true,
    mount: (c) => put(c, html`<zmot-rating .data=${{ reviews: 'broken' }}></zmot-rating>`, (el) => part(el, 'fallback')),
  },
  { tag: 'zmot-testimonials', name: 'list', mount: (c) => put(c, html`<zmot-testimonials limit="3" .data=${rich}></zmot-testimonials>`, (el) => part(el, 'read-more')) },
  {
    tag: 'zmot-testimonials',
    name: 'list, expanded',
    mount: async (c) => {
      const el = await put(c, html`<zmot-testimonials limit="3" .data=${rich}></zmot-testimonials>`, (el) => part(el, 'read-more'));
      await click(el, 'read-more');
      return el;
    },
  },
  {
    tag: 'zmot-testimonials',
    name: 'grid',
    mount: (c) => put(c, html`<div style="inline-size: 60em"><zmot-testimonials layout="grid" .data=${rich}></zmot-testimonials></div>`, shown),
  },
  {
    tag: 'zmot-testimonials',
    name: 'carousel with autoplay',
    mount: (c) => put(c, html`<zmot-testimonials layout="carousel" autoplay .data=${rich}></zmot-testimonials>`, (el) => part(el, 'rotation')),
  },
  {
    tag: 'zmot-testimonials',
    name: 'filtered, nothing matches',
    mount: async (c) => {
      const el = await put(c, html`<zmot-testimonials .data=${rich}></zmot-testimonials>`, shown);
      (el as Widget & { stars: number | null }).stars = 3;
      await waitUntil(() => part(el, 'empty') && part(el, 'clear-filter'), 'the filter shows');
      return el;
    },
  },
  {
    tag: 'zmot-testimonials',
    name: 'a further page failed',
    warns: true,
    mount: async (c) => {
      const feed = { ...rich, reviews: rich.reviews.slice(0, 1), next: '/test/fixtures/feeds/no-such-page.json' };
      const el = await put(c, html`<zmot-testimonials limit="1" .data=${feed}></zmot-testimonials>`, (el) => part(el, 'show-more'));
      await click(el, 'show-more');
      await waitUntil(() => part(el, 'retry'), 'the retry button shows');
      return el;
    },
  },
  {
    tag: 'zmot-testimonials',
    name: 'fallback',
    warns: true,
    mount: (c) => put(c, html`<zmot-testimonials .data=${{ reviews: 'broken' }}></zmot-testimonials>`, (el) => part(el, 'fallback')),
  },
  { tag: 'zmot-recommend', name: 'question', mount: (c) => put(c, html`<zmot-recommend cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend>`) },
  {
    tag: 'zmot-recommend',
    name: 'detractor writing',
    mount: async (c) => {
      const el = await put(c, html`<zmot-recommend cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend>`);
      await click(el, 'score', 'input[value="3"]');
      await waitUntil(() => part(el, 'feedback'), 'the feedback box shows');
      return el;
    },
  },
  {
    tag: 'zmot-recommend',
    name: 'thanks',
    mount: async (c) => {
      const el = await put(c, html`<zmot-recommend cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend>`);
      await click(el, 'score', 'input[value="3"]');
      await click(el, 'primary');
      await waitUntil(() => part(el, 'heading'), 'the thanks show');
      return el;
    },
  },
  {
    tag: 'zmot-recommend',
    name: 'passive',
    mount: async (c) => {
      const el = await put(c, html`<zmot-recommend cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend>`);
      await click(el, 'score', 'input[value="7"]');
      await click(el, 'primary');
      await waitUntil(() => part(el, 'heading'), 'the passive panel shows');
      return el;
    },
  },
  {
    tag: 'zmot-recommend',
    name: 'share panel, link copied',
    mount: async (c) => {
      const el = await put(c, html`<zmot-recommend ask="share" name="Ledgerly Cloud" url="https://acme.example/p/1"></zmot-recommend>`);
      await click(el, 'primary');
      await waitUntil(() => part(el, 'status')?.textContent?.trim(), 'the copy is confirmed');
      return el;
    },
  },
  {
    tag: 'zmot-recommend',
    name: 'dialog',
    mount: async (c) => {
      const el = await put(c, html`<zmot-recommend modal cooldown-days="0" name="Ledgerly Cloud"></zmot-recommend>`, () => true);
      (el as Widget & { open(): boolean }).open();
      await waitUntil(() => part(el, 'dialog'), 'the dialog opens');
      await el.updateComplete;
      return el;
    },
  },
];
