// Hostile host pages: the built drop-in (dist/zmot.js, as site owners load it) in real pages (iframes) that
// do what real pages do to third-party widgets — aggressive global CSS, a second copy of the script, another
// major version of Lit, patched or frozen built-ins, storage that throws. In each, every element renders and
// a visitor can use it with real pointer clicks; the page sees no error; nothing runs from the feed; events
// are dispatched and sent once each; and zmot leaves no global but `window.zmot`.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, resetMouse, sendMouse } from '@web/test-runner-commands';
import type { ZmotEvent } from '../../src/telemetry/schema.js';

const FEED = '/test/fixtures/feeds/{product}.json';

interface PageWindow extends Window {
  __errors: string[];
  __warnings: string[];
  __events: ZmotEvent[];
  __before: string[];
  __pwned?: unknown;
}

let n = 0;
const bucket = () => `hostile${Date.now().toString(36)}${++n}`;

/** A page whose `head` runs first (classic scripts, styles), then the drop-in and four elements. */
async function page(head: string, { drop = dropIn(), body = ELEMENTS } = {}): Promise<{ frame: HTMLIFrameElement; win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; inset: 0; width: 780px; height: 580px; border: 0';
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script>
      window.__errors = [];
      addEventListener('error', (e) => __errors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => __errors.push(String(e.reason)));
      window.__events = [];
      document.addEventListener('zmot-event', (e) => __events.push(e.detail));
      window.__warnings = [];
      const warn = console.warn;
      console.warn = (...args) => { __warnings.push(args.map(String).join(' ')); warn.apply(console, args); };
    </script>
    ${head}
    <script>window.__before = Object.getOwnPropertyNames(window);</script>
    ${drop}
    </head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { frame, win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

let endpoint = '';
function dropIn(src = '/dist/zmot.js', module = true): string {
  return `<script ${module ? 'type="module" ' : ''}src="${src}" data-site="acme" data-feed="${FEED}" data-endpoint="${endpoint}"></script>`;
}

const ELEMENTS = `
  <zmot-rating id="full" product="shoe-7" variant="full"></zmot-rating>
  <zmot-rating id="badge" product="sku-42" variant="compact"></zmot-rating>
  <zmot-testimonials id="reviews" product="shoe-7" limit="3"></zmot-testimonials>
  <zmot-recommend id="nps" product="shoe-7"></zmot-recommend>`;

const shadow = (doc: Document, id: string) => doc.getElementById(id)?.shadowRoot ?? null;
const q = <T extends Element = HTMLElement>(doc: Document, id: string, selector: string) => shadow(doc, id)?.querySelector<T>(selector) ?? null;

/** Clicks the middle of `el` with the real mouse (hostile CSS may stop pointer events; a script click would not notice). */
async function click(frame: HTMLIFrameElement, el: Element | null): Promise<void> {
  expect(el, 'the control to click').to.not.equal(null);
  el!.scrollIntoView({ block: 'center' });
  const f = frame.getBoundingClientRect();
  const r = el!.getBoundingClientRect();
  expect(r.width * r.height, `a ${el!.localName} with an area`).to.be.above(0);
  await sendMouse({ type: 'click', position: [Math.round(f.left + r.left + r.width / 2), Math.round(f.top + r.top + r.height / 2)] });
}

/** Everything a visitor does with the four elements, and what the page and the endpoint must see. */
async function expectWorking(
  { frame, win, doc }: { frame: HTMLIFrameElement; win: PageWindow; doc: Document },
  name: string,
  /** Globals the page's own modules add after the snapshot (a Lit 2 element's registries). */
  pageGlobals: string[] = [],
): Promise<void> {
  await waitUntil(
    () =>
      q(doc, 'full', '[part~="average"]')?.textContent &&
      q(doc, 'badge', '[part~="average"]')?.textContent &&
      shadow(doc, 'reviews')?.querySelectorAll('[part~="testimonial"]').length &&
      q(doc, 'nps', 'input[value="10"]'),
    `${name}: every element renders`,
    { timeout: 8000 },
  ).catch((error: Error) => {
    const state = ['full', 'badge', 'reviews', 'nps'].map((id) => `#${id}: ${shadow(doc, id)?.textContent?.replace(/\s+/g, ' ').slice(0, 60) ?? 'no shadow root'}`);
    throw new Error(`${error.message}; ${state.join('; ')}; errors: ${win.__errors.join(', ')}; warnings: ${win.__warnings.join(', ')}`);
  });
  expect(q(doc, 'full', '[part~="average"]')!.textContent!.trim()).to.equal('3.8');
  expect(q(doc, 'badge', '[part~="average"]')!.textContent!.trim()).to.match(/^4\.\d$/);
  for (const id of ['full', 'badge', 'reviews', 'nps']) {
    const base = q(doc, id, '[part~="base"]')!;
    const box = base.getBoundingClientRect();
    expect(box.width > 0 && box.height > 0 && base.checkVisibility(), `${name}: #${id} is visible`).to.equal(true);
  }
  // Filter the reviews from the distribution, then answer the NPS question: real clicks.
  await click(frame, shadow(doc, 'full')!.querySelectorAll('button.row')[0]!);
  await waitUntil(() => q(doc, 'reviews', '[part~="clear-filter"]'), `${name}: the star row filters the reviews`, { timeout: 3000 });
  await click(frame, q(doc, 'nps', 'label:has(input[value="10"])') ?? q(doc, 'nps', 'input[value="10"]'));
  await waitUntil(() => q<HTMLInputElement>(doc, 'nps', 'input[value="10"]')?.checked, `${name}: the score is chosen`, { timeout: 3000 });
  await click(frame, q(doc, 'nps', 'button[type="submit"]'));
  await waitUntil(() => q(doc, 'nps', '[part~="share"]'), `${name}: a promoter gets the share panel`, { timeout: 3000 });

  await win.zmot!.flush();
  expect(win.__errors, `${name}: errors in the page`).to.deep.equal([]);
  expect(win.__pwned).to.equal(undefined);
  // Each widget's render once, each event once; and the endpoint got each exactly once.
  const renders = win.__events.filter((e) => e.type === 'render').map((e) => `${e.widget} ${e.product}`);
  expect(renders.sort(), `${name}: renders`).to.deep.equal(['rating shoe-7', 'rating sku-42', 'recommend shoe-7', 'testimonials shoe-7'].sort());
  const ids = win.__events.map((e) => e.id);
  expect(new Set(ids).size, `${name}: each event dispatched once`).to.equal(ids.length);
  const sent = (await executeServerCommand<{ body: string }[], object>('collected', { bucket: endpoint.split('/').pop() })).flatMap(
    (r) => (JSON.parse(r.body) as { events: ZmotEvent[] }).events,
  );
  expect(sent.map((e) => e.id).sort(), `${name}: each event sent once`).to.deep.equal([...ids].sort());
  // Globals: window.zmot, and the version lists Lit keeps on window (a page with another Lit has them already).
  const before = new Set(win.__before);
  const added = Object.getOwnPropertyNames(win).filter((g) => !before.has(g) && g !== '__before' && !pageGlobals.includes(g));
  expect(added.filter((g) => !LIT_GLOBALS.includes(g)), `${name}: new globals`).to.deep.equal(['zmot']);
}

/** The version lists and decorator metadata every Lit, zmot's included, keeps on `window`. */
const LIT_GLOBALS = ['litHtmlVersions', 'litElementVersions', 'reactiveElementVersions', 'litPropertyMetadata'];

/** The frames share this page's storage: no answered NPS (cooldown) or outbox from an earlier test. */
function clearStorage(): void {
  for (const area of [localStorage, sessionStorage]) for (const key of Object.keys(area)) if (key.startsWith('zmot')) area.removeItem(key);
}

beforeEach(async () => {
  clearStorage();
  endpoint = `/__zmot/collect/${bucket()}`;
  await executeServerCommand('collector', { bucket: endpoint.split('/').pop() });
});
afterEach(async () => {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
  clearStorage();
  await resetMouse();
});

describe('hostile host pages', function () {
  this.timeout(30_000);

  it('a plain page (the baseline the others are measured against)', async () => {
    await expectWorking(await page(''), 'plain');
  });

  const CSS: [string, string][] = [
    ['* { all: unset !important }', '* { all: unset !important; }'],
    ['div, span, p, ul, li, button, svg, section { display: none !important }', 'div, span, p, ul, li, button, svg, section, label, input, form { display: none !important; }'],
    [
      'huge fonts and spacing, inherited into every shadow root',
      'html { font-size: 40px !important; } * { font-size: 1.5rem !important; line-height: 4 !important; letter-spacing: .3em !important; word-spacing: 1em !important; text-transform: uppercase !important; text-indent: 5em !important; white-space: pre !important; text-align: right !important; }',
    ],
    [
      '!important everywhere on the light DOM',
      '* { color: #fff !important; background: #fff !important; margin: 3em !important; padding: 3em !important; border: 9px solid red !important; box-sizing: content-box !important; position: relative !important; z-index: 1 !important; overflow: hidden !important; float: left !important; } body { display: flex !important; flex-direction: column-reverse !important; }',
    ],
    [
      'custom elements forced inline, no cursor, no selection, slow transitions',
      ':defined { display: inline !important; } * { cursor: none !important; user-select: none !important; transition: all 10s !important; animation: none !important; }',
    ],
  ];
  for (const [name, css] of CSS) {
    it(`aggressive global CSS: ${name}`, async () => {
      await expectWorking(await page(`<style>${css}</style>`), name);
    });
  }

  it('a second copy of the script: the module twice, and the classic build beside it', async () => {
    const copies = `${dropIn('/dist/zmot.js?copy=2')}${dropIn('/dist/zmot.iife.js', false)}`;
    const loaded = await page('', { drop: `${dropIn()}${copies}` });
    await expectWorking(loaded, 'three copies');
  });

  const legacy = '<script type="module" src="/test/security/fixtures/legacy-card.js"></script>';
  for (const [order, drop] of [['Lit 2 first', () => `${legacy}${dropIn()}`], ['zmot first', () => `${dropIn()}${legacy}`]] as const) {
    it(`another major version of Lit on the page (${order})`, async () => {
      const loaded = await page('', { drop: drop(), body: `${ELEMENTS}<legacy-card name="zmot"></legacy-card>` });
      await expectWorking(loaded, order);
      await waitUntil(() => loaded.doc.querySelector('legacy-card')?.shadowRoot?.textContent?.includes('hello to zmot'), `${order}: the Lit 2 element renders`);
      expect(loaded.win.litHtmlVersions?.some((v: string) => v.startsWith('2.'))).to.equal(true);
      // zmot's Lit 3 beside the page's Lit 2: each keeps its own.
      expect(loaded.win.litHtmlVersions?.some((v: string) => v.startsWith('3.'))).to.equal(true);
    });
  }

  const PATCHES: [string, string][] = [
    ['fetch wrapped (as monitoring tools do)', `const f = window.fetch; window.__fetched = 0; window.fetch = function (...args) { window.__fetched += 1; return f.apply(this, args); };`],
    ['JSON.parse and JSON.stringify wrapped', `const p = JSON.parse, s = JSON.stringify; JSON.parse = (t, r) => p(t, r); JSON.stringify = (v, r, i) => s(v, r, i);`],
    ['Array.prototype.map, filter and forEach wrapped', `for (const m of ['map', 'filter', 'forEach']) { const o = Array.prototype[m]; Object.defineProperty(Array.prototype, m, { value: function (...a) { return o.apply(this, a); }, writable: true, configurable: true }); }`],
    ['customElements.define wrapped, refusing a second definition loudly', `const d = customElements.define.bind(customElements); customElements.define = (name, ctor, o) => { if (customElements.get(name)) throw new Error('already defined: ' + name); d(name, ctor, o); };`],
    ['history.replaceState and pushState wrapped by a router', `window.__routed = 0; for (const m of ['replaceState', 'pushState']) { const o = history[m].bind(history); history[m] = (...a) => { window.__routed += 1; return o(...a); }; }`],
    ['localStorage and sessionStorage throw (blocked storage)', `for (const k of ['localStorage', 'sessionStorage']) Object.defineProperty(window, k, { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }, configurable: true });`],
    ['Promise replaced by a subclass (a polyfill)', `window.Promise = class extends Promise {};`],
    ['Array, Object, Function and Element prototypes frozen (lockdown)', `for (const o of [Object.prototype, Array.prototype, Function.prototype, String.prototype, Element.prototype, HTMLElement.prototype, Node.prototype, EventTarget.prototype]) Object.freeze(o);`],
  ];
  for (const [name, patch] of PATCHES) {
    it(`patched built-ins: ${name}`, async () => {
      await expectWorking(await page(`<script>${patch}</script>`), name);
    });
  }

  it('Object.prototype polluted with script-like values: every element still works, and nothing runs', async () => {
    // The drop-in imports the chunk the elements share by file name: a bundler-built module namespace would walk
    // the polluted properties (for…in) and stop the elements from loading (src/entries/zmot.ts, withShared).
    const pollute = `for (const k of ['url', 'avatar', 'href', 'src', 'html', 'title', 'next', 'body']) Object.prototype[k] = 'javascript:window.__pwned=1//<img src=x onerror="window.__pwned=1">';`;
    const loaded = await page(`<script>${pollute}</script>`);
    await expectWorking(loaded, 'polluted Object.prototype');
    expect(loaded.win.__warnings.filter((w) => w.includes('could not load')), 'elements that did not load').to.deep.equal([]);
    for (const id of ['full', 'badge', 'reviews', 'nps']) {
      const root = shadow(loaded.doc, id);
      expect(root?.querySelector('img[onerror], [onerror], script, iframe') ?? null, `#${id}`).to.equal(null);
      for (const a of root?.querySelectorAll('[href], [src]') ?? []) expect(a.getAttribute('href') ?? a.getAttribute('src')).to.match(/^(https?|mailto):/);
      // What the feed left out stays out: no inherited title, body or link shows up as the feed's.
      expect(root?.textContent, `#${id}`).not.to.include('__pwned');
    }
  });
});

declare global {
  interface Window {
    litHtmlVersions?: string[];
  }
}
