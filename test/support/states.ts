// Every visible state of every visitor widget, mounted the way a visitor would bring it about, for the
// tests that must hold in all of them: axe, theme tokens, parts, languages and directions.
import { html, render, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { waitUntil } from '@open-wc/testing';
import type { Feed } from '../../src/feed/schema.js';
import { b2b, policy } from './feeds.js';
import { references } from './testimonials.js';

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

/**
 * Four of the B2B references, with everything a card can show: a long text (so "Read more"), a reply, role
 * and company, a source, another language, how each was verified (an invited, incentivized purchase; two
 * imported; one the shop marked); no avatar, so nothing is fetched. And the feed's policy ("How reviews work
 * here").
 */
const [first, ...others] = references.reviews.slice(0, 4);
export const rich = {
  ...references,
  policy,
  reviews: [
    {
      ...first!,
      body: LONG,
      author: { ...first!.author, avatar: undefined },
      verification: 'purchase' as const,
      invited: true,
      incentivized: true,
      incentive: 'A €10 voucher for the next order',
    },
    ...others.map((review) => ({ ...review, verified: true })),
  ],
} satisfies Feed;

/** The rating's feed, with the policy its disclosure shows. */
const rated = { ...b2b, policy } satisfies Feed;

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

/** The question, answered with `score` and sent: the panel that follows. */
async function answered(container: HTMLElement, score: number, reviewUrl?: string): Promise<Widget> {
  const el = await put(container, html`<zmot-recommend cooldown-days="0" name="Ledgerly Cloud" review-url=${ifDefined(reviewUrl)}></zmot-recommend>`);
  await click(el, 'score', `input[value="${score}"]`);
  await click(el, 'primary');
  await waitUntil(() => part(el, 'heading'), `the panel after a ${score} shows`);
  return el;
}

export const STATES: State[] = [
  { tag: 'zmot-rating', name: 'summary', mount: (c) => put(c, html`<zmot-rating .data=${rated}></zmot-rating>`) },
  {
    tag: 'zmot-rating',
    name: 'summary, "How reviews work here" open',
    mount: async (c) => {
      const el = await put(c, html`<zmot-rating .data=${rated}></zmot-rating>`);
      await click(el, 'policy', '[part~="policy"] summary');
      return el;
    },
  },
  { tag: 'zmot-rating', name: 'full', mount: (c) => put(c, html`<zmot-rating variant="full" .data=${rated}></zmot-rating>`) },
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
  {
    tag: 'zmot-testimonials',
    name: 'list',
    mount: (c) => put(c, html`<zmot-testimonials limit="3" review-url="/review.html" .data=${rich}></zmot-testimonials>`, (el) => part(el, 'read-more')),
  },
  {
    tag: 'zmot-testimonials',
    name: 'a selection (min-rating), "How reviews work here" open',
    mount: async (c) => {
      const feed = { ...rich, aggregate: { rating: 4.4, count: 318 } };
      const el = await put(c, html`<zmot-testimonials min-rating="4" .data=${feed}></zmot-testimonials>`, shown);
      await click(el, 'policy', '[part~="policy"] summary');
      return el;
    },
  },
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
    mount: (c) => answered(c, 3),
  },
  {
    tag: 'zmot-recommend',
    name: 'passive',
    mount: (c) => answered(c, 7),
  },
  {
    tag: 'zmot-recommend',
    name: 'thanks, with "Write a review"',
    mount: (c) => answered(c, 2, 'https://acme.example/review'),
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
