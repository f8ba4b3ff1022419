// Locales load on demand, and never with a flash of English: an element in a page whose language is known
// waits, inside its reserved space, until that language's messages are in; English shows at once; a
// language that fails to load, or is not shipped, falls back to English.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { configure } from '../../src/config.js';
import '../../src/entries/define.js';
import { bundledLocales } from '../../src/i18n/bundled-locales.js';
import { loadLocale, registerMessages, setLocaleLoader } from '../../src/i18n/i18n.js';
import { ANSWERED_KEY } from '../../src/elements/recommend/recommend.js';
import type { Feed } from '../../src/feed/schema.js';
import { captureWarnings } from '../support/elements.js';

const feed = {
  product: { id: 'lang-1', name: 'Widget' },
  aggregate: { rating: 4.5, count: 12, distribution: { 5: 8, 4: 2, 3: 1, 2: 1, 1: 0 } },
  reviews: [{ id: 'a', rating: 5, title: 'Great', body: 'Works well.', author: { name: 'Ana' }, date: '2026-01-02', verified: true }],
} satisfies Feed;

/** English words of the messages these widgets show first. */
const ENGLISH = /\b(Rated|reviews?|out of|Verified|Sort by|Most recent|How likely|Not likely|Send|This site)\b/;

interface Film {
  el: HTMLElement & { updateComplete: Promise<boolean> };
  /** What the shadow root shows (text and labels) at every change, from the first render on. */
  frames: string[];
}

/** Mounts `tag` with `lang` into a page and records every state of its shadow root, from its first render. */
function film(tag: string, lang: string, attributes: Record<string, string> = {}): Film {
  const el = document.createElement(tag) as Film['el'];
  el.setAttribute('lang', lang);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  (el as unknown as { data: unknown }).data = feed;
  const frames: string[] = [];
  const snap = () => {
    const root = el.shadowRoot!;
    // What a visitor can see or hear: nothing while the box is hidden (it may hold its size with hidden text).
    const base = root.querySelector('[part~="base"]');
    if (!base || getComputedStyle(base).visibility === 'hidden') return void frames.push('');
    const labels = [...root.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label'));
    frames.push(`${root.textContent?.replace(/\s+/g, ' ').trim() ?? ''} ${labels.join(' ')}`.trim());
  };
  document.body.append(el);
  // Lit made the shadow root as the element connected; its first render comes in a microtask, after this.
  new MutationObserver(snap).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return { el, frames };
}

/** Loads the shipped locales, counting the requests; returns the count so far. */
function countRequests(): () => number {
  let requests = 0;
  setLocaleLoader((lang) => {
    requests += 1;
    return bundledLocales(lang);
  });
  return () => requests;
}

/** Waits until the element shows something, in whatever language it settles on. */
async function shown({ el, frames }: Film): Promise<void> {
  await waitUntil(() => frames.at(-1), `<${el.localName}> showed nothing`);
  await el.updateComplete;
}

before(() => configure({ feed: undefined, endpoint: undefined, timeout: 8000 }));
beforeEach(() => localStorage.removeItem(ANSWERED_KEY));
afterEach(() => {
  document.querySelectorAll('body > zmot-rating, body > zmot-testimonials, body > zmot-recommend').forEach((el) => el.remove());
  setLocaleLoader(bundledLocales);
});

describe('loading locales', () => {
  it('English renders at once, with no waiting', async () => {
    const asked = countRequests();
    const { el, frames } = film('zmot-rating', 'en-GB');
    await shown({ el, frames });
    // The busy box while the feed is accepted, then the score: nothing else in between, nothing asked for.
    expect(frames.filter((frame) => frame)[0]).to.contain('Rated 4.5 out of 5 from 12 reviews');
    expect(asked()).to.equal(0);
  });

  for (const [tag, lang, expected, attributes] of [
    ['zmot-rating', 'de', 'Bewertet mit 4,5 von 5, basierend auf 12 Bewertungen', {}],
    ['zmot-testimonials', 'fr-CA', 'Avis clients', {}],
    ['zmot-recommend', 'sv', 'Hur troligt är det att du skulle rekommendera Widget', {}],
  ] as const) {
    it(`<${tag} lang="${lang}">: the reserved box, then ${lang}, and never English between`, async () => {
      const { el, frames } = film(tag, lang, attributes);
      await shown({ el, frames });
      expect(frames.at(-1)).to.contain(expected);
      expect(frames.filter((frame) => ENGLISH.test(frame))).to.deep.equal([]);
      // The first frame was the empty, busy box that holds the element's space.
      expect(frames[0]).to.equal('');
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    });
  }

  it('a language set later keeps the old one on screen until the new one is in', async () => {
    const { el, frames } = film('zmot-rating', 'en');
    await shown({ el, frames });
    const before = frames.length;
    el.setAttribute('lang', 'pl');
    await el.updateComplete;
    expect(frames.at(-1)).to.contain('Ocena 4,5 na 5, 12 opinii');
    expect(frames.slice(before).every((frame) => frame !== '')).to.equal(true);
  });

  it('a language zmot does not ship renders at once in English, with the page’s number format', async () => {
    const asked = countRequests();
    const { el, frames } = film('zmot-rating', 'fi');
    await shown({ el, frames });
    expect(frames.filter((frame) => frame)[0]).to.contain('Rated 4,5 out of 5');
    expect(asked()).to.equal(0);
  });

  it('a language that fails to load falls back to English, with one warning', async () => {
    setLocaleLoader(() => Promise.reject(new Error('404')));
    const warnings = captureWarnings();
    try {
      const { el, frames } = film('zmot-rating', 'nl');
      await shown({ el, frames });
      expect(frames.at(-1)).to.contain('Rated 4,5 out of 5');
      expect(warnings.messages).to.deep.equal(['zmot: the nl messages could not be loaded (404); showing English']);
    } finally {
      warnings.restore();
    }
  });

  it('a language that takes longer than the feed timeout falls back to English', async () => {
    configure({ timeout: 300 });
    setLocaleLoader(() => new Promise(() => {}));
    const warnings = captureWarnings();
    try {
      const { el, frames } = film('zmot-rating', 'da');
      const started = performance.now();
      await shown({ el, frames });
      expect(performance.now() - started).to.be.within(250, 2000);
      expect(frames.at(-1)).to.contain('Rated 4,5 out of 5');
      expect(warnings.messages).to.deep.equal(['zmot: the da messages did not load within 300 ms; showing English']);
    } finally {
      warnings.restore();
      configure({ timeout: 8000 });
    }
  });

  it('one request per language, however many elements wait for it', async () => {
    const asked = countRequests();
    const wrapper = await fixture<HTMLElement>(html`<div lang="it">
      <zmot-rating .data=${feed}></zmot-rating><zmot-rating .data=${feed} variant="full"></zmot-rating>
      <zmot-testimonials .data=${feed}></zmot-testimonials>
    </div>`);
    await Promise.all([...wrapper.children].map((el) => (el as Film['el']).updateComplete));
    expect(asked()).to.equal(1);
    expect(wrapper.querySelector('zmot-testimonials')!.shadowRoot!.querySelector('[part~="list"]')!.getAttribute('aria-label')).to.equal(
      'Recensioni dei clienti',
    );
  });

  it('registerMessages rewords a shipped language for a region, or adds one zmot does not ship', async () => {
    registerMessages('es-MX', { testimonialsLabel: 'Opiniones de clientes' });
    registerMessages('fi', { noReviews: 'Ei vielä arvosteluja' });
    const wrapper = await fixture<HTMLElement>(html`<div>
      <zmot-testimonials lang="es-MX" .data=${feed}></zmot-testimonials>
      <zmot-rating lang="fi" .data=${{ product: { id: 'x' }, reviews: [] }}></zmot-rating>
    </div>`);
    const [mx, fi] = [...wrapper.children] as Film['el'][];
    await Promise.all([mx!.updateComplete, fi!.updateComplete]);
    const list = mx!.shadowRoot!.querySelector('[part~="list"]')!;
    expect(list.getAttribute('aria-label')).to.equal('Opiniones de clientes');
    expect(mx!.shadowRoot!.querySelector('[part~="verification"]')!.textContent!.trim()).to.equal('Marcada como verificada por la tienda');
    expect(fi!.shadowRoot!.querySelector('[part~="count"]')!.textContent).to.equal('Ei vielä arvosteluja');
  });

  it('loadLocale asks nothing for English or a loaded language', async () => {
    await loadLocale('ja');
    expect(loadLocale('ja')).to.equal(undefined);
    expect(loadLocale('ja-JP')).to.equal(undefined);
    expect(loadLocale('en')).to.equal(undefined);
  });

  it('updateComplete waits for the language, so integrators see the element in it', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="ar"><zmot-rating .data=${feed}></zmot-rating></div>`);
    const el = wrapper.firstElementChild as Film['el'];
    await el.updateComplete;
    await waitUntil(() => true);
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('aria-label')).to.match(/^التقييم/);
  });
});
