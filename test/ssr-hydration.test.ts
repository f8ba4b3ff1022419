// Server rendering and hydration, the way a site uses them: the HTML `zmot/ssr` renders (dist/ssr, through a
// test-runner command that runs it in Node) in a real page, then the built drop-in (dist/zmot.js) arriving.
// With JavaScript off the page already shows the stars, score, count and reviews; with it, the elements
// hydrate in place: the same nodes, no feed request, no layout shift, and they work (events, filtering).
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

const FEED_PATH = '/test/fixtures/feeds/';

interface PageWindow extends Window {
  errors: string[];
  events: { type: string; widget: string; action?: string }[];
  shifts: number;
  serverNodes: Record<string, Node | null>;
  warnings: string[];
}

const feed = async (product: string): Promise<unknown> => (await fetch(`${FEED_PATH}${product}.json`)).json();

const renderElement = (tag: string, attributes: Record<string, string>, data: unknown) =>
  executeServerCommand<string, object>('render-element', { tag, attributes, feed: data });

/** A page with `body`, and the drop-in when `script`; records errors, zmot's events and layout shifts. */
async function page(body: string, script = true): Promise<{ win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '900px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>
      window.errors = []; window.events = []; window.shifts = 0; window.warnings = [];
      const warn = console.warn; console.warn = (...a) => { warnings.push(a.map(String).join(' ')); };
      addEventListener('error', (e) => errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
      document.addEventListener('zmot-event', (e) => events.push(e.detail));
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
    </script></head><body>${body}
    <script>
      // Before any zmot code: what the server's HTML shows, and the nodes it is made of.
      const root = (tag) => document.querySelector(tag)?.shadowRoot;
      window.serverNodes = {
        average: root('zmot-rating')?.querySelector('[part~="average"]') ?? null,
        card: root('zmot-testimonials')?.querySelector('[part~="testimonial"]') ?? null,
      };
    </script>
    ${script ? `<script type="module" src="/dist/zmot.js" data-site="acme" data-feed="${FEED_PATH}{product}.json"></script>` : ''}
    </body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const feedRequests = (win: Window) =>
  win.performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.startsWith(FEED_PATH)).length;

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('server rendering (zmot/ssr) and hydration', function () {
  this.timeout(30_000);

  it('with JavaScript off: stars, score, count and the reviews are in the page, with their accessible names', async () => {
    const data = await feed('sku-42');
    const html = (await renderElement('zmot-rating', { product: 'sku-42', variant: 'full' }, data)) +
      (await renderElement('zmot-testimonials', { product: 'shoe-7', limit: '3' }, await feed('shoe-7')));
    const { doc } = await page(html, false);
    const rating = doc.querySelector('zmot-rating')!;
    expect(rating.shadowRoot, 'a declarative shadow root').to.not.equal(null);
    const base = rating.shadowRoot!.querySelector('[part~="base"]')!;
    expect(base.getAttribute('aria-label')).to.equal('Rated 4.5 out of 5 from 2,046 reviews across This site, G2, and Trustpilot');
    expect(rating.shadowRoot!.querySelector('[part~="stars"]')).to.not.equal(null);
    expect(text(rating.shadowRoot!.querySelector('[part~="average"]'))).to.equal('4.5');
    expect(text(rating.shadowRoot!.querySelector('[part~="count"]'))).to.contain('2,046 reviews');
    expect(rating.shadowRoot!.querySelector('[part~="stars"]')!.getBoundingClientRect().width).to.be.greaterThan(0);
    const cards = [...doc.querySelector('zmot-testimonials')!.shadowRoot!.querySelectorAll('[part~="testimonial"]')];
    expect(cards).to.have.length(3);
    expect(text(cards[0]!.querySelector('[part~="body"]')).length).to.be.greaterThan(0);
    // The feed travels inside each element, as JSON, never as code.
    const embedded = rating.querySelector(':scope > script[data-zmot-feed]') as HTMLScriptElement;
    expect(embedded.type).to.equal('application/json');
    expect(JSON.parse(embedded.textContent!)).to.deep.equal(data);
  });

  it('hydrates in place: the same nodes, no feed request, no layout shift, and every element works', async () => {
    const data = await feed('shoe-7');
    const html = (await renderElement('zmot-rating', { product: 'shoe-7', variant: 'full' }, data)) +
      (await renderElement('zmot-testimonials', { product: 'shoe-7', limit: '3' }, await feed('shoe-7')));
    const { win, doc } = await page(html);
    const rating = doc.querySelector('zmot-rating')!;
    const testimonials = doc.querySelector('zmot-testimonials')!;
    await waitUntil(() => !rating.hasAttribute('defer-hydration') && !testimonials.hasAttribute('defer-hydration'), 'hydrated', { timeout: 10_000 });
    await waitUntil(() => win.events.filter((e) => e.type === 'render').length === 2, 'both report their render', { timeout: 5000 });
    // The same nodes: hydration adopted the server's DOM instead of replacing it.
    expect(rating.shadowRoot!.querySelector('[part~="average"]')).to.equal(win.serverNodes.average);
    expect(testimonials.shadowRoot!.querySelector('[part~="testimonial"]')).to.equal(win.serverNodes.card);
    expect(feedRequests(win), 'feed requests').to.equal(0);
    expect(win.shifts, 'layout shift').to.equal(0);
    // It works: a star row filters the reviews, and that is one interaction.
    const row = rating.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.row')[0]!;
    row.click();
    await waitUntil(() => testimonials.shadowRoot!.querySelector('[part~="clear-filter"]'), 'the reviews are filtered', { timeout: 3000 });
    expect(row.getAttribute('aria-pressed')).to.equal('true');
    expect(win.events.filter((e) => e.type === 'interaction').map((e) => `${e.widget} ${e.action}`)).to.include('rating filter');
    expect(win.errors).to.deep.equal([]);
    expect(win.warnings).to.deep.equal([]);
  });

  it('labels, "How reviews work here" and the selection notice are in the server’s HTML, work without JavaScript, and hydrate in place', async () => {
    const shoe = (await feed('shoe-7')) as { reviews: object[] };
    const policy = { verified: 0.5, published: 'moderated', rejected: { spam: 1 }, sort: 'newest' };
    const labelled = {
      ...shoe,
      policy,
      aggregate: { rating: 3.2, count: 318 },
      reviews: shoe.reviews.map((review, i) => ({ ...review, ...(i === 0 ? { verification: 'purchase', invited: true, incentivized: true, incentive: 'A voucher' } : {}) })),
    };
    const html = (await renderElement('zmot-rating', { product: 'shoe-7' }, labelled)) +
      (await renderElement('zmot-testimonials', { product: 'shoe-7', 'min-rating': '4', sort: 'highest' }, labelled));
    // JavaScript off: everything is in the page, and the disclosure opens all the same.
    const off = await page(html, false);
    const offRoot = (tag: string) => off.doc.querySelector(tag)!.shadowRoot!;
    const first = offRoot('zmot-testimonials').querySelector('[part~="testimonial"]')!;
    expect(text(first.querySelector('[part~="verification"]'))).to.equal('Verified purchase — written through a link sent after an order');
    expect(text(first.querySelector('[part~="invited"]'))).to.equal('Invited');
    expect(text(first.querySelector('[part~="incentive"]'))).to.equal('Incentivized: \u2068A voucher\u2069');
    expect(text(offRoot('zmot-testimonials').querySelector('[part~="selection"]'))).to.equal('Showing selected reviews rated 4★ and up · See all 318 reviews');
    for (const tag of ['zmot-rating', 'zmot-testimonials']) {
      const details = offRoot(tag).querySelector<HTMLDetailsElement>('[part~="policy"]')!;
      expect(text(details.querySelector('summary')), tag).to.equal('How reviews work here');
      details.open = true;
      expect(details.querySelector('ul')!.getBoundingClientRect().height, tag).to.be.above(0);
    }
    expect([...offRoot('zmot-testimonials').querySelectorAll('[part~="policy"] li')].map(text).at(-1)).to.equal('Default order: Highest rated.');
    expect([...offRoot('zmot-rating').querySelectorAll('[part~="policy"] li')].map(text).at(-1)).to.equal('Default order: Most recent.');
    document.querySelectorAll('iframe').forEach((f) => f.remove());

    // With the drop-in: the same nodes, nothing rendered afresh, and "See all" works.
    const { win, doc } = await page(html);
    const root = (tag: string) => doc.querySelector(tag)!.shadowRoot!;
    const serverDetails = ['zmot-rating', 'zmot-testimonials'].map((tag) => root(tag).querySelector('[part~="policy"]'));
    const serverNotice = root('zmot-testimonials').querySelector('[part~="selection"]');
    const testimonials = doc.querySelector('zmot-testimonials')!;
    await waitUntil(() => !doc.querySelector('[defer-hydration]'), 'hydrated', { timeout: 10_000 });
    await waitUntil(() => win.events.filter((e) => e.type === 'render').length === 2, 'both report their render', { timeout: 5000 });
    expect(['zmot-rating', 'zmot-testimonials'].map((tag) => root(tag).querySelector('[part~="policy"]'))).to.deep.equal(serverDetails);
    expect(root('zmot-testimonials').querySelector('[part~="selection"]')).to.equal(serverNotice);
    expect(win.shifts, 'layout shift').to.equal(0);
    const before = testimonials.shadowRoot!.querySelectorAll('[part~="testimonial"]').length;
    root('zmot-testimonials').querySelector<HTMLButtonElement>('[part~="see-all"]')!.click();
    await waitUntil(() => testimonials.shadowRoot!.querySelectorAll('[part~="testimonial"]').length > before, 'every review shows', { timeout: 3000 });
    expect(win.errors).to.deep.equal([]);
    expect(win.warnings).to.deep.equal([]);
  });

  it('hydrates in the element’s language, once its messages are in, without English in between', async () => {
    const data = await feed('sku-42');
    const html = await renderElement('zmot-rating', { product: 'sku-42', lang: 'de' }, data);
    const { win, doc } = await page(html);
    const rating = doc.querySelector('zmot-rating')!;
    const label = () => rating.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-label');
    const german = label();
    expect(german).to.equal('Bewertet mit 4,5 von 5, basierend auf 2.046 Bewertungen (Quellen: Diese Website, G2 und Trustpilot)');
    await waitUntil(() => !rating.hasAttribute('defer-hydration'), 'hydrated', { timeout: 10_000 });
    expect(rating.shadowRoot!.querySelector('[part~="average"]')).to.equal(win.serverNodes.average);
    expect(label()).to.equal(german);
    expect(feedRequests(win)).to.equal(0);
    expect(win.errors).to.deep.equal([]);
  });

  it('HTML that does not match the code is rendered afresh in the same box, with a warning and no error', async () => {
    const data = await feed('sku-42');
    // A server of another version: its template digests are not this code's.
    const html = (await renderElement('zmot-rating', { product: 'sku-42' }, data)).replace(/<!--lit-part [^>]*-->/g, '<!--lit-part AAAAAAAAAAA=-->');
    const { win, doc } = await page(html);
    const rating = doc.querySelector('zmot-rating')!;
    await waitUntil(() => win.events.some((e) => e.type === 'render'), 'renders', { timeout: 10_000 });
    expect(text(rating.shadowRoot!.querySelector('[part~="average"]'))).to.equal('4.5');
    expect(rating.shadowRoot!.querySelectorAll('[part~="base"]')).to.have.length(1);
    expect(feedRequests(win)).to.equal(0);
    expect(win.warnings.join()).to.contain('rendered afresh');
    expect(win.errors).to.deep.equal([]);
  });
});
