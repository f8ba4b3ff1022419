import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import type { ZmotFilterEvent } from '../../src/events.js';
import type { ZmotEvent } from '../../src/telemetry/index.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/entries/define.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import type { ZmotTestimonials } from '../../src/elements/testimonials/testimonials.js';
import { captureWarnings, mountExpectingError, serve } from '../support/elements.js';
import { startWorker, worker } from '../support/msw.js';
import { AVATAR, daysAgo, hostile, manyReviews, PNG_BASE64, references } from '../support/testimonials.js';

const PNG = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
const part = (el: Element, name: string) => $(el, `[part~="${name}"]`);
const parts = (el: Element, name: string) => $$(el, `[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const cards = (el: Element) => parts(el, 'testimonial');
const titles = (el: Element) => cards(el).map((card) => text(card.querySelector('[part~="title"]')));
const authors = (el: Element) => parts(el, 'author-name').map((n) => text(n));
/** The visible text of an element, without its screen-reader-only parts. */
const visible = (node: Element) =>
  [...node.childNodes]
    .filter((n) => n.nodeType === Node.TEXT_NODE)
    .map((n) => n.textContent)
    .join('')
    .trim();

async function loaded(el: ZmotTestimonials): Promise<ZmotTestimonials> {
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="testimonial"], [part~="empty"]'), 'the reviews did not show', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

async function mount(template: ReturnType<typeof html>): Promise<ZmotTestimonials> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  return loaded(wrapper.querySelector('zmot-testimonials')!);
}

function serveImages(): void {
  worker.use(
    http.get('https://img.example/missing.png', () => new HttpResponse(null, { status: 404 })),
    // http too, so an http avatar that got through would load rather than fail quietly into initials.
    http.get('https://img.example/*', () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })),
    http.get('http://img.example/*', () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })),
  );
}

const jsonLd = () =>
  [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));

/** The telemetry events testimonials widgets dispatch in the page, from now on. */
function telemetry(): { events: ZmotEvent[]; actions: () => string[]; stop: () => void } {
  const events: ZmotEvent[] = [];
  const listener = (event: CustomEvent<ZmotEvent>) => {
    if (event.detail.widget === 'testimonials') events.push(event.detail);
  };
  document.addEventListener('zmot-event', listener);
  return {
    events,
    actions: () => events.flatMap((e) => (e.type === 'interaction' ? [e.action] : [])),
    stop: () => document.removeEventListener('zmot-event', listener),
  };
}

before(startWorker);
beforeEach(() => {
  clearFeedCache();
  configure({ feed: '/feeds/{product}.json', timeout: 8000 });
  document.head.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
});
afterEach(async () => {
  worker.resetHandlers();
  await resetMouse();
  await emulateMedia({ reducedMotion: 'no-preference' });
});

describe('<zmot-testimonials>', () => {
  describe('each testimonial', () => {
    it('shows title, body, stars, author, role and company, how it was verified, date and the merchant’s reply', async () => {
      serve(references);
      serveImages();
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const first = cards(el)[0]!;
      expect(text(first.querySelector('[part~="title"]'))).to.equal('Closed our books in two days');
      expect(text(first.querySelector('[part~="body"]'))).to.equal('We moved twelve entities onto Ledgerly in a quarter.');
      expect(text(first.querySelector('.rating'))).to.equal('Rated 5 out of 5');
      expect(first.querySelector('[part~="stars"] clipPath rect')!.getAttribute('width')).to.equal('120');
      expect(text(first.querySelector('[part~="author-name"]'))).to.equal('Ana Silva');
      expect(text(first.querySelector('[part~="author-role"]'))).to.equal('\u2068Head of IT\u2069, \u2068Fujitsu\u2069');
      // The feed says only `verified: true`: the shop marked it, zmot did not check it.
      expect(text(first.querySelector('[part~="verification"]'))).to.equal('Marked verified by the shop');
      const reply = first.querySelector('[part~="reply"]')!;
      expect(text(reply.querySelector('.reply-from'))).to.match(/^Response from \u2068Acme\u2069 · \w{3} \d{1,2}, \d{4}$/);
      expect(text(reply.querySelector('.reply-body'))).to.equal('Thank you, Ana!');
      // Only a verified purchase gets the check mark; a review that says nothing is "Not verified"; an author
      // without role or company gets no role line.
      expect(first.querySelector('[part~="verified"]')).to.equal(null);
      expect(text(cards(el)[3]!.querySelector('[part~="verification"]'))).to.equal('Not verified');
      expect(cards(el)[3]!.querySelector('[part~="author-role"]')).to.equal(null);
      expect(text(cards(el)[1]!.querySelector('[part~="author-role"]'))).to.equal('Bosch');
    });

    it('dates are relative and locale-formatted, with the full date for machines and on hover', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const dates = parts(el, 'date');
      expect(dates.map(visible)).to.deep.equal(['3 days ago', '3 weeks ago', '3 months ago', 'last year']);
      const first = dates[0] as HTMLTimeElement;
      expect(first.dateTime).to.equal(daysAgo(3));
      const full = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(daysAgo(3)));
      expect(first.title).to.equal(full);
      expect(text(first.querySelector('.sr'))).to.equal(`(${full})`);
      // A review without a date shows none.
      expect(cards(el)[4]!.querySelector('[part~="date"]')).to.equal(null);

      el.setAttribute('lang', 'de');
      await waitUntil(() => visible(parts(el, 'date')[0]!) === 'vor 3 Tagen', 'German relative date');
      expect(text(parts(el, 'date')[3])).to.contain('letztes Jahr');
    });

    it('names the platform a review was imported from, "Imported from Google", linked to the review', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const [own, google, g2] = cards(el);
      expect(own!.querySelector('[part~="source"]')).to.equal(null);
      const link = google!.querySelector<HTMLAnchorElement>('[part~="source"] a')!;
      expect(text(link)).to.equal('Imported from \u2068Google\u2069');
      expect(link.href).to.equal('https://g.example/review/r2');
      expect(link.rel).to.equal('noopener noreferrer');
      // G2 has no URL: named, not linked.
      expect(text(g2!.querySelector('[part~="source"]'))).to.equal('Imported from \u2068G2\u2069');
      expect(g2!.querySelector('[part~="source"] a')).to.equal(null);
    });

    it('marks a review written in another language than the page’s, and tells screen readers its language', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const [english, german] = cards(el);
      expect(english!.querySelector('[part~="language"]')).to.equal(null);
      expect(text(german!.querySelector('[part~="language"]'))).to.equal('Written in German');
      expect(german!.querySelector('[part~="body"]')!.getAttribute('lang')).to.equal('de');
      expect(german!.querySelector('[part~="title"]')!.getAttribute('lang')).to.equal('de');
      // On a German page the German review is at home and the English one is marked, in German.
      el.setAttribute('lang', 'de-AT');
      await waitUntil(() => !cards(el)[1]!.querySelector('[part~="language"]'), 'the German review is not marked on a German page');
      expect(text(cards(el)[0]!.querySelector('[part~="language"]'))).to.equal('Auf Englisch verfasst');
    });

    it('avatars load lazily over https only; initials stand in when missing, unsafe or broken', async () => {
      serve({
        ...references,
        reviews: [
          references.reviews[0],
          { id: 'a2', rating: 5, author: { name: 'Bo Berg', avatar: 'https://img.example/missing.png' } },
          { id: 'a3', rating: 5, author: { name: 'Cy Chen', avatar: 'http://img.example/c.png' } },
          { id: 'a4', rating: 5, author: { name: 'émile zola-durand' } },
        ],
      });
      serveImages();
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const img = cards(el)[0]!.querySelector<HTMLImageElement>('img[part~="avatar"]')!;
      expect(img.src).to.equal(AVATAR);
      expect(img.loading).to.equal('lazy');
      expect(img.alt).to.equal('');
      expect(img.referrerPolicy).to.equal('no-referrer');
      // A lazy image through msw's worker: give it more than waitUntil's default second on a busy machine.
      await waitUntil(() => img.complete && img.naturalWidth === 1, 'the avatar loads', { timeout: 5000 });
      await waitUntil(() => !cards(el)[1]!.querySelector('img'), 'a broken avatar gives way to initials');
      const initials = cards(el).map((card) => text(card.querySelector('.initials')));
      expect(initials).to.deep.equal(['', 'BB', 'CC', 'ÉZ']);
      expect(cards(el)[1]!.querySelector('.initials')!.getAttribute('aria-hidden')).to.equal('true');
    });
  });

  describe('layouts', () => {
    it('list: one testimonial under another, in a labelled list', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const list = part(el, 'list')!;
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('aria-label')).to.equal('Customer reviews');
      expect(list.children).to.have.length(5);
      expect(getComputedStyle(list).gridTemplateColumns.split(' ')).to.have.length(1);
    });

    it('grid: as many columns as the element’s own width allows, whatever the viewport', async () => {
      serve(references);
      const columns = async (width: string) => {
        const el = await mount(html`<div style="inline-size: ${width}"><zmot-testimonials product="ledger-1" layout="grid"></zmot-testimonials></div>`);
        return getComputedStyle(part(el, 'list')!).gridTemplateColumns.split(' ').length;
      };
      expect(await columns('20em')).to.equal(1);
      expect(await columns('40em')).to.equal(2);
      expect(await columns('60em')).to.equal(3);
    });

    it('reserves space before the data arrives and shows it busy', async () => {
      let release = () => {};
      const gate = new Promise<void>((resolve) => (release = resolve));
      worker.use(http.get('/feeds/:p', async () => (await gate, HttpResponse.json(references))));
      const wrapper = await fixture<HTMLElement>(html`<div><zmot-testimonials product="slow" layout="carousel"></zmot-testimonials></div>`);
      const el = wrapper.firstElementChild as ZmotTestimonials;
      await el.updateComplete;
      const base = part(el, 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
      expect(el.getBoundingClientRect().height).to.be.closeTo(18 * parseFloat(getComputedStyle(el).fontSize), 1);
      release();
      await loaded(el);
    });
  });

  describe('summary header', () => {
    it('list and grid open with the site’s own score, stars and number of reviews, read as one sentence', async () => {
      for (const layout of ['list', 'grid']) {
        const el = await mount(html`<zmot-testimonials layout=${layout} .data=${references}></zmot-testimonials>`);
        const summary = part(el, 'summary')!;
        // The site's own reviews, as in the product's JSON-LD; reviews from other platforms are listed, not counted.
        expect(summary.firstElementChild!.getAttribute('role')).to.equal('img');
        expect(summary.firstElementChild!.getAttribute('aria-label')).to.equal('Rated 4.0 out of 5 from 3 reviews');
        expect(text(part(el, 'average'))).to.equal('4.0');
        expect(text(part(el, 'count'))).to.equal('3 reviews');
        expect(summary.querySelector('[part~="stars"]')).not.to.equal(null);
        expect(summary.compareDocumentPosition(part(el, 'list')!) & Node.DOCUMENT_POSITION_FOLLOWING, 'before the reviews').to.be.above(0);
        await expect(el).to.be.accessible();
      }
    });

    it('is left out with no-summary, in the carousel, and for a product without reviews', async () => {
      for (const template of [
        html`<zmot-testimonials no-summary .data=${references}></zmot-testimonials>`,
        html`<zmot-testimonials layout="carousel" .data=${references}></zmot-testimonials>`,
        html`<zmot-testimonials .data=${{ product: { id: 'new' }, reviews: [] }}></zmot-testimonials>`,
      ]) {
        const el = await mount(template);
        expect(part(el, 'summary')).to.equal(null);
      }
    });
  });

  describe('on a phone (issue 23)', () => {
    const b2bReference = {
      ...references,
      reviews: [
        {
          id: 'who',
          rating: 5,
          body: 'Month-end close went from nine days to three.',
          author: { name: 'Maximilian Obermeier-Castellanos', role: 'Head of Finance and Group Controlling', company: 'Northwind Logistics International' },
        },
        ...references.reviews,
      ],
    };

    it('shows a B2B reviewer’s name, role and company in full, wrapping, at 320 px', async () => {
      const el = await mount(html`<div style="inline-size: 304px"><zmot-testimonials .data=${b2bReference}></zmot-testimonials></div>`);
      await loaded(el);
      const card = cards(el).find((c) => text(c).includes('Maximilian'))!;
      for (const name of ['author-name', 'author-role']) {
        const node = card.querySelector<HTMLElement>(`[part~="${name}"]`)!;
        expect(node.scrollWidth, `${name} not cut sideways`).to.be.at.most(node.clientWidth);
        expect(node.scrollHeight, `${name} not cut below`).to.be.at.most(node.clientHeight + 1);
        expect(node.getBoundingClientRect().right, `${name} inside the card`).to.be.at.most(card.getBoundingClientRect().right);
      }
      expect(text(card.querySelector('[part~="author-role"]'))).to.equal('\u2068Head of Finance and Group Controlling\u2069, \u2068Northwind Logistics International\u2069');
    });

    it('carousel at 390 px, in German with autoplay: previous, position and next on one row, each control 44 × 44 px', async () => {
      const el = await mount(
        html`<div lang="de" style="inline-size: 374px"><zmot-testimonials layout="carousel" autoplay .data=${b2bReference}></zmot-testimonials></div>`,
      );
      await waitUntil(() => part(el, 'position')?.textContent?.includes('von'), 'German');
      await loaded(el);
      const [previous, position, next] = ['previous', 'position', 'next'].map((name) => part(el, name)!.getBoundingClientRect());
      const middle = (r: DOMRect) => r.top + r.height / 2;
      expect(Math.abs(middle(previous!) - middle(next!)), 'previous and next on one row').to.be.below(1);
      expect(Math.abs(middle(position!) - middle(next!)), 'the position between them').to.be.below(1);
      expect(previous!.right).to.be.at.most(position!.left);
      expect(position!.right).to.be.at.most(next!.left);
      for (const box of [previous!, next!, part(el, 'sort')!.getBoundingClientRect()]) {
        expect(Math.min(box.width, box.height)).to.be.at.least(44);
      }
    });

    it('no reviews yet: a framed note with empty stars, and no sort menu with nothing to sort', async () => {
      const el = await mount(html`<zmot-testimonials .data=${{ product: { id: 'new' }, reviews: [] }}></zmot-testimonials>`);
      await loaded(el);
      const empty = part(el, 'empty')!;
      expect(text(empty)).to.equal('No reviews yet');
      expect(empty.querySelector('[part~="stars"]')).not.to.equal(null);
      expect(getComputedStyle(empty).borderTopStyle).to.equal('dashed');
      expect(part(el, 'sort')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('choosing what to show', () => {
    it('sort: most recent first by default (undated last), highest or lowest rated, stable for ties', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      expect(authors(el)).to.deep.equal(['Ana Silva', 'Jonas Weber', 'Chen Li', 'Dee Kay', 'Eli Moss']);
      el.sort = 'highest';
      await el.updateComplete;
      expect(authors(el)).to.deep.equal(['Ana Silva', 'Jonas Weber', 'Dee Kay', 'Eli Moss', 'Chen Li']);
      el.setAttribute('sort', 'lowest');
      await el.updateComplete;
      expect(authors(el)).to.deep.equal(['Chen Li', 'Eli Moss', 'Jonas Weber', 'Dee Kay', 'Ana Silva']);
    });

    it('the visitor sorts with the menu, without a new request', async () => {
      const requests = serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const select = part(el, 'sort') as HTMLSelectElement;
      expect(select.labels[0]!.textContent).to.contain('Sort by');
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Most recent', 'Highest rated', 'Lowest rated']);
      select.focus();
      await sendKeys({ press: 'ArrowDown' }); // a closed <select> changes on arrow keys
      await waitUntil(() => authors(el)[0] === 'Ana Silva' && authors(el)[2] === 'Dee Kay', 'sorted by highest rating');
      expect(el.sort).to.equal('highest');
      expect(requests()).to.equal(1);
    });

    it('min-rating leaves out reviews with fewer stars; limit caps how many show', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" min-rating="4" limit="2"></zmot-testimonials>`);
      expect(authors(el)).to.deep.equal(['Ana Silva', 'Jonas Weber']);
      el.limit = 10;
      await el.updateComplete;
      expect(authors(el)).to.deep.equal(['Ana Silva', 'Jonas Weber', 'Dee Kay']);
      el.minRating = 5;
      await el.updateComplete;
      expect(authors(el)).to.deep.equal(['Ana Silva']);
    });

    it('"Show more" adds the next `limit` reviews and moves focus to the first new one', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" limit="2"></zmot-testimonials>`);
      expect(cards(el)).to.have.length(2);
      const more = part(el, 'show-more')!;
      expect(text(more)).to.equal('Show more reviews');
      more.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => cards(el).length === 4, 'two more reviews');
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);
      part(el, 'show-more')!.click();
      await waitUntil(() => cards(el).length === 5, 'the last review');
      expect(part(el, 'show-more')).to.equal(null);
    });

    it('"Show more" follows the feed’s next pages, caches them, and offers a retry when one fails', async () => {
      const page = (n: number, next?: string) => ({ ...references, reviews: manyReviews(2, `p${n}-`), ...(next ? { next } : {}) });
      const requests: Record<string, number> = {};
      let failPage3 = true;
      worker.use(
        http.get('/paged/:page', ({ params }) => {
          const name = String(params.page);
          requests[name] = (requests[name] ?? 0) + 1;
          if (name === '1.json') return HttpResponse.json(page(1, '/paged/2.json'));
          if (name === '2.json') return HttpResponse.json(page(2, 'https://reviews.example/3.json'));
          return HttpResponse.error();
        }),
        http.get('https://reviews.example/3.json', () => (failPage3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json(page(3)))),
      );
      const el = await mount(html`<zmot-testimonials product="ledger-1" feed="/paged/1.json" limit="2"></zmot-testimonials>`);
      expect(titles(el)).to.deep.equal(['Review 0', 'Review 1']);
      part(el, 'show-more')!.click();
      await waitUntil(() => cards(el).length === 4, 'page 2 shows');
      expect(el.reviews.map((r) => r.id)).to.deep.equal(['p1-0', 'p1-1', 'p2-0', 'p2-1']);
      expect(el.shadowRoot!.activeElement).to.equal(cards(el)[2]);

      const warnings = captureWarnings();
      try {
        part(el, 'show-more')!.click();
        await waitUntil(() => part(el, 'retry'), 'a retry is offered');
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('could not load more reviews');
      } finally {
        warnings.restore();
      }
      expect(cards(el)).to.have.length(4); // what was shown stays
      expect(text(part(el, 'more-error'))).to.equal('More reviews could not be loaded.');
      expect(part(el, 'more-error')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();

      failPage3 = false;
      part(el, 'retry')!.click();
      await waitUntil(() => cards(el).length === 6, 'page 3 shows after the retry');
      expect(part(el, 'show-more')).to.equal(null);
      // Sorting and filtering use the cached pages.
      el.sort = 'lowest';
      el.stars = 1;
      await el.updateComplete;
      expect(cards(el).length).to.be.greaterThan(0);
      expect(requests).to.deep.equal({ '1.json': 1, '2.json': 1 });
    });

    it('a next page that is not http(s) is never requested', async () => {
      serve({ ...references, next: 'javascript:alert(1)' });
      const el = await mount(html`<zmot-testimonials product="ledger-1" limit="5"></zmot-testimonials>`);
      expect(part(el, 'show-more')).to.equal(null);
    });
  });

  describe('click-to-filter from <zmot-rating>', () => {
    const withDistribution = {
      ...references,
      aggregate: { rating: 3.6, count: 5, distribution: { 5: 1, 4: 2, 3: 1, 2: 1, 1: 0 } },
    };

    it('a star row in the rating filters the testimonials of the same product, and again clears it', async () => {
      serve(withDistribution);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <zmot-rating product="ledger-1" variant="full"></zmot-rating>
        <zmot-testimonials product="ledger-1"></zmot-testimonials>
        <zmot-testimonials product="other" .data=${{ ...references, product: { id: 'other' } }}></zmot-testimonials>
      </div>`);
      const rating = wrapper.querySelector<ZmotRating>('zmot-rating')!;
      const [el, other] = wrapper.querySelectorAll<ZmotTestimonials>('zmot-testimonials');
      await loaded(el!);
      await loaded(other!);
      await waitUntil(() => $(rating, 'button.row'), 'the rating shows its rows');
      const fourStars = $$(rating, 'button.row')[1]!;
      expect(fourStars.getAttribute('aria-pressed')).to.equal('false');
      const heard = oneEvent(document, 'zmot-filter') as Promise<ZmotFilterEvent>;
      fourStars.focus();
      await sendKeys({ press: 'Enter' });
      const event = await heard;
      expect(event.detail).to.deep.equal({ product: 'ledger-1', rating: 4 });
      expect(event.bubbles && event.composed).to.equal(true);
      await el!.updateComplete;
      expect(authors(el!)).to.deep.equal(['Jonas Weber', 'Dee Kay']);
      expect(text(part(el!, 'filter'))).to.equal('Only reviews with 4 stars');
      expect(part(el!, 'filter')!.getAttribute('role')).to.equal('status');
      await rating.updateComplete;
      expect(fourStars.getAttribute('aria-pressed')).to.equal('true');
      expect(cards(other!)).to.have.length(5); // another product is not filtered

      fourStars.click();
      await el!.updateComplete;
      expect(cards(el!)).to.have.length(5);
      await rating.updateComplete;
      expect(fourStars.getAttribute('aria-pressed')).to.equal('false');
    });

    it('"Show all reviews" in the testimonials clears the filter everywhere; an empty filter says so', async () => {
      serve(withDistribution);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <zmot-rating product="ledger-1" variant="full"></zmot-rating>
        <zmot-testimonials product="ledger-1"></zmot-testimonials>
      </div>`);
      const rating = wrapper.querySelector<ZmotRating>('zmot-rating')!;
      const el = await loaded(wrapper.querySelector<ZmotTestimonials>('zmot-testimonials')!);
      await waitUntil(() => $(rating, 'button.row'));
      const oneStar = $$(rating, 'button.row')[4]!;
      oneStar.click();
      await el.updateComplete;
      expect(text(part(el, 'empty'))).to.equal('No reviews with 1 star yet');
      await expect(el).to.be.accessible();
      part(el, 'clear-filter')!.click();
      await el.updateComplete;
      expect(cards(el)).to.have.length(5);
      expect(text(part(el, 'filter'))).to.equal('');
      expect(part(el, 'clear-filter')).to.equal(null);
      await rating.updateComplete;
      expect(oneStar.getAttribute('aria-pressed')).to.equal('false');
    });

    it('the rating’s rows stay plain text with no-filter', async () => {
      serve(withDistribution);
      const rating = await fixture<ZmotRating>(html`<zmot-rating product="ledger-1" variant="full" no-filter></zmot-rating>`);
      await waitUntil(() => rating.summary);
      await rating.updateComplete;
      expect($(rating, 'button')).to.equal(null);
      expect($$(rating, '[part~="distribution"] li')).to.have.length(5);
    });
  });

  describe('scale', () => {
    it('10,000 reviews: only the shown ones are in the DOM; filter and sort need no new request', async () => {
      const requests = serve({ ...references, reviews: manyReviews(10_000) });
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      expect(el.reviews).to.have.length(10_000);
      expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(6);
      expect(el.matching).to.have.length(10_000);
      el.stars = 3;
      el.sort = 'lowest';
      await el.updateComplete;
      expect(el.matching).to.have.length(2000);
      expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(6);
      expect(cards(el).every((c) => text(c.querySelector('.rating')) === 'Rated 3 out of 5')).to.equal(true);
      el.layout = 'carousel';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(1);
      expect(requests()).to.equal(1);
    });
  });

  describe('long text', () => {
    it('is clamped with "Read more", which expands in place; short text has no button', async () => {
      const long = Array.from({ length: 40 }, (_, i) => `Sentence ${i} about the product.`).join(' ');
      serve({ ...references, reviews: [{ ...references.reviews[0], body: long }, references.reviews[3]] });
      const el = await mount(html`<div style="inline-size: 30em"><zmot-testimonials product="ledger-1"></zmot-testimonials></div>`);
      await waitUntil(() => part(el, 'read-more'), 'a long text offers "Read more"');
      const [longCard, shortCard] = cards(el);
      expect(shortCard!.querySelector('[part~="read-more"]')).to.equal(null);
      const body = longCard!.querySelector<HTMLElement>('[part~="body"]')!;
      const clampedHeight = body.clientHeight;
      expect(body.scrollHeight).to.be.greaterThan(clampedHeight);
      const button = longCard!.querySelector<HTMLButtonElement>('[part~="read-more"]')!;
      expect(text(button)).to.equal('Read more');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.shadowRoot!.getElementById(button.getAttribute('aria-controls')!)!.contains(body)).to.equal(true);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(text(button)).to.equal('Show less');
      expect(body.clientHeight).to.be.greaterThan(clampedHeight);
      expect(body.scrollHeight).to.equal(body.clientHeight);
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await expect(el).to.be.accessible();
      button.click();
      await el.updateComplete;
      expect(body.clientHeight).to.equal(clampedHeight);
    });
  });

  describe('carousel', () => {
    const position = (el: Element) => text(part(el, 'position'));
    const slideAuthor = (el: Element) => text(part(el, 'slide')?.querySelector('[part~="author-name"]'));

    it('follows the WAI-ARIA carousel pattern, one review in the DOM at a time', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel"></zmot-testimonials>`);
      const carousel = part(el, 'carousel')!;
      expect(carousel.localName).to.equal('section');
      expect(carousel.getAttribute('aria-roledescription')).to.equal('carousel');
      expect(carousel.getAttribute('aria-label')).to.equal('Customer reviews');
      expect(carousel.contains(part(el, 'sort'))).to.equal(false); // the sort menu comes before it
      const slide = part(el, 'slide')!;
      expect(slide.getAttribute('role')).to.equal('group');
      expect(slide.getAttribute('aria-roledescription')).to.equal('slide');
      expect(slide.getAttribute('aria-label')).to.equal('1 of 5');
      expect(position(el)).to.equal('Review 1 of 5');
      expect(el.shadowRoot!.querySelectorAll('article')).to.have.length(1);
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      expect(text(part(el, 'previous'))).to.equal('Previous review');
      expect(text(part(el, 'next'))).to.equal('Next review');
      expect(part(el, 'rotation')).to.equal(null); // no autoplay, no rotation control
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard alone: Tab to the buttons, Enter, arrow keys, Home and End', async () => {
      serve(references);
      const wrapper = await fixture<HTMLElement>(html`<div>
        <button id="before">before</button>
        <zmot-testimonials product="ledger-1" layout="carousel" no-sort></zmot-testimonials>
      </div>`);
      const el = await loaded(wrapper.querySelector('zmot-testimonials')!);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      const focused = () => el.shadowRoot!.activeElement;
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(part(el, 'previous'));
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(part(el, 'next'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 2 of 5');
      expect(slideAuthor(el)).to.equal('Jonas Weber');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 3 of 5');
      expect(focused()).to.equal(part(el, 'next')); // focus stays on the button
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 2 of 5');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 5 of 5');
      await sendKeys({ press: 'ArrowRight' }); // wraps around
      await el.updateComplete;
      expect(position(el)).to.equal('Review 1 of 5');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 5 of 5');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 1 of 5');
      // Shift+Tab back to "previous"; then on into the slide's own controls, none of them a trap.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(focused()).to.equal(part(el, 'previous'));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 5 of 5');
    });

    it('in a right-to-left page the arrow keys follow the reading direction', async () => {
      serve(references);
      const el = await mount(html`<div dir="rtl"><zmot-testimonials product="ledger-1" layout="carousel"></zmot-testimonials></div>`);
      part(el, 'next')!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(position(el)).to.equal('Review 2 of 5');
    });

    it('swipes on touch: left for the next review, right for the previous; a vertical drag scrolls', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel"></zmot-testimonials>`);
      const slides = $(el, '.slides')!;
      expect(getComputedStyle(slides).touchAction).to.equal('pan-y');
      const swipe = async (dx: number, dy = 0) => {
        const r = slides.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const init = { pointerId: 7, pointerType: 'touch', isPrimary: true, bubbles: true, composed: true };
        slides.dispatchEvent(new PointerEvent('pointerdown', { ...init, clientX: x, clientY: y }));
        slides.dispatchEvent(new PointerEvent('pointerup', { ...init, clientX: x + dx, clientY: y + dy }));
        await el.updateComplete;
      };
      await swipe(-120);
      expect(position(el)).to.equal('Review 2 of 5');
      await swipe(120);
      expect(position(el)).to.equal('Review 1 of 5');
      await swipe(-50, 200);
      expect(position(el)).to.equal('Review 1 of 5');
      await swipe(-10);
      expect(position(el)).to.equal('Review 1 of 5');
    });

    it('never moves by itself without autoplay', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel" interval="1000"></zmot-testimonials>`);
      await aTimeout(1300);
      expect(position(el)).to.equal('Review 1 of 5');
    });

    it('autoplay rotates, pauses on hover and on focus, and has a control to stop it', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel" autoplay interval="1000"></zmot-testimonials>`);
      const rotation = part(el, 'rotation')!;
      expect(text(rotation)).to.equal('Stop automatic slide show');
      // The rotation control is the first thing Tab reaches in the carousel.
      expect(part(el, 'carousel')!.querySelector('button')).to.equal(rotation);
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('off');
      await waitUntil(() => position(el) === 'Review 2 of 5', 'it rotates', { timeout: 2500 });

      // Hover (a real mouse over the carousel) pauses it.
      const r = part(el, 'carousel')!.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
      await el.updateComplete;
      expect($(el, '.slides')!.getAttribute('aria-live')).to.equal('polite');
      await aTimeout(1400);
      expect(position(el)).to.equal('Review 2 of 5');
      await resetMouse();
      await waitUntil(() => position(el) === 'Review 3 of 5', 'it resumes when the mouse leaves', { timeout: 2500 });

      // Focus inside pauses it.
      part(el, 'next')!.focus();
      await el.updateComplete;
      const at = position(el);
      await aTimeout(1400);
      expect(position(el)).to.equal(at);
      (part(el, 'next') as HTMLElement).blur();

      // The rotation control stops it for good, and starts it again.
      rotation.click();
      await el.updateComplete;
      expect(text(rotation)).to.equal('Start automatic slide show');
      const stoppedAt = position(el);
      await aTimeout(1400);
      expect(position(el)).to.equal(stoppedAt);
      await expect(el).to.be.accessible();
    });

    it('autoplay stays still under prefers-reduced-motion until the visitor starts it', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel" autoplay interval="1000"></zmot-testimonials>`);
      expect(text(part(el, 'rotation'))).to.equal('Start automatic slide show');
      await aTimeout(1300);
      expect(position(el)).to.equal('Review 1 of 5');
      part(el, 'rotation')!.click();
      await el.updateComplete;
      (part(el, 'rotation') as HTMLElement).blur();
      await waitUntil(() => position(el) === 'Review 2 of 5', 'started by the visitor', { timeout: 2500 });
    });

    it('limit sets how many reviews it holds; a single review needs no buttons', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1" layout="carousel" limit="3"></zmot-testimonials>`);
      expect(position(el)).to.equal('Review 1 of 3');
      el.limit = 1;
      await el.updateComplete;
      expect(part(el, 'next')).to.equal(null);
      expect(cards(el)).to.have.length(1);
    });
  });

  describe('telemetry', () => {
    it('render, impression, and interaction for filter, sort, more, expand, next and prev', async () => {
      const long = 'Long text. '.repeat(300);
      serve({
        ...references,
        reviews: [{ ...references.reviews[0], body: long }, ...references.reviews.slice(1)],
        aggregate: { rating: 4, count: 5, distribution: { 5: 1, 4: 2, 3: 1, 2: 1, 1: 0 } },
      });
      const events = telemetry();
      try {
        const wrapper = await fixture<HTMLElement>(html`<div>
          <zmot-rating product="ledger-1" variant="full"></zmot-rating>
          <zmot-testimonials product="ledger-1" limit="2"></zmot-testimonials>
          <zmot-testimonials product="ledger-1" layout="carousel"></zmot-testimonials>
        </div>`);
        const [list, carousel] = [...wrapper.querySelectorAll<ZmotTestimonials>('zmot-testimonials')];
        await loaded(list!);
        await loaded(carousel!);
        expect(events.events.filter((e) => e.type === 'render')).to.have.length(2);
        expect(events.events[0]).to.include({ type: 'render', widget: 'testimonials', product: 'ledger-1' });

        await waitUntil(() => part(list!, 'read-more'));
        part(list!, 'read-more')!.click(); // expand
        part(list!, 'read-more')!.click(); // collapsing is not an interaction
        part(list!, 'show-more')!.click();
        const select = part(list!, 'sort') as HTMLSelectElement;
        select.value = 'lowest';
        select.dispatchEvent(new Event('change'));
        part(carousel!, 'next')!.click();
        part(carousel!, 'previous')!.click();
        const rating = wrapper.querySelector('zmot-rating')!;
        await waitUntil(() => $(rating, 'button.row'));
        $$(rating, 'button.row')[0]!.click(); // both testimonials filter
        await list!.updateComplete;
        expect(events.actions()).to.deep.equal(['expand', 'more', 'sort', 'next', 'prev', 'filter', 'filter']);
        expect(events.events.filter((e) => e.type === 'interaction').every((e) => e.product === 'ledger-1')).to.equal(true);
      } finally {
        events.stop();
      }
    });

    it('impression once the widget has been in view for a second', async () => {
      serve(references);
      const events = telemetry();
      try {
        const el = await mount(html`<zmot-testimonials product="ledger-1" limit="1"></zmot-testimonials>`);
        expect(document.hasFocus(), 'the test page has focus').to.equal(true);
        const rendered = Date.now();
        await waitUntil(() => events.events.some((e) => e.type === 'impression'), 'it becomes viewable', { timeout: 3000 });
        expect(Date.now() - rendered).to.be.at.least(900);
        expect(events.events.map((e) => e.type)).to.deep.equal(['render', 'impression']);
        expect(events.events[1]).to.include({ widget: 'testimonials', product: 'ledger-1' });
        el.sort = 'lowest';
        await el.updateComplete;
        expect(events.events).to.have.length(2); // once per page view
      } finally {
        events.stop();
      }
    });

    it('names the feed’s product when the element was given data without a product attribute', async () => {
      const events = telemetry();
      try {
        await mount(html`<zmot-testimonials .data=${references}></zmot-testimonials>`);
        expect(events.events[0]).to.include({ type: 'render', product: 'ledger-1' });
      } finally {
        events.stop();
      }
    });
  });

  describe('structured data', () => {
    it('adds the site’s own shown reviews to the one Product the rating writes, never third-party ones', async () => {
      serve({ ...references, aggregate: { rating: 4.2, count: 30 } });
      const wrapper = await fixture<HTMLElement>(html`<div>
        <zmot-rating product="ledger-1"></zmot-rating>
        <zmot-testimonials product="ledger-1" limit="4"></zmot-testimonials>
      </div>`);
      const el = await loaded(wrapper.querySelector('zmot-testimonials')!);
      await waitUntil(() => jsonLd()[0]?.review, 'reviews in the JSON-LD');
      const docs = jsonLd();
      expect(docs).to.have.length(1);
      expect(docs[0]['@type']).to.equal('Product');
      expect(docs[0].aggregateRating.reviewCount).to.equal(30);
      expect(docs[0].review).to.deep.equal([
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: 'Ana Silva' },
          datePublished: daysAgo(3),
          name: 'Closed our books in two days',
          reviewBody: 'We moved twelve entities onto Ledgerly in a quarter.',
        },
        {
          '@type': 'Review',
          reviewRating: { '@type': 'Rating', ratingValue: 4, bestRating: 5, worstRating: 1 },
          author: { '@type': 'Person', name: 'Dee Kay' },
          datePublished: daysAgo(400),
          reviewBody: 'Good support.',
        },
      ]); // Jonas (Google) and Chen (G2) are shown but are not the site's own
      part(el, 'show-more')!.click();
      await waitUntil(() => jsonLd()[0].review.length === 3, 'the review shown next is added');
      expect(jsonLd()[0].review[2].author.name).to.equal('Eli Moss');
      expect(jsonLd()).to.have.length(1);
    });

    it('writes the Product itself when no rating is on the page; nothing with no-structured-data', async () => {
      serve({ ...references, aggregate: { rating: 4.2, count: 30 } });
      await mount(html`<zmot-testimonials product="ledger-1" no-structured-data></zmot-testimonials>`);
      expect(jsonLd()).to.have.length(0);
      await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      await waitUntil(() => jsonLd().length === 1);
      expect(jsonLd()[0]).to.include({ '@type': 'Product', sku: 'ledger-1' });
      expect(jsonLd()[0].review).to.have.length(3);
    });
  });

  describe('hostile content', () => {
    it('renders markup as text, drops unsafe URLs, isolates bidi text, and the layout holds', async () => {
      (window as { __pwned?: number }).__pwned = undefined;
      serve(hostile);
      serveImages();
      const el = await mount(html`<div style="inline-size: 24rem"><zmot-testimonials product="evil-1" limit="10"></zmot-testimonials></div>`);
      const root = el.shadowRoot!;
      await aTimeout(50);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      // Markup stayed text: the only elements are the widget's own.
      expect(titles(el)[0]).to.equal('<img src=x onerror="window.__pwned=1">');
      expect(text(cards(el)[0]!.querySelector('[part~="body"]'))).to.equal(hostile.reviews[0].body);
      expect(root.querySelectorAll('script, b, i')).to.have.length(0);
      expect([...root.querySelectorAll('img')].map((img) => img.getAttribute('src'))).to.deep.equal([]);
      // No unsafe URL reached an href or src; a next page of javascript: is not followed.
      for (const node of root.querySelectorAll('[href], [src]')) {
        expect(node.getAttribute('href') ?? node.getAttribute('src')).to.match(/^https?:/);
      }
      expect(part(el, 'show-more')).to.equal(null);
      // Unsafe avatars give initials; the source named by a spoofing override is isolated and not linked.
      expect(text(cards(el)[0]!.querySelector('.initials'))).to.equal('<O');
      const spoof = cards(el)[0]!.querySelector('[part~="source"]')!;
      expect(spoof.querySelector('a')).to.equal(null);
      expect(spoof.textContent).to.contain('Imported from \u2068\u202EelgooG\u2069');
      // Bidi overrides stay inside their own element.
      const bidi = cards(el)[4]!;
      for (const name of ['title', 'body', 'author-name', 'author-role']) {
        const node = bidi.querySelector(`[part~="${name}"]`)!;
        expect(node.getAttribute('dir'), name).to.equal('auto');
        expect(getComputedStyle(node).unicodeBidi, name).to.equal('isolate');
      }
      expect(text(bidi.querySelector('.reply-from'))).to.equal('Response from \u2068\u202Eenoemos\u2069');
      // Invisible and empty strings: no empty title or body, and a name that shows nothing is "Anonymous".
      const [zeroWidth, emoji, empty] = cards(el).slice(5);
      expect(zeroWidth!.querySelector('[part~="title"], [part~="body"]')).to.equal(null);
      expect(text(zeroWidth!.querySelector('[part~="author-name"]'))).to.equal('Anonymous');
      expect(text(emoji!.querySelector('.initials'))).to.equal('👩‍💻🇵🇹');
      expect(emoji!.querySelector('[lang]')).to.equal(null); // "🎉" is no language tag
      expect(empty!.querySelector('[part~="title"], [part~="body"], [part~="reply"], [part~="date"], [part~="source"], [part~="language"]')).to.equal(
        null,
      );
      expect(text(empty!.querySelector('[part~="author-name"]'))).to.equal('Anonymous');
      // The layout holds: nothing wider than the element, and the 100,000-character texts are clamped.
      const width = el.getBoundingClientRect().width;
      for (const node of root.querySelectorAll<HTMLElement>('article, article *')) {
        expect(node.getBoundingClientRect().right, node.className).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      }
      expect(el.scrollWidth).to.be.at.most(Math.ceil(width));
      const long = cards(el)[3]!;
      expect(long.getBoundingClientRect().height).to.be.lessThan(600);
      expect(long.querySelector('[part~="read-more"]')).not.to.equal(null);
      expect(text(long.querySelector('[part~="author-name"]')).length).to.equal(100_000); // all there, ellipsised
      await expect(el).to.be.accessible();
    });

    it('the hostile corpus holds in the grid and on every slide of the carousel', async () => {
      serve(hostile);
      const holds = (el: ZmotTestimonials, where: string) => {
        const right = el.getBoundingClientRect().right + 0.5;
        for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('article, article *')) {
          expect(node.getBoundingClientRect().right, where).to.be.at.most(right);
        }
      };
      const grid = await mount(html`<div style="inline-size: 40rem"><zmot-testimonials product="evil-1" layout="grid" limit="10"></zmot-testimonials></div>`);
      expect(cards(grid)).to.have.length(hostile.reviews.length);
      holds(grid, 'grid');
      await expect(grid).to.be.accessible();
      const carousel = await mount(html`<div style="inline-size: 20rem"><zmot-testimonials product="evil-1" layout="carousel" limit="10"></zmot-testimonials></div>`);
      for (let i = 1; i <= hostile.reviews.length; i++) {
        expect(text(part(carousel, 'position'))).to.equal(`Review ${i} of ${hostile.reviews.length}`);
        holds(carousel, `slide ${i}`);
        await expect(carousel).to.be.accessible();
        part(carousel, 'next')!.click();
        await carousel.updateComplete;
      }
    });
  });

  describe('accessibility', () => {
    for (const layout of ['list', 'grid', 'carousel']) {
      it(`passes axe (${layout})`, async () => {
        serve(references);
        serveImages();
        const el = await mount(html`<zmot-testimonials product="ledger-1" layout=${layout} limit="3"></zmot-testimonials>`);
        await expect(el).to.be.accessible();
      });
    }

    it('passes axe with no reviews, saying so', async () => {
      serve({ product: { id: 'new-1' }, reviews: [] });
      const el = await mount(html`<zmot-testimonials product="new-1"></zmot-testimonials>`);
      expect(text(part(el, 'empty'))).to.equal('No reviews yet');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the feed fails', () => {
    it('shows the quiet fallback, fires zmot-error and warns once', async () => {
      worker.use(http.get('/feeds/:p', () => new HttpResponse(null, { status: 500 })));
      const warnings = captureWarnings();
      try {
        const { wrapper, event } = await mountExpectingError(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
        const el = wrapper.firstElementChild as ZmotTestimonials;
        expect(event.detail.reason).to.equal('http');
        await el.updateComplete;
        expect(text(part(el, 'fallback'))).to.equal('Reviews are unavailable right now.');
        expect(warnings.messages).to.have.length(1);
        await expect(el).to.be.accessible();
      } finally {
        warnings.restore();
      }
    });
  });
});
