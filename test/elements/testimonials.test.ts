import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import { http, HttpResponse } from 'msw';
import { configure } from '../../src/config.js';
import type { ZmotErrorEvent, ZmotFilterEvent } from '../../src/events.js';
import { clearFeedCache } from '../../src/feed/load.js';
import '../../src/define.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import type { ZmotTestimonials } from '../../src/elements/testimonials/testimonials.js';
import { startWorker, worker } from '../support/msw.js';
import { AVATAR, daysAgo, hostile, manyReviews, references } from '../support/testimonials.js';

const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

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
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="testimonial"], [part~="empty"]'), 'the reviews did not show');
  await el.updateComplete;
  return el;
}

async function mount(template: ReturnType<typeof html>): Promise<ZmotTestimonials> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  return loaded(wrapper.querySelector('zmot-testimonials')!);
}

function serve(feed: object, path = '/feeds/:product.json') {
  let requests = 0;
  worker.use(
    http.get(path, () => {
      requests += 1;
      return HttpResponse.json(feed);
    }),
  );
  return () => requests;
}

function serveImages(): void {
  worker.use(
    http.get('https://img.example/missing.png', () => new HttpResponse(null, { status: 404 })),
    http.get('https://img.example/*', () => new HttpResponse(PNG, { headers: { 'content-type': 'image/png' } })),
  );
}

function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

const jsonLd = () =>
  [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));

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
    it('shows title, body, stars, author, role and company, verified badge, date and the merchant’s reply', async () => {
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
      expect(text(first.querySelector('[part~="verified"]'))).to.equal('Verified buyer');
      const reply = first.querySelector('[part~="reply"]')!;
      expect(text(reply.querySelector('.reply-from'))).to.match(/^Response from \u2068Acme\u2069 · \w{3} \d{1,2}, \d{4}$/);
      expect(text(reply.querySelector('.reply-body'))).to.equal('Thank you, Ana!');
      // Only reviews that say they are verified get the badge; an author without role or company gets no role line.
      expect(cards(el)[3]!.querySelector('[part~="verified"]')).to.equal(null);
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

    it('names the platform a review comes from, "on Google", linked to the review', async () => {
      serve(references);
      const el = await mount(html`<zmot-testimonials product="ledger-1"></zmot-testimonials>`);
      const [own, google, g2] = cards(el);
      expect(own!.querySelector('[part~="source"]')).to.equal(null);
      const link = google!.querySelector<HTMLAnchorElement>('[part~="source"] a')!;
      expect(text(link)).to.equal('on \u2068Google\u2069');
      expect(link.href).to.equal('https://g.example/review/r2');
      expect(link.rel).to.equal('noopener noreferrer');
      // G2 has no URL: named, not linked.
      expect(text(g2!.querySelector('[part~="source"]'))).to.equal('on \u2068G2\u2069');
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
      expect(text(cards(el)[0]!.querySelector('[part~="language"]'))).to.equal('Written in Englisch');
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
      await waitUntil(() => img.complete && img.naturalWidth === 1, 'the avatar loads');
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
      worker.use(http.get('/feeds/:p', () => new Promise<Response>(() => {})));
      const wrapper = await fixture<HTMLElement>(html`<div><zmot-testimonials product="slow" layout="carousel"></zmot-testimonials></div>`);
      const el = wrapper.firstElementChild as ZmotTestimonials;
      await el.updateComplete;
      const base = part(el, 'base')!;
      expect(base.getAttribute('aria-busy')).to.equal('true');
      expect(el.getBoundingClientRect().height).to.be.closeTo(18 * parseFloat(getComputedStyle(el).fontSize), 1);
    });
  });
});
