// The built drop-in files, loaded the way site owners load them: a <script> tag with data attributes in a
// real page (an iframe), feeds over real HTTP from the test server. Each element's code is a chunk the drop-in
// imports when the page has the element.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ratingMessages } from '../src/elements/rating/rating.messages.js';
import { recommendMessages } from '../src/elements/recommend/recommend.messages.js';
import { testimonialsMessages } from '../src/elements/testimonials/testimonials.messages.js';

const FEED = '/test/fixtures/feeds/{product}.json';

interface PageWindow extends Window {
  errors: string[];
}

async function page(body: string, head = ''): Promise<{ frame: HTMLIFrameElement; win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    ${head || `<script>window.errors = []; addEventListener('error', (e) => errors.push(String(e.message)));</script>`}
    </head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

function average(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.shadowRoot?.querySelector('[part="average"]')?.textContent ?? undefined;
}

/** Whether `el` shows its data: its base part is there and no longer busy. */
function rendered(el: Element | null | undefined): boolean {
  return !!el?.shadowRoot?.querySelector('[part~="base"]:not([aria-busy])');
}

/** The chunks of the drop-in the page has fetched, by name: `rating`, `review-form`, `elements` … */
function chunks(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => /\/dist\/chunks\/([a-z-]+)-[\w-]{8}\.js$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((name): name is string => !!name)
    .sort();
}

/** The code of every script the page has downloaded from dist/, in one string. */
async function downloaded(win: Window): Promise<string> {
  const urls = win.performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((url) => /\/dist\/.+\.js$/.test(new URL(url).pathname));
  return (await Promise.all(urls.map((url) => fetch(url).then((response) => response.text())))).join('\n');
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

/** One of each element and variant the drop-in reserves space for, and a hidden one. */
const RESERVED = `
  <zmot-rating product="sku-42"></zmot-rating>
  <zmot-rating product="shoe-7" variant="full"></zmot-rating>
  <p><zmot-rating product="sku-42" variant="compact"></zmot-rating> a compact badge in a line of text</p>
  <zmot-testimonials product="empty"></zmot-testimonials>
  <zmot-testimonials product="empty" layout="carousel"></zmot-testimonials>
  <zmot-rating product="sku-42" hidden></zmot-rating>`;

/** A page script that records whether the elements are defined yet, and where they are and how tall. */
const MEASURE = `
  window.defined = customElements.get('zmot-rating');
  window.before = [...document.querySelectorAll('zmot-rating, zmot-testimonials')].map((el) => {
    const box = el.getBoundingClientRect();
    return [Math.round(box.top), Math.round(box.height)];
  });`;

/** Loads `body` (RESERVED and MEASURE in it), waits for the elements, and expects none of them to have moved. */
async function expectNoShift(body: string, head = ''): Promise<void> {
  const { win, doc } = await page(body, head);
  const measured = win as PageWindow & { defined?: unknown; before: number[][] };
  expect(measured.defined, 'measured before the elements were defined').to.equal(undefined);
  const all = [...doc.querySelectorAll('zmot-rating, zmot-testimonials')];
  await waitUntil(() => all.every((el) => el.hasAttribute('hidden') || rendered(el)), 'every element shows its data', { timeout: 5000 });
  const after = all.map((el) => {
    const box = el.getBoundingClientRect();
    return [Math.round(box.top), Math.round(box.height)];
  });
  expect(after).to.deep.equal(measured.before);
  expect(measured.before.at(-1)).to.deep.equal([0, 0]);
}

describe('dist/zmot.css', () => {
  it('reserves the elements’ boxes from the first paint, before any script has run', async () => {
    // A classic script while the page is parsed, before the deferred module has run at all.
    await expectNoShift(
      `${RESERVED}<script>${MEASURE}</script><script type="module" src="/dist/zmot.js" data-feed="${FEED}"></script>`,
      `<script>window.errors = []; addEventListener('error', (e) => errors.push(String(e.message)));</script>
       <link rel="stylesheet" href="/dist/zmot.css">`,
    );
  });
});

for (const [build, tag] of [
  ['dist/zmot.js', `type="module" src="/dist/zmot.js"`],
  ['dist/zmot.iife.js', `src="/dist/zmot.iife.js"`],
] as const) {
  describe(build, () => {
    it('reads its own data-* attributes and renders elements placed before and after it', async () => {
      const { win, doc } = await page(`
        <zmot-rating id="before" product="sku-42"></zmot-rating>
        <script ${tag} data-site="acme" data-feed="${FEED}" data-consent="granted"></script>
        <zmot-rating id="after" product="shoe-7" variant="full"></zmot-rating>`);
      await waitUntil(() => average(doc, '#before') && average(doc, '#after'), 'both elements render', { timeout: 5000 });
      expect(average(doc, '#before')).to.equal('4.5');
      expect(average(doc, '#after')).to.equal('3.8');
      expect(win.zmot?.version).to.match(/^\d+\.\d+\.\d+/);
      expect(win.errors).to.deep.equal([]);
    });

    it('works when the script is injected after the page has loaded', async () => {
      const { win, doc } = await page(`<zmot-rating id="r" product="sku-42" variant="compact"></zmot-rating>`);
      const script = doc.createElement('script');
      if (tag.startsWith('type="module"')) script.type = 'module';
      script.src = `/${build}`;
      script.dataset.feed = FEED;
      doc.body.append(script);
      await waitUntil(() => average(doc, '#r'), 'the element renders', { timeout: 5000 });
      expect(win.errors).to.deep.equal([]);
    });

    it('"How reviews work here" stands apart from the provenance before it, with the built templates', async () => {
      // The build minifies the templates' whitespace; the provenance once ran into the link ("…on this siteHow reviews work here").
      const { win, doc } = await page(`<zmot-rating id="r"></zmot-rating><script ${tag} data-feed="${FEED}"></script>`);
      await waitUntil(() => win.customElements.get('zmot-rating'), 'the element is defined', { timeout: 5000 });
      const feed = await (await fetch('/test/fixtures/feeds/sku-42.json')).json();
      const el = doc.getElementById('r') as HTMLElement & { data: unknown };
      el.data = { ...feed, policy: { verified: 0.62, published: 'moderated', sort: 'newest' } };
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="policy"] summary'), 'the disclosure renders', { timeout: 5000 });
      const provenance = el.shadowRoot!.querySelector('[part="provenance"]')!;
      const summary = el.shadowRoot!.querySelector('[part~="policy"] summary')!;
      const last = [...provenance.getClientRects()].at(-1)!;
      const first = summary.getClientRects()[0]!;
      expect(Math.abs(first.bottom - last.bottom), 'on the same line').to.be.below(8);
      expect(first.left - last.right).to.be.at.least(3);
      expect(win.errors).to.deep.equal([]);
    });

    it('loaded twice, defines nothing twice and throws nothing', async () => {
      const { win, doc } = await page(`
        <script ${tag} data-feed="${FEED}"></script>
        <script ${tag.replace('.js"', '.js?copy=2"')} data-feed="/nowhere/{product}.json"></script>
        <zmot-rating id="r" product="sku-42"></zmot-rating>`);
      await waitUntil(() => average(doc, '#r'), 'the element renders with the first copy’s settings', { timeout: 5000 });
      expect(win.errors).to.deep.equal([]);
      expect(win.customElements.get('zmot-rating')).to.be.a('function');
    });

    it('imports an element’s code when the page has it, and when one is added later', async () => {
      const { win, doc } = await page(`
        <script ${tag} data-feed="${FEED}"></script>
        <zmot-rating id="r" product="sku-42"></zmot-rating>`);
      await waitUntil(() => average(doc, '#r'), 'the rating renders', { timeout: 5000 });
      expect(chunks(win)).to.deep.equal(['elements', 'rating']);
      expect(win.customElements.get('zmot-testimonials')).to.equal(undefined);

      const added = doc.createElement('div');
      added.innerHTML = '<section><zmot-testimonials product="sku-42"></zmot-testimonials></section>';
      doc.body.append(added);
      await waitUntil(() => rendered(doc.querySelector('zmot-testimonials')), 'the added testimonials render', { timeout: 5000 });
      expect(chunks(win)).to.deep.equal(['elements', 'rating', 'testimonials']);
      expect(win.errors).to.deep.equal([]);
    });

    it('loads the review form’s chunk only on a page with the form, which then sends a review over HTTP', async () => {
      const bucket = `review-form-${build.replace(/\W/g, '-')}`;
      await executeServerCommand('collector', { bucket });
      const { win, doc } = await page(`
        <script ${tag} data-site="acme"></script>
        <zmot-review-form product="sku-42" name="Trail Runner 2" action="/__zmot/collect/${bucket}"></zmot-review-form>`);
      const form = doc.querySelector('zmot-review-form')!;
      await waitUntil(() => rendered(form), 'the form renders', { timeout: 5000 });
      expect(chunks(win)).to.deep.equal(['elements', 'review-form']);
      const $ = <T extends HTMLElement>(selector: string) => form.shadowRoot!.querySelector<T>(selector)!;
      $<HTMLInputElement>('input[name="rating"][value="5"]').click();
      for (const [id, value] of [['body', 'Light, grippy and dry after every river crossing.'], ['name', 'Ana S.']]) {
        const field = $<HTMLInputElement>(`#${id}`);
        field.value = value!;
        field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }
      $<HTMLInputElement>('#consent').click();
      $<HTMLButtonElement>('button[type="submit"]').click();
      await waitUntil(() => form.shadowRoot!.querySelector('[part~="success"]'), 'the review is sent', { timeout: 5000 });
      const sent = await executeServerCommand<{ body: string }[], object>('collected', { bucket });
      expect(sent.map((request) => JSON.parse(request.body) as Record<string, unknown>).map(({ site, product, rating }) => ({ site, product, rating }))).to.deep.equal([
        { site: 'acme', product: 'sku-42', rating: 5 },
      ]);
      expect(win.errors).to.deep.equal([]);
    });

    it('downloads the English messages of the elements the page has, and no other element’s', async () => {
      const { win, doc } = await page(`
        <script ${tag} data-feed="${FEED}"></script>
        <zmot-rating id="r" product="shoe-7" variant="full"></zmot-rating>`);
      await waitUntil(() => average(doc, '#r'), 'the rating renders', { timeout: 5000 });
      const rating = doc.querySelector('#r')!.shadowRoot!;
      expect(rating.querySelector('#distribution-label')?.textContent).to.equal(ratingMessages.distributionLabel);
      const code = await downloaded(win);
      expect(code.includes(ratingMessages.provenanceOwn), 'the rating’s English').to.equal(true);
      const others = [testimonialsMessages.verifiedPurchase, testimonialsMessages.startRotation, recommendMessages.npsQuestionUs, recommendMessages.shareCopy];
      expect(others.filter((text) => code.includes(text)), 'the other elements’ English').to.deep.equal([]);

      // An element added later brings its own English with its code.
      doc.body.insertAdjacentHTML('beforeend', '<zmot-testimonials product="shoe-7"></zmot-testimonials>');
      const testimonials = doc.querySelector('zmot-testimonials');
      await waitUntil(() => rendered(testimonials), 'the added testimonials render', { timeout: 5000 });
      expect(testimonials!.shadowRoot!.querySelector('[part="list"]')?.getAttribute('aria-label')).to.equal(testimonialsMessages.testimonialsLabel);
      expect((await downloaded(win)).includes(testimonialsMessages.startRotation), 'the testimonials’ English').to.equal(true);
      expect(win.errors).to.deep.equal([]);
    });

    it('imports referral attribution for an order, and zmot.flush() waits for it; a page without one never does', async () => {
      const { win } = await page(`<script ${tag} data-site="demo"></script>`);
      await waitUntil(() => win.zmot, 'the drop-in starts', { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(chunks(win)).to.deep.equal([]);
      const sent: string[] = [];
      win.document.addEventListener('zmot-event', (event) => sent.push((event as CustomEvent<{ type: string }>).detail.type));
      // An order id of its own: one already sent from this browser (the other build's test) is not sent again.
      win.zmot!.conversion({ orderId: `order-${build}` });
      await win.zmot!.flush();
      expect(sent).to.deep.equal(['conversion']);
      expect(chunks(win)).to.deep.equal(['attribution']);
      expect(win.errors).to.deep.equal([]);
    });

    it('asks for an element’s feed when it finds the element, beside its code, and once', async () => {
      const { win, doc } = await page(`
        <script ${tag} data-feed="${FEED}"></script>
        <zmot-rating id="r" product="sku-42"></zmot-rating>
        <zmot-rating product="sku-42" variant="compact"></zmot-rating>`);
      await waitUntil(() => average(doc, '#r'), 'the rating renders', { timeout: 5000 });
      const entries = win.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const feed = entries.filter((entry) => entry.name.endsWith('/test/fixtures/feeds/sku-42.json'));
      const code = entries.filter((entry) => /\/dist\/chunks\/(elements|rating)-/.test(entry.name));
      expect(feed).to.have.length(1);
      expect(code).to.have.length(2);
      // Asked for before the element's code had arrived, not after.
      for (const chunk of code) expect(feed[0]!.startTime).to.be.below(chunk.responseEnd);
      expect(win.errors).to.deep.equal([]);
    });

    it('zmot.discover(root) defines the elements in a shadow root, which the document does not show', async () => {
      const { win, doc } = await page(`<script ${tag} data-feed="${FEED}"></script><div id="host"></div>`);
      await waitUntil(() => win.zmot, 'the drop-in starts', { timeout: 5000 });
      const root = doc.querySelector('#host')!.attachShadow({ mode: 'open' });
      root.innerHTML = '<zmot-testimonials product="sku-42"></zmot-testimonials>';
      // Nothing in the document asked for it.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.customElements.get('zmot-testimonials')).to.equal(undefined);
      // Before its code arrives, its space is reserved in the shadow root too.
      const waiting = win.zmot!.discover(root);
      expect(root.querySelector('zmot-testimonials')!.getBoundingClientRect().height).to.be.greaterThan(100);
      await waiting;
      expect(win.customElements.get('zmot-testimonials')).to.be.a('function');
      await waitUntil(() => rendered(root.querySelector('zmot-testimonials')), 'the testimonials render', { timeout: 5000 });
      expect(win.errors).to.deep.equal([]);
    });

    it('zmot.discover(element) outside the page loads that element’s code, and no feed', async () => {
      const { win, doc } = await page(`<script ${tag} data-feed="${FEED}"></script>`);
      await waitUntil(() => win.zmot, 'the drop-in starts', { timeout: 5000 });
      await win.zmot!.discover(doc.createElement('zmot-rating'));
      expect(win.customElements.get('zmot-rating')).to.be.a('function');
      expect(chunks(win)).to.deep.equal(['elements', 'rating']);
      const feeds = win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/feeds/'));
      expect(feeds).to.deep.equal([]);
    });

    it('reserves each element’s box before its code arrives, so the page does not move when it renders', async () => {
      // Measured before the elements' code can have arrived: by a classic script while the page is parsed (the
      // classic loader has run), or by the module script after the drop-in's (module scripts run in order).
      await expectNoShift(`
        <script ${tag} data-feed="${FEED}"></script>
        ${RESERVED}
        <script ${tag.startsWith('type="module"') ? 'type="module"' : ''}>${MEASURE}</script>`);
    });

    it('works under a Content-Security-Policy of script-src and style-src \'self\' with Trusted Types', async () => {
      const { win, doc } = await page(
        `<script ${tag} data-feed="${FEED}"></script>
         <zmot-rating id="r" product="sku-42" variant="full"></zmot-rating>
         <zmot-testimonials product="sku-42"></zmot-testimonials>`,
        `<meta http-equiv="Content-Security-Policy" content="script-src 'self'; style-src 'self'; require-trusted-types-for 'script'">
         <script src="/test/support/page-errors.js"></script>`,
      );
      await waitUntil(() => average(doc, '#r') && rendered(doc.querySelector('zmot-testimonials')), 'the elements render', { timeout: 5000 });
      expect(win.errors).to.deep.equal([]);
    });
  });
}
