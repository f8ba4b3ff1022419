// The built drop-in files in real pages: a page in German loads dist/locales/de.js and nothing else, and
// its widgets go from their reserved box straight to German; an English page loads no locale at all.
// Needs `npm run build` (dist/zmot.js, dist/zmot.iife.js, dist/locales/).
import { expect, waitUntil } from '@open-wc/testing';
import { STRICT_CSP } from '../../src/collector/csp.js';

const FEED = '/test/fixtures/feeds/{product}.json';

interface PageWindow extends Window {
  errors: string[];
  /** What each widget's shadow root showed (text and labels) at every change. */
  shots: string[];
}

// Runs before the drop-in: records every state of every shadow root it creates.
const RECORDER = `
  window.errors = []; addEventListener('error', (e) => errors.push(String(e.message)));
  window.shots = [];
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver(() => {
      const base = root.querySelector('[part~="base"]');
      const labels = [...root.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label')).join(' ');
      shots.push(!base || getComputedStyle(base).visibility === 'hidden' ? '' : (root.textContent + ' ' + labels).replace(/\\s+/g, ' ').trim());
    }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    return root;
  };`;

async function page(lang: string, body: string, head = ''): Promise<{ win: PageWindow; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><script>${RECORDER}</script>${head}</head><body>${body}</body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return { win: frame.contentWindow as PageWindow, doc: frame.contentDocument! };
}

const locales = (win: Window) =>
  win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/locales/'));

const label = (doc: Document, selector: string) =>
  doc.querySelector(selector)?.shadowRoot?.querySelector('[part~="base"][aria-label]')?.getAttribute('aria-label') ?? '';

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

for (const [build, tag] of [
  ['dist/zmot.js', `type="module" src="/dist/zmot.js"`],
  ['dist/zmot.iife.js', `src="/dist/zmot.iife.js"`],
] as const) {
  describe(`${build}: locales`, () => {
    it('a German page loads only de, and shows German with no English in between', async () => {
      const { win, doc } = await page(
        'de',
        `<script ${tag} data-feed="${FEED}"></script>
         <zmot-rating id="r" product="sku-42" variant="full"></zmot-rating>
         <zmot-testimonials id="t" product="shoe-7"></zmot-testimonials>`,
      );
      await waitUntil(() => label(doc, '#r').startsWith('Bewertet'), 'the rating shows German', { timeout: 5000 });
      await waitUntil(() => doc.querySelector('#t')?.shadowRoot?.querySelector('[part~="testimonial"]'), 'the reviews show', { timeout: 5000 });
      expect(label(doc, '#r')).to.equal('Bewertet mit 4,5 von 5, basierend auf 2.046 Bewertungen (Quellen: Diese Website, G2 und Trustpilot)');
      expect(locales(win)).to.deep.equal(['/dist/locales/de.js']);
      // The recorder saw the widgets go from their empty box to German.
      expect(win.shots[0]).to.equal('');
      expect(win.shots.some((shot) => shot.includes('Bewertet mit 4,5 von 5'))).to.equal(true);
      const english = win.shots.filter((shot) => /\b(Rated|reviews?|This site|Sort by|Verified)\b/.test(shot));
      expect(english).to.deep.equal([]);
      expect(win.errors).to.deep.equal([]);
    });

    it('loads its language under the strict Content-Security-Policy and Trusted Types, with no violation', async () => {
      // The policy as a <meta> after the recorder (frame-ancestors has no meaning there), so it governs the drop-in.
      const policy = STRICT_CSP.split('; ').filter((directive) => !directive.startsWith('frame-ancestors')).join('; ');
      const { win, doc } = await page(
        'pl',
        `<script ${tag} data-feed="${FEED}"></script><zmot-rating id="r" product="sku-42"></zmot-rating>`,
        `<meta http-equiv="Content-Security-Policy" content="${policy}">`,
      );
      const violations: string[] = [];
      doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      await waitUntil(() => label(doc, '#r').startsWith('Ocena'), 'the rating shows Polish', { timeout: 5000 });
      expect(locales(win)).to.deep.equal(['/dist/locales/pl.js']);
      expect(violations).to.deep.equal([]);
    });

    it('an English page loads no locale; elements in other languages load theirs, once each', async () => {
      const { win, doc } = await page(
        'en',
        `<script ${tag} data-feed="${FEED}"></script>
         <zmot-rating id="en" product="sku-42"></zmot-rating>
         <zmot-rating id="ja" product="sku-42" lang="ja"></zmot-rating>
         <div lang="ar" dir="rtl"><zmot-rating id="ar1" product="sku-42"></zmot-rating><zmot-rating id="ar2" product="shoe-7"></zmot-rating></div>`,
      );
      await waitUntil(() => label(doc, '#en') && label(doc, '#ja') && label(doc, '#ar1') && label(doc, '#ar2'), 'all four render', {
        timeout: 5000,
      });
      expect(label(doc, '#en')).to.match(/^Rated 4\.5 out of 5/);
      expect(label(doc, '#ja')).to.match(/^5つ星のうち4\.5/);
      expect(label(doc, '#ar1')).to.match(/^التقييم/);
      expect(locales(win).sort()).to.deep.equal(['/dist/locales/ar.js', '/dist/locales/ja.js']);
      expect(win.errors).to.deep.equal([]);
    });
  });
}
