// Server rendering in Node (contract §7): `zmot/ssr` (the built dist/ssr, as a site's server imports it) for
// every variant, layout and language, without browser globals; and the collector's `GET /v1/render/…` from
// stored reviews, with its ETag, Cache-Control and errors, on SQLite and PostgreSQL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { parseImport } from '../../src/collector/import.js';
import { ratingMessages } from '../../src/elements/rating/rating.messages.js';
import { testimonialsMessages } from '../../src/elements/testimonials/testimonials.messages.js';
import { get, startCollector, STORE_KINDS, type Running } from './helpers.js';

interface Ssr {
  renderElement(tag: string, attributes?: Record<string, string | number | boolean | undefined>, feed?: unknown): Promise<string>;
  SERVER_LANGUAGES: readonly string[];
}
// The built entry, as `zmot/ssr` resolves for a site's server (test/ has a package.json of its own, so the
// package's name does not resolve from here).
const { renderElement, SERVER_LANGUAGES } = (await import(new URL('../../dist/ssr/index.js', import.meta.url).href)) as Ssr;

const FEED = JSON.parse(readFileSync(new URL('../../demo/feeds/trail-runner-2.json', import.meta.url), 'utf8')) as {
  product: { id: string };
  reviews: { body?: string; author: { name: string } }[];
};

type Catalogue = Record<string, unknown>;
async function catalogue(lang: string): Promise<Catalogue> {
  if (lang === 'en') return { ...ratingMessages, ...testimonialsMessages };
  return ((await import(`../../src/i18n/messages/${lang}.ts`)) as { default: Catalogue }).default;
}
/** The words of a message before its first placeholder, as HTML writes them. */
const lead = (message: unknown) =>
  String(message).split('{')[0]!.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const shadowRoot = (html: string) => /<template shadowroot="open" shadowrootmode="open">/.test(html);
const embeddedFeed = (html: string) => JSON.parse(/<script type="application\/json" data-zmot-feed>(.*?)<\/script>/s.exec(html)![1]!) as unknown;

describe('zmot/ssr renderElement', () => {
  test('runs in Node without a window, a document or a navigator', async () => {
    await renderElement('zmot-rating', { product: 'trail-runner-2' }, FEED);
    for (const name of ['window', 'document', 'navigator', 'location', 'localStorage']) {
      assert.equal((globalThis as Record<string, unknown>)[name], undefined, name);
    }
  });

  for (const variant of ['summary', 'full', 'compact']) {
    test(`<zmot-rating variant="${variant}">: stars, score and count in a declarative shadow root, the feed inside`, async () => {
      const html = await renderElement('zmot-rating', { product: 'trail-runner-2', variant }, FEED);
      assert.ok(html.includes('<zmot-rating') && html.includes('defer-hydration'), 'the element, waiting to hydrate');
      assert.ok(shadowRoot(html), 'a declarative shadow root');
      assert.match(html, /part="stars"/);
      assert.match(html, /part="average"><!--lit-part-->4\.\d<!--\/lit-part-->/);
      assert.match(html, /aria-label="Rated 4\.\d out of 5 from [\d,]+ reviews/);
      if (variant === 'full') assert.match(html, /part="distribution"/);
      assert.deepEqual(embeddedFeed(html), FEED);
    });
  }

  for (const layout of ['list', 'grid', 'carousel']) {
    test(`<zmot-testimonials layout="${layout}">: the first reviews as text`, async () => {
      const html = await renderElement('zmot-testimonials', { product: 'trail-runner-2', layout, limit: 3 }, FEED);
      assert.ok(shadowRoot(html));
      assert.ok(html.includes(FEED.reviews[0]!.author.name), 'the newest reviewer');
      assert.match(html, /part="testimonial"/);
      if (layout === 'carousel') assert.match(html, /aria-roledescription="carousel"/);
      else assert.equal(html.match(/part="testimonial"/g)!.length, 3);
    });
  }

  test('every language zmot ships, with its own words and no English in between', async () => {
    assert.deepEqual([...SERVER_LANGUAGES].sort(), ['ar', 'da', 'de', 'en', 'es', 'fr', 'it', 'ja', 'nl', 'pl', 'pt', 'sv']);
    for (const lang of SERVER_LANGUAGES) {
      const messages = await catalogue(lang);
      const rating = await renderElement('zmot-rating', { product: 'trail-runner-2', lang, variant: 'full' }, FEED);
      assert.ok(rating.includes(`aria-label="${lead(messages.ratingLabelSources ?? messages.ratingLabel)}`) || rating.includes(`aria-label="${lead(messages.ratingLabel)}`), `${lang}: the rating's label`);
      assert.ok(rating.includes(` lang="${lang}"`), `${lang}: the element keeps its lang`);
      const reviews = await renderElement('zmot-testimonials', { product: 'trail-runner-2', lang }, FEED);
      assert.ok(reviews.includes(`aria-label="${lead(messages.testimonialsLabel)}`), `${lang}: the list's label`);
      if (lang !== 'en') assert.ok(!reviews.includes(`aria-label="${lead(testimonialsMessages.testimonialsLabel)}"`), `${lang}: no English label`);
    }
  });

  test('review text is text: markup in a feed is escaped, and cannot end the embedded feed', async () => {
    const hostile = {
      product: { id: 'evil' },
      reviews: [{ id: 'x', rating: 1, body: '</script><script>alert(1)</script><img src=x onerror=alert(1)>', author: { name: '<b>Mallory</b>' } }],
    };
    const html = await renderElement('zmot-testimonials', { product: 'evil' }, hostile);
    assert.ok(!html.includes('<img src=x'), 'no image element from the feed');
    assert.ok(html.includes('&lt;b&gt;Mallory&lt;/b&gt;'), 'the name as text');
    assert.equal(html.match(/<\/script>/g)!.length, 1, 'only the embedded feed closes a script');
    assert.deepEqual(embeddedFeed(html), hostile);
  });

  test('refuses what it cannot render, by name', async () => {
    await assert.rejects(renderElement('zmot-recommend', {}, FEED), /renders zmot-rating and zmot-testimonials, not <zmot-recommend>/);
    await assert.rejects(renderElement('zmot-rating', { onclick: 'alert(1)' }, FEED), /has no attribute "onclick"/);
    await assert.rejects(renderElement('zmot-rating', { product: 'x' }, { product: {} }), /the feed is not valid/);
    await assert.rejects(renderElement('zmot-rating', { product: 'x' }), /no feed/);
  });
});

for (const kind of STORE_KINDS) {
  describe(`GET /v1/render (${kind})`, () => {
    let server: Running;
    before(async () => {
      server = await startCollector(kind);
      await server.store.importFeeds('acme', parseImport(JSON.stringify(FEED), 'json').feeds);
    });
    const render = (query: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}/v1/render/acme/${FEED.product.id}${query}`, { headers });

    test('the rating and the testimonials as HTML from the stored reviews, cacheable', async () => {
      const answer = await render('?widget=rating&variant=full');
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.match(answer.headers.get('cache-control')!, /^public, max-age=\d+/);
      assert.equal(answer.headers.get('access-control-allow-origin'), '*', 'public, like the feeds');
      const html = await answer.text();
      assert.ok(shadowRoot(html) && html.includes('variant="full"'));
      assert.match(html, /part="average"><!--lit-part-->4\.\d/);
      const etag = answer.headers.get('etag')!;
      assert.match(etag, /^"[\w-]{27}"$/);
      const again = await render('?widget=rating&variant=full', { 'if-none-match': etag });
      assert.equal(again.status, 304);
      const reviews = await (await render('?widget=testimonials&layout=grid&limit=2&lang=de')).text();
      assert.equal(reviews.match(/part="testimonial"/g)!.length, 2);
      assert.ok(reviews.includes('lang="de"') && reviews.includes('Kundenbewertungen'));
      assert.notEqual((await render('?widget=rating&lang=de')).headers.get('etag'), etag, 'another language, another ETag');
    });

    test('a clear 400 for a bad or repeated parameter; "No reviews yet" for a product without reviews, 404 for an unknown site', async () => {
      for (const query of ['?widget=dashboard', '?widget=rating&widget=testimonials', '?lang=xx', '?widget=testimonials&limit=0', '?variant=huge']) {
        const answer = await get(`${server.url}/v1/render/acme/${FEED.product.id}${query}`);
        assert.equal(answer.status, 400, query);
        assert.match(String(answer.body.error), /^(widget|lang|limit|variant)/, query);
      }
      const empty = await fetch(`${server.url}/v1/render/acme/nothing-here`);
      assert.equal(empty.status, 200);
      assert.match(await empty.text(), /No reviews yet/);
      assert.equal((await get(`${server.url}/v1/render/nobody/nothing-here`)).status, 404);
    });
  });
}
