import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, delay } from 'msw';
import { configure } from '../../src/config.js';
import { LOCALES } from '../../src/i18n/i18n.js';
import { clearFeedCache } from '../../src/feed/load.js';
import { ZmotFilterEvent } from '../../src/events.js';
import '../../src/entries/define.js';
import type { ZmotRating } from '../../src/elements/rating/rating.js';
import { b2b, b2bCombined, shoe } from '../support/feeds.js';
import { captureWarnings, mountExpectingError, serve } from '../support/elements.js';
import { startWorker, worker } from '../support/msw.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function loaded(el: ZmotRating): Promise<ZmotRating> {
  await waitUntil(() => el.summary, 'the feed did not load');
  await el.updateComplete;
  return el;
}

before(startWorker);
beforeEach(() => {
  clearFeedCache();
  configure({ feed: '/feeds/{product}.json', timeout: 8000 });
  document.head.querySelectorAll('script[type="application/ld+json"]').forEach((s) => s.remove());
});
afterEach(() => worker.resetHandlers());

describe('<zmot-rating>', () => {
  it('shows the combined score, stars and count, and names every source', async () => {
    serve(b2b);
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42"></zmot-rating>`));
    expect(el.summary!.rating).to.be.closeTo(b2bCombined, 1e-9);
    expect(text(part(el, 'average'))).to.equal('4.5');
    expect(text(part(el, 'count'))).to.equal('· 2,046 reviews');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal(
      'Rated 4.5 out of 5 from 2,046 reviews across This site, G2, and Trustpilot',
    );
    expect(text(part(el, 'provenance'))).to.contain('This site, G2, and Trustpilot');
    // Fractional stars: 4.544 of 5 stars filled.
    const rect = part(el, 'stars')!.querySelector('clipPath rect')!;
    expect(Number(rect.getAttribute('width'))).to.be.closeTo(b2bCombined * 24, 1e-6);
  });

  it('reads like "Rated 4.6 out of 5 from 1,234 reviews" for the site’s own reviews', async () => {
    serve({ ...b2b, sources: [] });
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42"></zmot-rating>`));
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Rated 4.6 out of 5 from 1,234 reviews');
    expect(text(part(el, 'provenance'))).to.equal('From reviews on this site');
  });

  it('full: the distribution as bars with counts and percentages, readable by screen readers', async () => {
    serve(b2b);
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full"></zmot-rating>`));
    const rows = [...part(el, 'distribution')!.querySelectorAll('li')];
    expect(rows.map((row) => text(row.querySelector('.sr')))).to.deep.equal([
      '5 stars: 900 reviews, 73%',
      '4 stars: 200 reviews, 16%',
      '3 stars: 70 reviews, 6%',
      '2 stars: 30 reviews, 2%',
      '1 star: 34 reviews, 3%',
    ]);
    const fill = rows[0]!.querySelector<HTMLElement>('.fill')!;
    expect(parseFloat(fill.style.inlineSize)).to.be.closeTo((900 / 1234) * 100, 1e-3);
    expect(text(rows[0]!.querySelector('.num'))).to.equal('900 · 73%');
  });

  it('full: the per-source breakdown on each source’s own scale, with links', async () => {
    serve(b2b);
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full"></zmot-rating>`));
    const rows = [...part(el, 'sources')!.querySelectorAll('li')];
    expect(rows.map((row) => text(row))).to.deep.equal([
      'This site: 4.6 out of 5 from 1,234 reviews 4.6/5 1,234 reviews',
      'G2: 9 out of 10 from 600 reviews 9/10 600 reviews',
      'Trustpilot: 80 out of 100 from 212 reviews 80/100 212 reviews',
    ]);
    const link = rows[1]!.querySelector('a')!;
    expect(link.href).to.equal('https://www.g2.com/products/ledgerly');
    expect(link.rel).to.equal('noopener noreferrer');
    expect(rows[0]!.querySelector('a')).to.equal(null);
  });

  it('compact: a one-line badge with the whole sentence as its accessible name', async () => {
    serve(b2b);
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="compact"></zmot-rating>`));
    const base = part(el, 'base')!;
    expect(base.getAttribute('role')).to.equal('img');
    expect(text(base)).to.equal('4.5 (2,046 · 3 sources)');
    expect(base.getBoundingClientRect().height).to.be.lessThan(40);
    expect(part(el, 'distribution')).to.equal(null);
  });

  it('computes the own aggregate from the site’s own reviews when the feed has none', async () => {
    serve(shoe);
    const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="shoe-7" variant="full"></zmot-rating>`));
    expect(el.summary!.rating).to.equal(3.75); // (5 + 4 + 4 + 2) / 4: the Google review is not the site's own
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Rated 3.8 out of 5 from 4 reviews');
  });

  it('takes a feed object through the data property without a request', async () => {
    const requests = serve(b2b);
    const el = await fixture<ZmotRating>(html`<zmot-rating .data=${shoe}></zmot-rating>`);
    await loaded(el);
    expect(text(part(el, 'average'))).to.equal('3.8');
    expect(requests()).to.equal(0);
  });

  it('fills {product} with the URL-encoded id, and the feed attribute overrides the script’s', async () => {
    let seen = '';
    worker.use(
      http.get('/custom/*', ({ request }) => {
        seen = new URL(request.url).pathname;
        return HttpResponse.json(shoe);
      }),
    );
    const el = await fixture<ZmotRating>(html`<zmot-rating product="a b/ü" feed="/custom/{product}"></zmot-rating>`);
    await loaded(el);
    expect(seen).to.equal('/custom/a%20b%2F%C3%BC');
  });

  it('makes one request per feed URL however many elements use it', async () => {
    const requests = serve(b2b);
    const wrapper = await fixture(html`<div>
      <zmot-rating product="sku-42"></zmot-rating>
      <zmot-rating product="sku-42" variant="full"></zmot-rating>
      <zmot-rating product="sku-42" variant="compact"></zmot-rating>
    </div>`);
    await Promise.all([...wrapper.querySelectorAll<ZmotRating>('zmot-rating')].map(loaded));
    expect(requests()).to.equal(1);
  });

  it('formats numbers in the element’s language, its ancestor’s, or the document’s', async () => {
    serve(b2b);
    const wrapper = await fixture(html`<div lang="de">
      <zmot-rating product="sku-42"></zmot-rating>
      <zmot-rating product="sku-42" lang="fr"></zmot-rating>
    </div>`);
    const [de, fr] = await Promise.all([...wrapper.querySelectorAll<ZmotRating>('zmot-rating')].map(loaded));
    expect(text(part(de!, 'average'))).to.equal('4,5');
    expect(text(part(de!, 'count'))).to.contain('2.046');
    expect(text(part(fr!, 'average'))).to.equal('4,5');
    expect(text(part(fr!, 'count'))).to.match(/2\s046/);
    wrapper.setAttribute('lang', 'en');
    await waitUntil(() => text(part(de!, 'average')) === '4.5', 'a lang change re-renders');
  });

  it('reserves its final size before the data arrives, so the page never shifts', async () => {
    for (const variant of ['summary', 'full', 'compact']) {
      clearFeedCache();
      worker.use(http.get('/slow/:product', async () => (await delay(150), HttpResponse.json({ ...b2b, sources: [] }))));
      const el = await fixture<ZmotRating>(
        html`<div style="width: 40rem"><zmot-rating product="sku-42" feed="/slow/{product}" variant=${variant}></zmot-rating></div>`,
      ).then((w) => w.firstElementChild as ZmotRating);
      await el.updateComplete;
      const before = el.getBoundingClientRect();
      await loaded(el);
      const after = el.getBoundingClientRect();
      expect(after.height, `${variant} height`).to.equal(before.height);
      if (variant === 'compact') expect(after.width, 'compact width').to.equal(before.width);
    }
  });

  it('shows "No reviews yet" for a product without reviews', async () => {
    serve({ product: { id: 'new-1' }, reviews: [] });
    const el = await fixture<ZmotRating>(html`<zmot-rating product="new-1"></zmot-rating>`);
    await waitUntil(() => el.summary);
    await el.updateComplete;
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('No reviews yet');
  });

  it('full, no reviews yet: empty stars and "No reviews yet" in the middle of the reserved box, framed by a dashed line', async () => {
    const el = await fixture<ZmotRating>(html`<zmot-rating variant="full" .data=${{ product: { id: 'new-1' }, reviews: [] }}></zmot-rating>`);
    await loaded(el);
    const base = part(el, 'base')!;
    const header = base.querySelector('.header')!;
    const middle = (r: DOMRect) => [r.left + r.width / 2, r.top + r.height / 2];
    const [bx, by] = middle(base.getBoundingClientRect());
    const [hx, hy] = middle(header.getBoundingClientRect());
    expect(Math.abs(bx! - hx!), 'centred across').to.be.below(2);
    expect(Math.abs(by! - hy!), 'centred down').to.be.below(2);
    expect(getComputedStyle(base).borderTopStyle).to.equal('dashed');
    expect(text(header)).to.equal('No reviews yet');
  });

  describe('layout in every language (issue 23)', () => {
    it('full: each distribution label ends before its bar starts, in all 12 languages, at 320 px and wider', async () => {
      const problems: string[] = [];
      for (const lang of ['en', ...LOCALES]) {
        const wrapper = await fixture<HTMLElement>(
          html`<div lang=${lang} dir=${lang === 'ar' ? 'rtl' : 'ltr'} style="inline-size: 304px"><zmot-rating variant="full" .data=${b2b}></zmot-rating></div>`,
        );
        const el = wrapper.firstElementChild as ZmotRating;
        await loaded(el);
        for (const width of ['304px', '40rem']) {
          wrapper.style.inlineSize = width;
          for (const row of el.shadowRoot!.querySelectorAll('.row')) {
            // The label's text itself, not its grid cell: text can overflow a cell too narrow for it.
            const range = document.createRange();
            range.selectNodeContents(row.querySelector('span[aria-hidden="true"]:not(.track):not(.num)')!);
            const label = range.getBoundingClientRect();
            const track = row.querySelector('.track')!.getBoundingClientRect();
            const apart = lang === 'ar' ? label.left >= track.right : label.right <= track.left;
            if (!apart) problems.push(`${lang} at ${width}: "${text(row.querySelector('span[aria-hidden]'))}" runs into its bar`);
          }
          const tracks = [...el.shadowRoot!.querySelectorAll('.track')].map((s) => s.getBoundingClientRect());
          if (new Set(tracks.map((t) => Math.round(t.left))).size !== 1) problems.push(`${lang} at ${width}: the bars do not line up`);
        }
      }
      expect(problems).to.deep.equal([]);
    });

    it('full: shares come from the distribution’s own total, so they never pass 100 %', async () => {
      const feed = { product: { id: 'odd' }, aggregate: { rating: 5, count: 1, distribution: { 5: 1000, 4: 1000 } }, reviews: [] };
      const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating variant="full" .data=${feed}></zmot-rating>`));
      const shares = [...el.shadowRoot!.querySelectorAll('.num')].map((n) => text(n)).filter((t) => t.includes('%'));
      expect(shares).to.deep.equal(['1,000 · 50%', '1,000 · 50%', '0 · 0%', '0 · 0%', '0 · 0%']);
      const fills = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.fill')].map((f) => f.style.inlineSize);
      expect(fills).to.deep.equal(['50%', '50%', '0%', '0%', '0%']);
    });

    it('a source on a scale below 1 (1e-300) is an invalid feed: the fallback, never "0/0"', async () => {
      const feed = { ...b2b, sources: [{ id: 'tiny', name: 'Tiny', rating: 1e-300, scale: 1e-300, count: 5 }] };
      const warnings = captureWarnings();
      try {
        const { wrapper, event } = await mountExpectingError(html`<zmot-rating variant="full" .data=${feed}></zmot-rating>`);
        expect(event.detail.message).to.contain('feed.sources[0].scale');
        const el = wrapper.firstElementChild as ZmotRating;
        await el.updateComplete;
        expect(text(part(el, 'base'))).not.to.contain('0/0');
      } finally {
        warnings.restore();
      }
    });

    it('a source name of 260 characters wraps inside the widget: the page gets no horizontal scrollbar', async () => {
      const name = 'Reviews collected by the independent consumer association of the northern provinces '.repeat(3).trim();
      const feed = { ...b2b, sources: [{ ...b2b.sources[0]!, name }] };
      const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 300px"><zmot-rating variant="full" .data=${feed}></zmot-rating></div>`);
      const el = await loaded(wrapper.firstElementChild as ZmotRating);
      expect(name.length).to.be.above(250);
      expect(el.getBoundingClientRect().width).to.equal(300);
      expect(document.documentElement.scrollWidth, 'the page is no wider than the window').to.be.at.most(window.innerWidth);
      const link = el.shadowRoot!.querySelector('[part="sources"] a')!;
      expect(link.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right);
    });
  });

  describe('structured data', () => {
    const jsonLd = () =>
      [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent!));

    it('writes Product + AggregateRating from the site’s own reviews only, once per product', async () => {
      serve(b2b);
      const wrapper = await fixture(html`<div>
        <zmot-rating product="sku-42"></zmot-rating><zmot-rating product="sku-42" variant="full"></zmot-rating>
      </div>`);
      await Promise.all([...wrapper.querySelectorAll<ZmotRating>('zmot-rating')].map(loaded));
      expect(jsonLd()).to.deep.equal([
        {
          '@context': 'https://schema.org',
          '@type': 'Product',
          name: 'Ledgerly Cloud',
          sku: 'sku-42',
          url: 'https://acme.example/p/sku-42',
          brand: { '@type': 'Brand', name: 'Acme' },
          aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.6, reviewCount: 1234, bestRating: 5, worstRating: 1 },
        },
      ]);
    });

    it('escapes "<" so a product name cannot close the script', async () => {
      serve({ ...shoe, product: { id: 'x', name: '</script><img src=x onerror=alert(1)>' } });
      await loaded(await fixture<ZmotRating>(html`<zmot-rating product="x"></zmot-rating>`));
      const script = document.head.querySelector('script[data-zmot-product="x"]')!;
      expect(script.textContent).not.to.contain('<');
      expect(JSON.parse(script.textContent!).name).to.equal('</script><img src=x onerror=alert(1)>');
    });

    it('adds nothing when the page already rates the product, or with no-structured-data', async () => {
      serve(b2b);
      const existing = document.createElement('script');
      existing.type = 'application/ld+json';
      existing.textContent = JSON.stringify({
        '@context': 'https://schema.org',
        '@graph': [{ '@type': 'Product', sku: 'sku-42', aggregateRating: { ratingValue: 4 } }],
      });
      document.head.append(existing);
      await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42"></zmot-rating>`));
      expect(jsonLd()).to.have.length(1);
      existing.remove();
      await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" no-structured-data></zmot-rating>`));
      expect(jsonLd()).to.have.length(0);
    });

    it('writes nothing for a product without reviews of its own', async () => {
      serve({ ...b2b, aggregate: undefined });
      await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42"></zmot-rating>`));
      expect(jsonLd()).to.have.length(0);
    });
  });

  describe('click-to-filter (full variant)', () => {
    it('makes each star row a toggle button that fires zmot-filter for its product', async () => {
      serve(b2b);
      const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full"></zmot-rating>`));
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="distribution"] button')];
      expect(rows.map((row) => row.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'false', 'false', 'false']);
      expect(rows[1]!.textContent).to.contain('4 stars: 200 reviews, 16%');
      const events: ZmotFilterEvent[] = [];
      const listener = (event: ZmotFilterEvent) => events.push(event);
      document.addEventListener('zmot-filter', listener);
      try {
        rows[1]!.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(events.map((e) => e.detail)).to.deep.equal([{ product: 'sku-42', rating: 4 }]);
        expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
        expect(rows[1]!.getAttribute('aria-pressed')).to.equal('true');
        await expect(el).to.be.accessible();
        await sendKeys({ press: 'Space' }); // again: the filter is cleared
        await el.updateComplete;
        expect(events.map((e) => e.detail.rating)).to.deep.equal([4, null]);
        expect(rows[1]!.getAttribute('aria-pressed')).to.equal('false');
      } finally {
        document.removeEventListener('zmot-filter', listener);
      }
    });

    it('follows a filter set elsewhere for its product only', async () => {
      serve(b2b);
      const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full"></zmot-rating>`));
      const pressed = () =>
        [...el.shadowRoot!.querySelectorAll('[part~="distribution"] button')].map((b) => b.getAttribute('aria-pressed') === 'true');
      document.dispatchEvent(new ZmotFilterEvent({ product: 'other', rating: 2 }));
      await el.updateComplete;
      expect(pressed()).to.deep.equal([false, false, false, false, false]);
      document.body.dispatchEvent(new ZmotFilterEvent({ product: 'sku-42', rating: 2 }));
      await el.updateComplete;
      expect(pressed()).to.deep.equal([false, false, false, true, false]);
    });

    it('keeps plain rows with no-filter', async () => {
      serve(b2b);
      const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full" no-filter></zmot-rating>`));
      expect(el.shadowRoot!.querySelector('button')).to.equal(null);
      expect(el.shadowRoot!.querySelectorAll('[part~="distribution"] li .sr')).to.have.length(5);
    });
  });

  describe('accessibility', () => {
    for (const variant of ['summary', 'full', 'compact']) {
      it(`passes axe (${variant})`, async () => {
        serve(b2b);
        const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant=${variant}></zmot-rating>`));
        await expect(el).to.be.accessible();
      });
    }

    it('reaches every source link with the keyboard', async () => {
      serve(b2b);
      const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="sku-42" variant="full"></zmot-rating>`));
      const links = [...el.shadowRoot!.querySelectorAll('a')];
      expect(links).to.have.length(2);
      for (const link of links) expect(link.tabIndex).to.equal(0);
    });
  });

  describe('when the feed fails', () => {
    const cases: [string, () => void, string, string][] = [
      ['missing (404)', () => worker.use(http.get('/feeds/:p', () => new HttpResponse(null, { status: 404 }))), 'http', 'HTTP 404'],
      ['not JSON', () => worker.use(http.get('/feeds/:p', () => HttpResponse.text('<html>oops'))), 'parse', 'not valid JSON'],
      ['invalid', () => worker.use(http.get('/feeds/:p', () => HttpResponse.json({ product: {}, reviews: [] }))), 'invalid', 'feed.product.id'],
      ['unreachable', () => worker.use(http.get('/feeds/:p', () => HttpResponse.error())), 'network', 'could not be fetched'],
      ['slow', () => (configure({ timeout: 100 }), worker.use(http.get('/feeds/:p', () => delay('infinite')))), 'timeout', '100 ms'],
    ];
    for (const [name, arrange, reason, message] of cases) {
      it(`${name}: shows the quiet fallback, fires zmot-error (${reason}) and warns once`, async () => {
        arrange();
        const warnings = captureWarnings();
        try {
          const { wrapper, event } = await mountExpectingError(html`<zmot-rating product="sku-42"></zmot-rating>`);
          const el = wrapper.firstElementChild as ZmotRating;
          expect(event.detail.reason).to.equal(reason);
          expect(event.detail.message).to.contain(message);
          expect(event.detail.product).to.equal('sku-42');
          expect(event.composed && event.bubbles).to.equal(true);
          await el.updateComplete;
          expect(text(part(el, 'fallback'))).to.equal('Reviews are unavailable right now.');
          expect(warnings.messages).to.have.length(1);
          expect(warnings.messages[0]).to.contain('<zmot-rating product="sku-42">');
        } finally {
          warnings.restore();
        }
      });
    }

    it('says what to set when no feed is configured', async () => {
      configure({ feed: undefined });
      const warnings = captureWarnings();
      try {
        const { event } = await mountExpectingError(html`<zmot-rating product="sku-42"></zmot-rating>`);
        expect(event.detail.reason).to.equal('config');
        expect(event.detail.message).to.contain('data-feed');
      } finally {
        warnings.restore();
      }
    });

    it('lets the site owner replace the fallback through its slot', async () => {
      worker.use(http.get('/feeds/:p', () => new HttpResponse(null, { status: 500 })));
      const warnings = captureWarnings();
      try {
        const { wrapper } = await mountExpectingError(
          html`<zmot-rating product="sku-42"><span slot="fallback">See our reviews page</span></zmot-rating>`,
        );
        const el = wrapper.querySelector('zmot-rating')!;
        await el.updateComplete;
        const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="fallback"]')!;
        expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['See our reviews page']);
      } finally {
        warnings.restore();
      }
    });

    it('does not stop the other widgets on the page', async () => {
      worker.use(
        http.get('/feeds/broken.json', () => HttpResponse.text('{')),
        http.get('/feeds/sku-42.json', () => HttpResponse.json(b2b)),
      );
      const warnings = captureWarnings();
      try {
        const { wrapper } = await mountExpectingError(
          html`<zmot-rating product="broken"></zmot-rating><zmot-rating product="sku-42"></zmot-rating>`,
        );
        const good = await loaded(wrapper.querySelector<ZmotRating>('[product="sku-42"]')!);
        expect(text(part(good, 'average'))).to.equal('4.5');
      } finally {
        warnings.restore();
      }
    });

    it('leaves out a single invalid review with a warning, and shows the rest', async () => {
      serve({ ...shoe, reviews: [...shoe.reviews, { id: 'bad', rating: 7 }] });
      const warnings = captureWarnings();
      try {
        const el = await loaded(await fixture<ZmotRating>(html`<zmot-rating product="shoe-7"></zmot-rating>`));
        expect(el.summary!.count).to.equal(4);
        expect(warnings.messages).to.have.length(1);
        expect(warnings.messages[0]).to.contain('reviews[5].rating');
      } finally {
        warnings.restore();
      }
    });
  });
});
