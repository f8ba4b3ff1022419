// The built drop-in files, loaded the way site owners load them: a <script> tag with data attributes in a
// real page (an iframe), feeds over real HTTP from the test server.
import { expect, waitUntil } from '@open-wc/testing';

const FEED = '/test/fixtures/feeds/{product}.json';

interface PageWindow extends Window {
  errors: string[];
}

async function page(body: string): Promise<{ frame: HTMLIFrameElement; win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>window.errors = []; addEventListener('error', (e) => errors.push(String(e.message)));</script>
    </head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

function average(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.shadowRoot?.querySelector('[part="average"]')?.textContent ?? undefined;
}

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

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

    it('loaded twice, defines nothing twice and throws nothing', async () => {
      const { win, doc } = await page(`
        <script ${tag} data-feed="${FEED}"></script>
        <script ${tag.replace('.js"', '.js?copy=2"')} data-feed="/nowhere/{product}.json"></script>
        <zmot-rating id="r" product="sku-42"></zmot-rating>`);
      await waitUntil(() => average(doc, '#r'), 'the element renders with the first copy’s settings', { timeout: 5000 });
      expect(win.errors).to.deep.equal([]);
      expect(win.customElements.get('zmot-rating')).to.be.a('function');
    });
  });
}
