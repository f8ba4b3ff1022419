// Issue 19, labels and disclosures: every review says how it was verified (and whether it was invited or
// incentivized); "How reviews work here" from the feed's policy in <zmot-rating> and <zmot-testimonials>; a
// selection says so, with the way to all of them; the NPS prompt offers "Write a review" to every score alike.
// In all 12 languages, right to left, at 320 px, to the keyboard and to screen readers; hostile text inert.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, findAccessibilityNode, sendKeys, setViewport } from '@web/test-runner-commands';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import { ANSWERED_KEY, type ZmotRecommend } from '../../src/elements/recommend/recommend.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import type { ZmotTestimonials } from '../../src/elements/testimonials/testimonials.js';
import type { Feed, Review } from '../../src/feed/schema.js';
import { catalogueFor, LOCALES, Localizer, loadLocale, setLocaleLoader } from '../../src/i18n/i18n.js';
import { bundledLocales } from '../../src/i18n/bundled-locales.js';
import type { ZmotEvent } from '../../src/telemetry/index.js';
import { b2b, policy } from '../support/feeds.js';
import { layoutProblems } from '../support/layout-matrix.js';
import { daysAgo, manyReviews } from '../support/testimonials.js';

type Widget = HTMLElement & { updateComplete: Promise<boolean> };
interface AxNode {
  role: string;
  name: string;
  expanded?: boolean;
  children: AxNode[];
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const part = (el: Element, name: string) => $(el, `[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cards = (el: Element) => $$(el, '[part~="testimonial"]');
const label = (card: Element) => text(card.querySelector('[part~="verification"]'));
const items = (el: Element) => $$(el, '[part~="policy"] li').map((li) => text(li));

async function mount<T extends Widget>(template: ReturnType<typeof html>, lang = 'en', width = '40em'): Promise<T> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style=${`inline-size: ${width}`}>${template}</div>`);
  const el = wrapper.firstElementChild as T;
  await waitUntil(() => $(el, '[part~="base"]') && $(el, '[part~="base"]')!.getAttribute('aria-busy') !== 'true', `<${el.localName}> renders`);
  await el.updateComplete;
  return el;
}

/** The telemetry events widgets dispatch in the page, from now on. */
function telemetry(): { actions: (widget: string) => string[]; stop: () => void } {
  const events: ZmotEvent[] = [];
  const listener = (event: CustomEvent<ZmotEvent>) => events.push(event.detail);
  document.addEventListener('zmot-event', listener);
  return {
    actions: (widget) => events.flatMap((e) => (e.type === 'interaction' && e.widget === widget ? [e.action] : [])),
    stop: () => document.removeEventListener('zmot-event', listener),
  };
}

const review = (id: string, fields: Partial<Review> = {}): Review => ({ id, rating: 5, body: `Review ${id}.`, author: { name: `Person ${id}` }, date: daysAgo(1), ...fields });

/** One review of every kind the labels tell apart. */
const kinds = {
  product: { id: 'kinds-1', name: 'Kinds' },
  sources: [{ id: 'google', name: 'Google', url: 'https://g.example/acme', rating: 4.5, scale: 5, count: 10 }],
  reviews: [
    review('purchase', { verification: 'purchase', verified: true, invited: true }),
    review('imported', { verification: 'imported', source: 'google' }),
    review('imported-unnamed', { verification: 'imported' }),
    review('other-source', { source: 'trustpilot', verified: true }),
    review('none', { verification: 'none', verified: true }),
    review('marked', { verified: true }),
    review('silent'),
    review('incentive', { verification: 'purchase', incentivized: true, incentive: 'A €10 voucher' }),
    review('incentive-unnamed', { verification: 'none', incentivized: true }),
    review('not-incentivized', { incentivized: false, incentive: 'ignored' }),
  ],
} satisfies Feed;

const ENGLISH = {
  purchase: 'Verified purchase — written through a link sent after an order',
  imported: 'Imported from \u2068Google\u2069',
  'imported-unnamed': 'Imported from another platform',
  'other-source': 'Imported from \u2068trustpilot\u2069',
  none: 'Not verified',
  marked: 'Marked verified by the shop',
  silent: 'Not verified',
};

before(async () => {
  configure({ feed: undefined, endpoint: undefined });
  setLocaleLoader(bundledLocales);
  await Promise.all(LOCALES.map((lang) => loadLocale(lang)));
});
beforeEach(() => {
  localStorage.removeItem(ANSWERED_KEY);
  document.head.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
});

describe('labels: how each review was verified', () => {
  it('says it for every kind: a verified purchase, imported (named by its source), not verified, marked by the shop', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials limit="20" .data=${kinds}></zmot-testimonials>`);
    const byId = new Map(cards(el).map((card, i) => [String(el.shown[i]!.id), card]));
    for (const [id, expected] of Object.entries(ENGLISH)) expect(label(byId.get(id)!), id).to.equal(expected);
    // Only a verified purchase carries the check mark (and the `verified` part).
    expect(byId.get('purchase')!.querySelector('[part~="verified"] svg')).to.not.equal(null);
    expect([...byId.values()].filter((card) => card.querySelector('[part~="verified"]')).length).to.equal(2);
    // The imported review is linked to its source; the one without a known source is not linked.
    expect(byId.get('imported')!.querySelector<HTMLAnchorElement>('[part~="source"] a')!.href).to.equal('https://g.example/acme');
    expect(byId.get('imported-unnamed')!.querySelector('a')).to.equal(null);
    // The old badge is gone.
    expect(el.shadowRoot!.textContent).not.to.contain('Verified buyer');
  });

  it('says "Invited" and "Incentivized: …" when so, and nothing when not', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials limit="20" .data=${kinds}></zmot-testimonials>`);
    const byId = new Map(cards(el).map((card, i) => [String(el.shown[i]!.id), card]));
    expect(text(byId.get('purchase')!.querySelector('[part~="invited"]'))).to.equal('Invited');
    expect(text(byId.get('incentive')!.querySelector('[part~="incentive"]'))).to.equal('Incentivized: \u2068A €10 voucher\u2069');
    expect(text(byId.get('incentive-unnamed')!.querySelector('[part~="incentive"]'))).to.equal('Incentivized');
    expect(byId.get('not-incentivized')!.querySelector('[part~="incentive"]')).to.equal(null);
    expect(byId.get('none')!.querySelector('[part~="invited"], [part~="incentive"]')).to.equal(null);
    // In the card's meta line, which screen readers read with the review.
    expect(byId.get('incentive')!.querySelector('[part~="meta"] [part~="incentive"]')).to.not.equal(null);
  });

  it('hostile incentive and source names stay text, isolated', async () => {
    (window as { __pwned?: number }).__pwned = undefined;
    const feed = {
      product: { id: 'evil-2' },
      sources: [{ id: 'x', name: '<img src=x onerror="window.__pwned=1">\u202E', url: 'javascript:alert(1)', rating: 5, scale: 5, count: 1 }],
      reviews: [
        review('a', { incentivized: true, incentive: '<img src=x onerror="window.__pwned=1">\u202Eevil' }),
        review('b', { source: 'x', verification: 'imported' }),
      ],
    } satisfies Feed;
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${feed}></zmot-testimonials>`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
    const [a, b] = cards(el);
    expect(text(a!.querySelector('[part~="incentive"]'))).to.equal('Incentivized: \u2068<img src=x onerror="window.__pwned=1">\u202Eevil\u2069');
    expect(text(b!.querySelector('[part~="source"]'))).to.equal('Imported from \u2068<img src=x onerror="window.__pwned=1">\u202E\u2069');
    expect(b!.querySelector('a')).to.equal(null);
  });

  it('the JSON-LD marks up only the site’s own reviews: never an imported one', async () => {
    const feed = { ...kinds, product: { id: 'kinds-1', name: 'Kinds' }, aggregate: { rating: 4.8, count: 12 } };
    await mount<ZmotTestimonials>(html`<zmot-testimonials limit="20" .data=${feed}></zmot-testimonials>`);
    await waitUntil(() => document.head.querySelector('script[data-zmot-product="kinds-1"]'), 'the JSON-LD is written');
    const data = JSON.parse(document.head.querySelector('script[data-zmot-product="kinds-1"]')!.textContent!) as { review: { author: { name: string } }[] };
    const authors = data.review.map((r) => r.author.name);
    expect(authors).to.include.members(['Person purchase', 'Person none', 'Person marked', 'Person silent']);
    // Imported from Google, imported without a name, and from another platform: none of them is the site's own.
    expect(authors.filter((name) => ['Person imported', 'Person imported-unnamed', 'Person other-source'].includes(name))).to.deep.equal([]);
  });
});

describe('"How reviews work here"', () => {
  const ENGLISH_POLICY = [
    '62% of the reviews are verified purchases.',
    'Reviews are checked before they are published.',
    'Rejected so far: spam (4), offensive (1), personal data (0), off topic (2), and not genuine (0).',
    'Default order: Most recent.',
  ];

  it('testimonials: a closed <details> built from the feed’s policy; it opens with Enter and closes with Space', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${{ ...kinds, policy }}></zmot-testimonials>`);
    const details = part(el, 'policy') as HTMLDetailsElement;
    expect(details.localName).to.equal('details');
    expect(details.open).to.equal(false);
    const summary = details.querySelector('summary')!;
    expect(text(summary)).to.equal('How reviews work here');
    expect(items(el)).to.deep.equal(ENGLISH_POLICY);
    // A 44 px target, reached by Tab from before the widget.
    expect(summary.getBoundingClientRect().height).to.be.at.least(44);
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => details.open, 'Enter opens it');
    expect(details.querySelector('ul')!.getBoundingClientRect().height).to.be.above(0);
    await sendKeys({ press: 'Space' });
    await waitUntil(() => !details.open, 'Space closes it');
    await expect(el).to.be.accessible();
  });

  it('screen readers get a collapsed, then expanded, control named "How reviews work here"', async () => {
    const el = await mount<ZmotRating>(html`<zmot-rating .data=${{ ...b2b, policy }}></zmot-rating>`);
    const find = async () =>
      findAccessibilityNode<AxNode>((await executeServerCommand('a11y-tree')) as AxNode, (node) => node.name === 'How reviews work here');
    const closed = await find();
    expect(closed, 'in the accessibility tree').to.not.equal(null);
    expect(closed!.expanded).to.equal(false);
    (part(el, 'policy') as HTMLDetailsElement).open = true;
    await waitUntil(async () => (await find())?.expanded === true, 'announced as expanded');
  });

  it('rating: at the end of the provenance line, in the summary and full variants; none in the compact one', async () => {
    for (const variant of ['summary', 'full']) {
      const el = await mount<ZmotRating>(html`<zmot-rating variant=${variant} .data=${{ ...b2b, policy }}></zmot-rating>`);
      expect(items(el), variant).to.deep.equal(['62% of the reviews are verified purchases.', 'Reviews are checked before they are published.',
        'Rejected so far: spam (4), offensive (1), personal data (0), off topic (2), and not genuine (0).', 'Default order: Most recent.']);
      const provenance = part(el, 'provenance')!;
      const summary = $(el, '[part~="policy"] summary')!;
      // On the provenance's line: the row is no taller than without a policy, so the reserved space holds.
      const plain = await mount<ZmotRating>(html`<zmot-rating variant=${variant} .data=${b2b}></zmot-rating>`);
      expect(part(el, 'base')!.getBoundingClientRect().height, variant).to.equal(part(plain, 'base')!.getBoundingClientRect().height);
      expect(Math.abs(summary.getBoundingClientRect().bottom - provenance.getBoundingClientRect().bottom), variant).to.be.below(6);
      expect(summary.getBoundingClientRect().height, `${variant}: target`).to.be.at.least(24);
      await expect(el).to.be.accessible();
    }
    const compact = await mount<ZmotRating>(html`<zmot-rating variant="compact" .data=${{ ...b2b, policy }}></zmot-rating>`);
    expect(part(compact, 'policy')).to.equal(null);
  });

  it('is absent without a policy, and says only what the policy says', async () => {
    const none = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${kinds}></zmot-testimonials>`);
    expect(part(none, 'policy')).to.equal(null);
    const rating = await mount<ZmotRating>(html`<zmot-rating .data=${b2b}></zmot-rating>`);
    expect(part(rating, 'policy')).to.equal(null);
    const empty = await mount<ZmotRating>(html`<zmot-rating .data=${{ ...b2b, policy: {} }}></zmot-rating>`);
    expect(part(empty, 'policy')).to.equal(null);
    const some = await mount<ZmotRating>(
      html`<zmot-rating .data=${{ ...b2b, policy: { verified: 1, published: 'all', rejected: { spam: 0, offensive: 0 }, sort: 'shuffled' } }}></zmot-rating>`,
    );
    // An order it cannot name is left out rather than shown untranslated.
    expect(items(some)).to.deep.equal(['100% of the reviews are verified purchases.', 'Every review is published.', 'No review has been rejected so far.']);
  });

  it('testimonials state the order they open with (their `sort`), not the feed’s', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials sort="highest" .data=${{ ...kinds, policy }}></zmot-testimonials>`);
    expect(items(el).at(-1)).to.equal('Default order: Highest rated.');
  });

  it('hostile policy text stays text: an unknown reason shown isolated, inherited names never taken for known ones', async () => {
    const hostilePolicy = { rejected: { '<img src=x onerror="window.__pwned=1">': 2, constructor: 1 }, sort: 'constructor' };
    const el = await mount<ZmotRating>(html`<zmot-rating .data=${{ ...b2b, policy: hostilePolicy }}></zmot-rating>`);
    expect(items(el)).to.deep.equal(['Rejected so far: \u2068<img src=x onerror="window.__pwned=1">\u2069 (2) and \u2068constructor\u2069 (1).']);
    expect(el.shadowRoot!.querySelectorAll('img')).to.have.length(0);
  });
});

describe('a selection says so, with the way to all of them', () => {
  const many = { product: { id: 'many-1', name: 'Many' }, aggregate: { rating: 3.2, count: 318 }, reviews: manyReviews(20) } satisfies Feed;

  it('min-rating: "Showing selected reviews rated 4★ and up · See all 318 reviews", linked to all-url', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials min-rating="4" all-url="/reviews/many-1" .data=${many}></zmot-testimonials>`);
    const notice = part(el, 'selection')!;
    expect(text(notice)).to.equal('Showing selected reviews rated 4★ and up · See all 318 reviews');
    const link = part(el, 'see-all') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.href).to.equal(new URL('/reviews/many-1', document.baseURI).href);
    // Next to the reviews: before the list, in the bar above it.
    expect(notice.compareDocumentPosition(part(el, 'list')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.above(0);
    await expect(el).to.be.accessible();
  });

  it('without all-url, "See all" shows every review in place; focus moves to the first review', async () => {
    const feed = { ...many, aggregate: { rating: 3, count: 20 } };
    const events = telemetry();
    try {
      const el = await mount<ZmotTestimonials>(html`<zmot-testimonials min-rating="4" .data=${feed}></zmot-testimonials>`);
      expect(el.matching.every((r) => r.rating >= 4)).to.equal(true);
      const button = part(el, 'see-all') as HTMLButtonElement;
      expect(button.localName).to.equal('button');
      expect(text(button)).to.equal('See all 20 reviews');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !part(el, 'selection'), 'every review is shown: no selection any more');
      expect(el.matching).to.have.length(20);
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[0]);
      expect(events.actions('testimonials')).to.include('all');
    } finally {
      events.stop();
    }
  });

  it('a carousel with more reviews than slides is a selection; "See all" makes every review a slide', async () => {
    const feed = { ...many, aggregate: { rating: 3, count: 20 } };
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials layout="carousel" limit="5" .data=${feed}></zmot-testimonials>`);
    expect(text(part(el, 'selection'))).to.equal('Showing selected reviews · See all 20 reviews');
    expect(text(part(el, 'position'))).to.equal('Review 1 of 5');
    (part(el, 'see-all') as HTMLButtonElement).click();
    await waitUntil(() => text(part(el, 'position')) === 'Review 1 of 20', 'twenty slides');
    expect(part(el, 'selection')).to.equal(null);
  });

  it('a feed that carries fewer reviews than it counts (a curated set) says so, with its total, and links all-url', async () => {
    const el = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${many}></zmot-testimonials>`);
    // Nothing here can show the other 298: the count, and no control that would do nothing.
    expect(text(part(el, 'selection'))).to.equal('Showing selected reviews · 318 reviews');
    expect(part(el, 'see-all')).to.equal(null);
    el.allUrl = 'https://acme.example/reviews';
    await el.updateComplete;
    expect((part(el, 'see-all') as HTMLAnchorElement).href).to.equal('https://acme.example/reviews');
    // An unsafe all-url is never linked.
    el.allUrl = 'javascript:alert(1)';
    await el.updateComplete;
    expect(part(el, 'see-all')).to.equal(null);
  });

  it('no notice when every review can be reached: all in the feed, or the rest behind "Show more" and next pages', async () => {
    const all = { ...many, aggregate: { rating: 3, count: 20 } };
    const list = await mount<ZmotTestimonials>(html`<zmot-testimonials limit="6" .data=${all}></zmot-testimonials>`);
    expect(part(list, 'show-more')).to.not.equal(null);
    expect(part(list, 'selection')).to.equal(null);
    const paged = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${{ ...many, next: '/feeds/many-1-2.json' }}></zmot-testimonials>`);
    expect(part(paged, 'selection')).to.equal(null);
    // A visitor's own star filter is no selection: it says so itself, with "Show all reviews".
    list.stars = 3;
    await list.updateComplete;
    expect(part(list, 'selection')).to.equal(null);
    expect(part(list, 'clear-filter')).to.not.equal(null);
  });
});

describe('"Write a review" in the NPS prompt: every score alike', () => {
  async function answer(score: number): Promise<ZmotRecommend> {
    localStorage.removeItem(ANSWERED_KEY);
    const wrapper = await fixture<HTMLElement>(
      html`<div><zmot-recommend cooldown-days="0" name="Ledgerly" review-url="/review?product=sku-42"></zmot-recommend></div>`,
    );
    const el = wrapper.firstElementChild as ZmotRecommend;
    await el.updateComplete;
    $<HTMLInputElement>(el, `input[value="${score}"]`)!.click();
    await el.updateComplete;
    part(el, 'primary')!.click();
    await waitUntil(() => part(el, 'heading'), `the panel after ${score}`);
    await el.updateComplete;
    return el;
  }

  it('is offered after every score from 0 to 10, the same link: detractors see it as promoters do', async () => {
    const seen: string[] = [];
    for (let score = 0; score <= 10; score++) {
      const el = await answer(score);
      const link = part(el, 'review') as HTMLAnchorElement | null;
      expect(link, `score ${score}`).to.not.equal(null);
      expect(text(link), `score ${score}`).to.equal('Write a review');
      seen.push(link!.href);
    }
    expect(new Set(seen)).to.deep.equal(new Set([new URL('/review?product=sku-42', document.baseURI).href]));
  });

  it('never before an answer; never without review-url; never to an unsafe URL; in the share panel too', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><zmot-recommend cooldown-days="0" review-url="/review"></zmot-recommend></div>`);
    const question = wrapper.firstElementChild as ZmotRecommend;
    await question.updateComplete;
    expect(part(question, 'review')).to.equal(null);
    for (const url of [undefined, 'javascript:alert(1)']) {
      localStorage.removeItem(ANSWERED_KEY);
      const w = await fixture<HTMLElement>(html`<div><zmot-recommend cooldown-days="0" ask="share" url="https://acme.example/p"></zmot-recommend></div>`);
      const el = w.firstElementChild as ZmotRecommend;
      if (url) el.reviewUrl = url;
      await el.updateComplete;
      expect(part(el, 'share'), String(url)).to.not.equal(null);
      expect(part(el, 'review'), String(url)).to.equal(null);
    }
    const share = await fixture<HTMLElement>(html`<div><zmot-recommend ask="share" review-url="/review" url="https://acme.example/p"></zmot-recommend></div>`);
    const el = share.firstElementChild as ZmotRecommend;
    await el.updateComplete;
    expect(text(part(el, 'review'))).to.equal('Write a review');
  });

  it('reports the click as an interaction, is a 44 px target, and passes axe after a detractor’s answer', async () => {
    const events = telemetry();
    const el = await answer(2);
    // The link is followed nowhere: this page stays.
    const stay = (event: Event) => event.preventDefault();
    window.addEventListener('click', stay);
    try {
      const link = part(el, 'review')!;
      expect(link.getBoundingClientRect().height).to.be.at.least(44);
      link.click();
      expect(events.actions('recommend')).to.include('review');
      await expect(el).to.be.accessible();
    } finally {
      window.removeEventListener('click', stay);
      events.stop();
    }
  });
});

describe('"Write a review" in the testimonials (review-url): the summary header and the "No reviews yet" note', () => {
  it('links the summary header and the empty note to review-url, reports the click, is a 44 px target, passes axe', async () => {
    const events = telemetry();
    const stay = (event: Event) => event.preventDefault();
    window.addEventListener('click', stay);
    try {
      const el = await mount<ZmotTestimonials>(html`<zmot-testimonials review-url="/review.html?product=kinds-1" .data=${kinds}></zmot-testimonials>`);
      const link = part(el, 'write-review') as HTMLAnchorElement;
      expect(link.closest('[part~="summary"]')).to.not.equal(null);
      expect(text(link)).to.equal('Write a review');
      expect(link.href).to.equal(new URL('/review.html?product=kinds-1', document.baseURI).href);
      expect(link.getBoundingClientRect().height).to.be.at.least(44);
      link.click();
      expect(events.actions('testimonials')).to.include('review');
      await expect(el).to.be.accessible();
      const empty = await mount<ZmotTestimonials>(html`<zmot-testimonials review-url="/review.html" .data=${{ product: { id: 'new' }, reviews: [] }}></zmot-testimonials>`);
      expect(text(part(empty, 'empty'))).to.equal('No reviews yet');
      expect(text(part(empty, 'write-review'))).to.equal('Write a review');
    } finally {
      window.removeEventListener('click', stay);
      events.stop();
    }
  });

  it('nothing without review-url, with an unsafe one, in a carousel, or when a star filter matches nothing', async () => {
    for (const url of [undefined, 'javascript:alert(1)']) {
      const el = await mount<ZmotTestimonials>(html`<zmot-testimonials .data=${kinds}></zmot-testimonials>`);
      if (url) el.reviewUrl = url;
      await el.updateComplete;
      expect(part(el, 'summary'), String(url)).to.not.equal(null);
      expect(part(el, 'write-review'), String(url)).to.equal(null);
    }
    const carousel = await mount<ZmotTestimonials>(html`<zmot-testimonials layout="carousel" review-url="/review.html" .data=${{ product: { id: 'new' }, reviews: [] }}></zmot-testimonials>`);
    expect(part(carousel, 'write-review')).to.equal(null);
    const filtered = await mount<ZmotTestimonials>(html`<zmot-testimonials no-summary review-url="/review.html" .data=${kinds}></zmot-testimonials>`);
    (filtered as ZmotTestimonials & { stars: number | null }).stars = 1;
    await filtered.updateComplete;
    expect(part(filtered, 'empty')).to.not.equal(null);
    expect(part(filtered, 'write-review')).to.equal(null);
  });
});

describe('in all 12 languages, right to left, at 320 px', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  const selection = { ...kinds, policy, aggregate: { rating: 4.5, count: 318 } };

  for (const lang of ['en', ...LOCALES]) {
    it(`${lang}: labels, disclosure, selection and "Write a review" in the language, laid out within 320 px`, async () => {
      await setViewport({ width: 320, height: 800 });
      const catalogue = catalogueFor(lang);
      const l = new Localizer(lang);
      const testimonials = await mount<ZmotTestimonials>(html`<zmot-testimonials min-rating="2" limit="20" .data=${selection}></zmot-testimonials>`, lang, '304px');
      const rating = await mount<ZmotRating>(html`<zmot-rating variant="full" .data=${{ ...b2b, policy }}></zmot-rating>`, lang, '304px');
      for (const el of [testimonials, rating]) {
        const details = part(el, 'policy') as HTMLDetailsElement;
        expect(text(details.querySelector('summary')), `${lang} ${el.localName}`).to.equal(catalogue.policyTitle);
        details.open = true;
      }
      const byId = new Map(cards(testimonials).map((card, i) => [String(testimonials.shown[i]!.id), card]));
      expect(label(byId.get('purchase')!)).to.equal(catalogue.verifiedPurchase);
      expect(label(byId.get('none')!)).to.equal(catalogue.notVerified);
      expect(label(byId.get('marked')!)).to.equal(catalogue.markedVerified);
      expect(label(byId.get('imported')!)).to.equal(l.t('importedFrom', { source: '\u2068Google\u2069' }));
      expect(text(byId.get('purchase')!.querySelector('[part~="invited"]'))).to.equal(catalogue.invited);
      const flat = (value: string) => value.replace(/\s+/g, ' ');
      expect(text(part(testimonials, 'selection'))).to.equal(
        flat(`${l.t('selectedMin', { rating: l.number(2) })} · ${l.t('seeAll', { reviews: l.t('reviewCount', { count: 318 }) })}`),
      );
      expect(items(rating)[0]).to.equal(flat(l.t('policyVerified', { percent: l.percent(0.62) })));
      localStorage.removeItem(ANSWERED_KEY);
      const recommend = await mount<ZmotRecommend>(html`<zmot-recommend cooldown-days="0" ask="share" url="https://acme.example/p" review-url="/r"></zmot-recommend>`, lang, '304px');
      expect(text(part(recommend, 'review'))).to.equal(catalogue.writeReview);
      for (const el of [testimonials, rating, recommend]) {
        await el.updateComplete;
        for (let frame = 0; frame < 3; frame++) await new Promise(requestAnimationFrame);
        const base = part(el, 'base')!;
        expect(getComputedStyle(base).direction, `${lang} ${el.localName}`).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
        expect(layoutProblems(el, 320), `${lang} <${el.localName}>`).to.deep.equal([]);
      }
      if (lang === 'ar') {
        // Right to left: the disclosure's words start at the right edge (after its marker).
        const range = document.createRange();
        range.selectNodeContents($(testimonials, '[part~="policy"] summary')!);
        const right = part(testimonials, 'base')!.getBoundingClientRect().right;
        expect(right - range.getBoundingClientRect().right).to.be.within(0, 32);
      }
      await expect(testimonials, lang).to.be.accessible();
      await expect(rating, lang).to.be.accessible();
    });
  }
});
