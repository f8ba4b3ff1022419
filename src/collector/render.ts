/**
 * `GET /v1/render/{site}/{product}?widget=rating|testimonials[&variant=][&layout=][&limit=][&lang=]` (contract
 * §7): the element's server-rendered HTML (`zmot/ssr`) from the reviews stored for the product, for a
 * server-side include. Public and cacheable like the feeds: an ETag of the HTML, and `Cache-Control`.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { buildFeedPage, DEFAULT_PAGE_SIZE } from './feeds.js';
import type { Store } from './store/types.js';

/** What `zmot/ssr` exports that this route uses (imported by the package's own name, built in dist/ssr). */
interface Ssr {
  renderElement(tag: string, attributes: Record<string, string | undefined>, feed: unknown): Promise<string>;
  SERVER_LANGUAGES: readonly string[];
  RenderError: new (...args: never[]) => Error;
}

let ssr: Promise<Ssr> | undefined;
// A variable, so TypeScript leaves the package's own entry (built by Vite, not by this compile) to Node.
const SSR_ENTRY = 'zmot/ssr';
const loadSsr = () => (ssr ??= import(SSR_ENTRY) as Promise<Ssr>);

const WIDGETS = { rating: 'zmot-rating', testimonials: 'zmot-testimonials' } as const;
const VARIANTS = ['summary', 'full', 'compact'];
const LAYOUTS = ['list', 'grid', 'carousel'];
const CACHE = 'public, max-age=60, stale-while-revalidate=600';
const RENDERED_KEPT = 500;
/** At most this many characters of HTML kept in all (a long feed's HTML is ~100 KB). */
const RENDERED_CHARS = 16 * 1024 * 1024;
/** Rendered HTML by a hash of what it was rendered from (the feed itself would make the key as big as it). */
const rendered = new Map<string, string>();
let renderedChars = 0;

function keep(key: string, body: string): void {
  rendered.set(key, body);
  renderedChars += body.length;
  while (rendered.size > RENDERED_KEPT || (renderedChars > RENDERED_CHARS && rendered.size > 1)) {
    const [oldest, html] = rendered.entries().next().value!;
    rendered.delete(oldest);
    renderedChars -= html.length;
  }
}

/** One value of a query parameter: repeated, it is refused rather than guessed. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw new Error(`${name}: give it once`);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function oneOf(value: string | undefined, name: string, allowed: readonly string[]): string | undefined {
  if (value !== undefined && !allowed.includes(value)) throw new Error(`${name}: one of ${allowed.join(', ')}`);
  return value;
}

/** A server-side include of one of the collector's own GET routes. */
const INCLUDE = /<!--#include virtual="(\/v1\/[^"]*)" -->/g;

export const renderRoutes: FastifyPluginAsync<{
  store: Store;
  publicUrl?: string;
  includes?: readonly { path: string; file: string }[];
  /** The sites named by `--site` and `--allow-origin site=…` (see buildFeedPage). */
  named?: readonly string[];
}> = async (app, { store, publicUrl, includes = [], named = [] }) => {
  for (const page of includes) {
    app.get(page.path, async (_request, reply) => {
      const template = await readFile(page.file, 'utf8');
      const urls = [...template.matchAll(INCLUDE)].map((match) => match[1]!.replaceAll('&amp;', '&'));
      const included = await Promise.all(urls.map((url) => app.inject({ method: 'GET', url }).then((answer) => (answer.statusCode === 200 ? answer.body : ''))));
      let index = 0;
      const html = template.replace(INCLUDE, () => included[index++] ?? '');
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    });
  }

  app.get('/v1/render/:site/:product', async (request, reply) => {
    const { site, product } = request.params as { site: string; product: string };
    const query = request.query as Record<string, unknown>;
    const { renderElement, SERVER_LANGUAGES } = await loadSsr();
    let widget: keyof typeof WIDGETS, attributes: Record<string, string | undefined>, limit: number;
    try {
      widget = (oneOf(single(query, 'widget'), 'widget', Object.keys(WIDGETS)) ?? 'rating') as keyof typeof WIDGETS;
      // The language as zmot has it (`pt-BR` and `pt-x-anything` draw the same Portuguese): one cached HTML
      // per language, not one per spelling a client can invent.
      const lang = single(query, 'lang')?.toLowerCase().split('-')[0];
      if (lang !== undefined && !SERVER_LANGUAGES.includes(lang)) {
        throw new Error(`lang: one of ${SERVER_LANGUAGES.join(', ')}`);
      }
      const limitText = single(query, 'limit');
      limit = limitText === undefined ? 6 : Number(limitText);
      if (!Number.isInteger(limit) || limit < 1 || limit > DEFAULT_PAGE_SIZE) throw new Error(`limit: an integer from 1 to ${DEFAULT_PAGE_SIZE}`);
      attributes =
        widget === 'rating'
          ? { product, lang, variant: oneOf(single(query, 'variant'), 'variant', VARIANTS) }
          : { product, lang, layout: oneOf(single(query, 'layout'), 'layout', LAYOUTS), limit: limitText };
    } catch (error) {
      return reply.code(400).send({ error: (error as Error).message });
    }
    // The embedded feed's `next` (the later pages, for "Show more") must be absolute: the page that includes this
    // HTML is elsewhere. It starts from --public-url, never from the request's Host header, which this public,
    // cached answer would carry to everyone; without --public-url the element pages through the first 20.
    const path = `/v1/feeds/${encodeURIComponent(site)}/${encodeURIComponent(product)}`;
    const self = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : path;
    const feed = await buildFeedPage(store, { site, product, page: 1, limit: DEFAULT_PAGE_SIZE, self, named });
    if (feed && !publicUrl) delete feed.next;
    if (!feed) {
      return reply.code(404).header('cache-control', 'public, max-age=60').send({ error: `unknown site ${JSON.stringify(site)}: nothing imported for it, and not named by --site` });
    }
    const key = createHash('sha256').update(JSON.stringify([WIDGETS[widget], attributes, feed])).digest('base64url');
    let body = rendered.get(key);
    if (body === undefined) {
      try {
        body = await renderElement(WIDGETS[widget], attributes, feed);
      } catch (error) {
        // The stored feed is one the element refuses (imported data it cannot draw): say so, not 500.
        if ((error as Error).name !== 'RenderError') throw error;
        return reply.code(422).header('cache-control', 'public, max-age=60').send({ error: (error as Error).message });
      }
      // The HTML of the latest few hundred feeds and settings: a repeated request (a revalidation) renders nothing.
      keep(key, body);
    }
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    reply.header('etag', etag).header('cache-control', CACHE).header('vary', 'Origin');
    const match = request.headers['if-none-match'];
    if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
    return reply.type('text/html; charset=utf-8').send(body);
  });
};
